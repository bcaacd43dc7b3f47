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
        Assert.Equal(withdrawalId, (await shop.Ledger.GetWithdrawalAsync(new MemberId(1), Currency.CNY, withdrawalId))!.WithdrawalId);

        foreach (var bad in new[] { new string('x', Limits.MaxIdLength + 1), "S-1\u0000", "S\u001b[31m" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.CompleteAsync(bad, T0));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.GetSaleAsync(bad));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Ledger.ApproveWithdrawalAsync(new MemberId(1), Currency.CNY, bad));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Referrals.EarnAsync(bad, T0));
            await Assert.ThrowsAsync<ArgumentException>(() => shop.Batches.GetAsync(bad));
            Assert.Throws<InvalidSaleException>(() => new Sale(bad, new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "tea", 1, new Money(1m, Currency.CNY))]));
        }
    }
}

public sealed class SqliteIdentifierStoreTests(SqliteDatabase database) : IdentifierStoreTests<SqliteDatabase>(database);

public sealed class PostgresIdentifierStoreTests(PostgresDatabase database) : IdentifierStoreTests<PostgresDatabase>(database);

/// <summary>Withdrawal ids are scoped to the member's account: one member can neither block nor probe another's (issue 30).</summary>
public abstract class WithdrawalIdScopeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task Two_members_may_use_the_same_withdrawal_id_and_each_resend_is_its_own_duplicate()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(database, db);
        var t0 = StoreHost.T0;
        await shop.Network.RegisterAsync(new MemberId(1), null, t0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), t0);
        await shop.Network.RegisterAsync(new MemberId(5), new MemberId(2), t0);
        await shop.Network.RegisterAsync(new MemberId(9), new MemberId(5), t0);
        await shop.SellAsync("S-1", 5, 1000m, t0);                            // member 2 earns 100.00 (level 1)
        await shop.SellAsync("S-2", 9, 1000m, t0);                            // member 5 earns 100.00 (level 1)
        await shop.Ledger.CompleteAsync("S-1", t0);
        await shop.Ledger.CompleteAsync("S-2", t0);
        await shop.Ledger.ReleaseDueAsync(t0 + Duration.FromDays(8));
        var at = t0 + Duration.FromDays(8);

        var two = await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("w-5-0001", new MemberId(2), new Money(10m, Currency.CNY), at));
        var five = await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("w-5-0001", new MemberId(5), new Money(20m, Currency.CNY), at));

        Assert.True(two.Result.IsApplied);
        Assert.True(five.Result.IsApplied);                                   // never ConflictingDuplicate: the id is member 5's own
        Assert.Equal(LedgerOutcome.Duplicate, (await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("w-5-0001", new MemberId(5), new Money(20m, Currency.CNY), at))).Result.Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, (await shop.Ledger.WithdrawAsync(new LedgerWithdrawal("w-5-0001", new MemberId(5), new Money(21m, Currency.CNY), at))).Result.Refusal);
        Assert.Equal(new Money(10m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY)).Withdrawn);
        Assert.Equal(new Money(20m, Currency.CNY), (await shop.Ledger.GetBalanceAsync(new MemberId(5), Currency.CNY)).Withdrawn);

        Assert.True((await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("w-2", new MemberId(2), new Money(1m, Currency.CNY), at))).IsApplied);
        Assert.True((await shop.Ledger.RequestWithdrawalAsync(new LedgerWithdrawal("w-2", new MemberId(5), new Money(2m, Currency.CNY), at))).IsApplied);
        Assert.True((await shop.Ledger.ApproveWithdrawalAsync(new MemberId(5), Currency.CNY, "w-2")).IsApplied);
        Assert.Equal(WithdrawalStatus.Requested, (await shop.Ledger.GetWithdrawalAsync(new MemberId(2), Currency.CNY, "w-2"))!.Status);
        Assert.Equal(LedgerRefusal.UnknownWithdrawal, (await shop.Ledger.ApproveWithdrawalAsync(new MemberId(9), Currency.CNY, "w-2")).Refusal);
        var adjustment = new AccountAdjustment("a-1", new MemberId(2), new Money(1m, Currency.CNY), "staff", "goodwill", at);
        Assert.True((await shop.Ledger.AdjustAsync(adjustment)).IsApplied);
        Assert.True((await shop.Ledger.AdjustAsync(adjustment with { Member = new MemberId(5) })).IsApplied);
    }
}

public sealed class SqliteWithdrawalIdScopeTests(SqliteDatabase database) : WithdrawalIdScopeTests<SqliteDatabase>(database);

public sealed class PostgresWithdrawalIdScopeTests(PostgresDatabase database) : WithdrawalIdScopeTests<PostgresDatabase>(database);
