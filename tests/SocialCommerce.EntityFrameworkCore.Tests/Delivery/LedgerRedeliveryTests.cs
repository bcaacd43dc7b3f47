using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.EntityFrameworkCore.Writer;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Issue 25, the ledger: postings, completions, refunds and withdrawals each delivered one to three times — redeliveries
/// interleaved with later commands, sent to either of two instances, one losing an acknowledgement now and then — give
/// what the in-memory ledger gives with single delivery: the first reply the model's outcome (applied, possibly as the
/// duplicate of its own lost acknowledgement, or refused), every redelivery of an applied command a duplicate, and the
/// same balances at the end.
/// </summary>
public abstract class LedgerRedeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Ledger_commands_delivered_one_to_three_times_give_what_single_delivery_gives_in_memory(int seed)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var lostAcks = new FailingCommits(5) { AfterCommit = true, Enabled = false };
        await using var a = await StoreHost.StartAsync(database, db, "a", null, lostAcks);
        await using var b = await StoreHost.StartAsync(database, db, "b");
        await a.Network.RegisterAsync(new MemberId(1), null, WriterCommands.T0);
        await a.Network.RegisterAsync(new MemberId(2), new MemberId(1), WriterCommands.T0);
        await a.Network.RegisterAsync(new MemberId(3), new MemberId(2), WriterCommands.T0);
        lostAcks.Enabled = true;

        var random = new Random(seed);
        var memory = new CommissionLedger(WriterCommands.Ledger);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), WriterCommands.T0);
        network.AddMember(new MemberId(2), new MemberId(1), WriterCommands.T0);
        network.AddMember(new MemberId(3), new MemberId(2), WriterCommands.T0);
        var engine = new CommissionEngine(WriterCommands.Plan);

        // The model decides each command once, in order; the store gets the same commands, redelivered.
        var commands = new List<(string Name, LedgerOutcome Model, bool Resend, Func<StoreHost, Task<LedgerOutcome>> Send)>();
        for (var step = 0; step < 50; step++)
        {
            var sale = LedgerSale.FromQuote(WriterCommands.SaleOf(step), engine.Quote(WriterCommands.SaleOf(step), network), engine.Plan);
            commands.Add(($"post {sale.SaleId}", memory.Post(sale).Outcome, true, async s => (await s.Ledger.PostAsync(sale)).Outcome));
            var completedAt = sale.PaidAt + Duration.FromMinutes(1);
            commands.Add(($"complete {sale.SaleId}", memory.Complete(sale.SaleId, completedAt).Outcome, true, async s => (await s.Ledger.CompleteAsync(sale.SaleId, completedAt)).Outcome));
            if (WriterCommands.RefundOf(step) is { } refund)
            {
                commands.Add(($"refund {refund.RefundId}", memory.Refund(refund).Outcome, true, async s => (await s.Ledger.RefundAsync(refund)).Outcome));
            }

            if (WriterCommands.ReleaseAt(step) is { } at)
            {
                var releaseAt = at + Duration.FromDays(1);
                memory.Release(releaseAt);
                commands.Add(($"release at {releaseAt}", LedgerOutcome.Applied, false, async s => { await s.Ledger.ReleaseDueAsync(releaseAt); return LedgerOutcome.Applied; }));
                var withdrawal = WriterCommands.WithdrawalOf(step)!.Value with { At = releaseAt };
                var decided = memory.Withdraw(withdrawal).Result.Outcome;

                // A refused withdrawal is not stored (issue 25, left open): resent after later releases it would be
                // decided again against more money, so only applied withdrawals are redelivered here.
                commands.Add(($"withdraw {withdrawal.WithdrawalId}", decided, decided == LedgerOutcome.Applied, async s => (await s.Ledger.WithdrawAsync(withdrawal)).Result.Outcome));
            }
        }

        var deliveries = Redeliveries.Schedule(commands.Count, i => commands[i].Resend, random);

        var seen = new bool[commands.Count];
        foreach (var index in deliveries)
        {
            var (name, model, _, send) = commands[index];
            var outcome = await send(random.Next(2) == 0 ? a : b);
            if (!seen[index])
            {
                seen[index] = true;
                Assert.True(model == LedgerOutcome.Applied ? outcome is LedgerOutcome.Applied or LedgerOutcome.Duplicate : outcome == model, $"{name}: the model says {model}, the store {outcome}");
            }
            else
            {
                Assert.True(outcome == LedgerOutcome.Duplicate, $"{name} again: {outcome}");
            }
        }

        Assert.True(lostAcks.Injected > 0, "no acknowledgement was lost");
        await using var fresh = await StoreHost.StartAsync(database, db, "c");
        var balances = await fresh.Ledger.GetBalancesAsync();
        Assert.NotEmpty(balances);
        foreach (var balance in balances)
        {
            Assert.Equal(memory.GetBalance(balance.Member, balance.Currency), balance);
        }

        Assert.All(await fresh.Ledger.GetTotalsAsync(), totals => Assert.True(totals.IsConserved, totals.ToString()));
    }
}

public sealed class SqliteLedgerRedeliveryTests(SqliteDatabase database) : LedgerRedeliveryTests<SqliteDatabase>(database);

public sealed class PostgresLedgerRedeliveryTests(PostgresDatabase database) : LedgerRedeliveryTests<PostgresDatabase>(database);

public sealed class RetryingPostgresLedgerRedeliveryTests(RetryingPostgresDatabase database) : LedgerRedeliveryTests<RetryingPostgresDatabase>(database);
