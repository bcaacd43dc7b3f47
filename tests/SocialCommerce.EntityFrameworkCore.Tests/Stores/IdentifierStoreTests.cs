using System;
using System.Threading.Tasks;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Ids at the schema's limit are stored and read back as they are; ids one past it, or with a NUL or another control
/// character, are refused before any database sees them (issue 30) — on both providers.
/// </summary>
public abstract class IdentifierStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableFact]
    public async Task Ids_at_the_limit_round_trip_and_ids_past_it_never_reach_the_database()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(database, db);
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);
        var saleId = new string('销', Limits.MaxIdLength);
        var withdrawalId = "w-" + new string('界', Limits.MaxIdLength - 2);

        var (_, posted) = await shop.SellAsync(saleId, 2, 100m, T0);
        Assert.True(posted.IsApplied);
        Assert.Equal(saleId, (await shop.Ledger.GetSaleAsync(saleId))!.Sale.SaleId);
        await shop.Ledger.CompleteAsync(saleId, T0);
        await shop.Ledger.ReleaseDueAsync(T0 + Duration.FromDays(8));
        Assert.True((await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal(withdrawalId, new MemberId(1), new Money(1m, Currency.CNY), T0 + Duration.FromDays(8)))).IsApplied);
        Assert.Equal(withdrawalId, (await shop.Ledger.GetWithdrawalAsync(withdrawalId))!.WithdrawalId);

        foreach (var bad in new[] { new string('x', Limits.MaxIdLength + 1), "S-1\u0000", "S\u001b[31m" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.CompleteAsync(bad, T0));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.GetSaleAsync(bad));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.ApproveWithdrawalAsync(bad));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Referrals.EarnAsync(bad, T0));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Batches.GetAsync(bad));
            Assert.Throws<InvalidSaleException>(() => new Sale(bad, new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "tea", 1, new Money(1m, Currency.CNY))]));
        }
    }
}

public sealed class SqliteIdentifierStoreTests(SqliteDatabase database) : IdentifierStoreTests<SqliteDatabase>(database);

public sealed class PostgresIdentifierStoreTests(PostgresDatabase database) : IdentifierStoreTests<PostgresDatabase>(database);
