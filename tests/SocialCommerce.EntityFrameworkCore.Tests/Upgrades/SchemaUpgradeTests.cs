using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Upgrades;

/// <summary>
/// Schema upgrades on the package's own context (issue 26): a database written by version 1 of the package is
/// upgraded in place at start (1 → 2 → 3 → 4), never recreated, by two instances starting at once; every row is
/// kept and the engines go on from it.
/// </summary>
public abstract class SchemaUpgradeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    [SkippableFact]
    public async Task A_version_1_database_with_data_is_upgraded_in_place_by_instances_starting_at_once_and_every_row_is_kept()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await Version1Database.CreateAsync(database, db);

        var starting = new[] { StoreHost.StartAsync(database, db, "up-a"), StoreHost.StartAsync(database, db, "up-b") };
        await Task.WhenAll(starting);
        await using var a = starting[0].Result;
        await using var b = starting[1].Result;

        // The tables have the shape of new ones: the same columns, keys and indexes.
        var fresh = await database.CreateDatabaseAsync();
        await using (var context = StoreHost.OpenContext(database, fresh))
        {
            await SocialCommerceSchema.CreateAsync(context);
        }

        var shape = await SchemaShape.ReadAsync(database, fresh);
        Assert.Contains(shape, l => l.StartsWith("column sc_entries.PostingId", StringComparison.Ordinal));
        Assert.Contains(shape, l => l.StartsWith("index ", StringComparison.Ordinal) && l.Contains("sc_withdrawals", StringComparison.Ordinal));
        Assert.Equal(shape, await SchemaShape.ReadAsync(database, db));

        await using (var context = StoreHost.OpenContext(database, db))
        {
            Assert.Equal(SocialCommerceSchema.Version, (await context.Set<SchemaRow>().SingleAsync()).Version);

            // Every entry kept; the withdrawal and adjustment postings now name their account, as the stores write them.
            var entries = await context.Set<EntryRow>().AsNoTracking().ToListAsync();
            var stored = Version1Database.Table("sc_entries").ToList();
            Assert.Equal(stored.Count, entries.Count);
            foreach (var old in stored)
            {
                var id = old.GetProperty("PostingId").GetString()!;
                var member = old.GetProperty("MemberId").GetInt64();
                var expected = id.StartsWith("withdrawal:", StringComparison.Ordinal) || id.StartsWith("adjustment:", StringComparison.Ordinal)
                    ? $"{id.Split(':')[0]}:{member}:CNY:{id.Split(':', 2)[1]}"
                    : id;
                var entry = Assert.Single(entries, e => e.PostingId == expected);
                Assert.Equal(member, entry.MemberId);
                Assert.Equal(old.GetProperty("MinorUnits").GetInt64(), entry.MinorUnits);
                Assert.Equal(old.GetProperty("At").GetInt64(), entry.At);
            }
        }

        // Every account's balances as version 1 stored them, and the ledger still conserved.
        var balances = await a.Ledger.GetBalancesAsync();
        var accounts = Version1Database.Table("sc_accounts").ToList();
        Assert.Equal(accounts.Count, balances.Count);
        foreach (var row in accounts)
        {
            var balance = Assert.Single(balances, x => x.Member.Value == row.GetProperty("MemberId").GetInt64());
            Money Cny(string column) => Money.FromMinorUnits(row.GetProperty(column).GetInt64(), Currency.CNY);
            Assert.Equal(
                new LedgerBalance(balance.Member, Currency.CNY, Cny("Pending"), Cny("Frozen"), Cny("Available"), Cny("Withdrawn"), Cny("Fees"), Cny("Debt"), Cny("WrittenOff"), Cny("Forgiven"), Cny("Booked"), Cny("Reversed")) { InWithdrawal = Cny("InWithdrawal"), Adjusted = Cny("Adjusted") },
                balance);
            Assert.Equal(Cny("InWithdrawal"), await b.Ledger.GetInWithdrawalAsync(balance.Member, Currency.CNY));
        }

        Assert.True(Assert.Single(await a.Ledger.GetTotalsAsync()).IsConserved);

        // The commands of version 1 answer their resends as duplicates (a renamed posting is still the same posting)...
        Assert.Equal(LedgerOutcome.Duplicate, (await a.Ledger.WithdrawAsync(new LedgerWithdrawal("W-1", new MemberId(2), new Money(50m, Currency.CNY), T0 + Duration.FromDays(10)))).Result.Outcome);
        Assert.Equal(LedgerOutcome.Duplicate, (await b.Ledger.AdjustAsync(new AccountAdjustment("A-1", new MemberId(1), new Money(-5m, Currency.CNY), "ops-7", "duplicate payment", T0 + Duration.FromDays(10)))).Outcome);
        Assert.Equal(LedgerOutcome.Duplicate, (await a.SellAsync("S-1", buyer: 3, amount: 1000m, T0)).Result.Outcome);
        Assert.Equal(LedgerOutcome.Duplicate, (await b.Ledger.RefundAsync(LedgerRefund.ForAmount("R-3", "S-3", T0 + Duration.FromDays(2), new Money(100m, Currency.CNY)))).Outcome);

        // ... and what version 1 left open goes on: the requested withdrawal is approved and paid, a new sale posts.
        Assert.True((await a.Ledger.ApproveWithdrawalAsync(new MemberId(2), Currency.CNY, "W-2")).IsApplied);
        Assert.True((await b.Ledger.MarkWithdrawalPaidAsync(new MemberId(2), Currency.CNY, "W-2", "bank-1", T0 + Duration.FromDays(11))).IsApplied);
        Assert.Equal(new Money(80m, Currency.CNY), (await a.Ledger.GetBalanceAsync(new MemberId(2), Currency.CNY)).Withdrawn);
        Assert.Equal(LedgerOutcome.Applied, (await a.SellAsync("S-4", buyer: 4, amount: 100m, T0 + Duration.FromDays(12))).Result.Outcome);
        Assert.True(Assert.Single(await a.Ledger.GetTotalsAsync()).IsConserved);

        // The network, the groups and their member slots, the batch and the growth account are as version 1 left them.
        Assert.Equal(4, a.Network.Count);
        Assert.Equal(new MemberId(3), a.Network.GetMember(new MemberId(4)).Referrer);
        var group = (await b.Groups.GetAsync(new GroupBuyId(1)))!;
        Assert.Equal([new MemberId(1), new MemberId(2), new MemberId(3)], group.GetParticipants());
        Assert.True((await b.Groups.JoinAsync(new GroupBuyId(1), new MemberId(4), T0 + Duration.FromMinutes(3))).IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await a.Groups.OpenAsync(new GroupBuyId(9), "pair", new MemberId(20), T0 + Duration.FromMinutes(5))).Refusal);
        var batch = (await a.Batches.GetAsync("B-1"))!;
        Assert.Equal(2, batch.OrderedQuantity("durian"));
        Assert.Equal(620, (await b.Growth.GetAsync(new MemberId(2)))!.LifetimePoints);

        // The tables version 2 added exist: an invitation opens.
        Assert.True((await a.Invitations.OpenAsync(new InvitationId(1), "cut", new MemberId(2), T0 + Duration.FromDays(12), seed: 7)).IsAccepted);

        // A restart finds the current version and changes nothing.
        await using var c = await StoreHost.StartAsync(database, db, "up-c");
        Assert.Equal(await a.Ledger.GetBalancesAsync(), await c.Ledger.GetBalancesAsync());
    }
}

public sealed class SqliteSchemaUpgradeTests(SqliteDatabase database) : SchemaUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresSchemaUpgradeTests(PostgresDatabase database) : SchemaUpgradeTests<PostgresDatabase>(database);

public sealed class RetryingPostgresSchemaUpgradeTests(RetryingPostgresDatabase database) : SchemaUpgradeTests<RetryingPostgresDatabase>(database);
