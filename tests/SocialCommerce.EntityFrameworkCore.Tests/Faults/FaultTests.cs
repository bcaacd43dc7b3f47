using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.EntityFrameworkCore.Writer;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Faults;

/// <summary>
/// Failures in the middle of commands: a transient failure at commit (injected by an EF Core interceptor), a commit
/// that succeeded but was reported as failed, and a writer process killed with SIGKILL. Nothing may be half-applied,
/// the retried commands complete, and the stored ledger conserves money and equals the in-memory ledger.
/// </summary>
public abstract class FaultTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private const int Steps = 300;

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Transient_failures_at_commit_are_retried_and_nothing_is_half_applied_or_applied_twice(bool afterCommit)
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var faults = new FailingCommits(3) { AfterCommit = afterCommit, Enabled = false };
        await using var shop = await StoreHost.StartAsync(database, db, "a", null, faults);
        await shop.Network.RegisterAsync(new MemberId(1), null, StoreHost.T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), StoreHost.T0);
        await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), StoreHost.T0);
        faults.Enabled = true;

        var memory = new CommissionLedger(WriterCommands.Ledger);
        for (var step = 0; step < 60; step++)
        {
            await RunStepAsync(shop, memory, step);
        }

        Assert.True(faults.Injected >= 20, $"only {faults.Injected} failures injected");
        await AssertStoredEqualsMemoryAsync(db, memory, shop.Ledger, expectedSales: 60);
    }

    [SkippableFact]
    public async Task A_writer_killed_in_the_middle_of_a_stream_leaves_nothing_half_applied_and_a_rerun_completes_it()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        using (var writer = StartWriter(db))
        {
            var seen = 0;
            while (await writer.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("step ", StringComparison.Ordinal) && ++seen == 40)
                {
                    break;
                }
            }

            Assert.Equal(40, seen);
            writer.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no disposal, mid-transaction
            await writer.WaitForExitAsync();
        }

        // What the killed writer left is consistent: some prefix of the stream, each command whole.
        await using (var shop = await StoreHost.StartAsync(database, db, "after-kill"))
        {
            foreach (var balance in await shop.Ledger.GetBalancesAsync())
            {
                AssertConserved(balance);
            }
        }

        // A rerun of the whole stream completes it: what was committed is a duplicate, the rest applies.
        using (var rerun = StartWriter(db))
        {
            var output = await rerun.StandardOutput.ReadToEndAsync();
            await rerun.WaitForExitAsync();
            Assert.True(rerun.ExitCode == 0, output + await rerun.StandardError.ReadToEndAsync());
        }

        var memory = new CommissionLedger(WriterCommands.Ledger);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), WriterCommands.T0);
        network.AddMember(new MemberId(2), new MemberId(1), WriterCommands.T0);
        network.AddMember(new MemberId(3), new MemberId(2), WriterCommands.T0);
        var engine = new CommissionEngine(WriterCommands.Plan);
        for (var step = 0; step < Steps; step++)
        {
            Replay(memory, engine, network, step);
        }

        await using var restarted = await StoreHost.StartAsync(database, db, "after-rerun");
        await AssertStoredEqualsMemoryAsync(db, memory, restarted.Ledger, expectedSales: Steps);
    }

    private Process StartWriter(string db)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SocialCommerce.EntityFrameworkCore.Writer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add((database is PostgresDatabase ? "postgres" : "sqlite") + (database.Retrying ? "-retrying" : string.Empty));
        start.ArgumentList.Add(db);
        start.ArgumentList.Add(Steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the writer");
    }

    private static async Task RunStepAsync(StoreHost shop, CommissionLedger memory, int step)
    {
        var sale = WriterCommands.SaleOf(step);
        var quote = await shop.Network.QuoteAsync(shop.Engine, sale);
        var ledgerSale = LedgerSale.FromQuote(sale, quote, shop.Engine.Plan);
        Assert.NotEqual(LedgerOutcome.Refused, (await shop.Ledger.PostAsync(ledgerSale)).Outcome);
        memory.Post(ledgerSale);
        await shop.Ledger.CompleteAsync(sale.Id, sale.PaidAt + Duration.FromMinutes(1));
        memory.Complete(sale.Id, sale.PaidAt + Duration.FromMinutes(1));
        if (WriterCommands.RefundOf(step) is { } refund)
        {
            await shop.Ledger.RefundAsync(refund);
            memory.Refund(refund);
        }

        if (WriterCommands.ReleaseAt(step) is { } at)
        {
            await shop.Ledger.ReleaseDueAsync(at + Duration.FromDays(1));
            memory.Release(at + Duration.FromDays(1));
            var withdrawal = WriterCommands.WithdrawalOf(step)!.Value with { At = at + Duration.FromDays(1) };
            var stored = await shop.Ledger.WithdrawAsync(withdrawal);
            var expected = memory.Withdraw(withdrawal);
            Assert.Equal(expected.Result.IsApplied, stored.Result.IsApplied || stored.Result.Outcome == LedgerOutcome.Duplicate);
        }
    }

    private static void Replay(CommissionLedger memory, CommissionEngine engine, ReferralNetwork network, int step)
    {
        var sale = WriterCommands.SaleOf(step);
        memory.Post(LedgerSale.FromQuote(sale, engine.Quote(sale, network), engine.Plan));
        memory.Complete(sale.Id, sale.PaidAt + Duration.FromMinutes(1));
        if (WriterCommands.RefundOf(step) is { } refund)
        {
            memory.Refund(refund);
        }

        if (WriterCommands.ReleaseAt(step) is { } at)
        {
            memory.Release(at);
            if (WriterCommands.StreamWithdrawalOf(step) is { } withdrawal)
            {
                Assert.True(memory.Withdraw(withdrawal).Result.IsApplied, $"the stream's withdrawal at step {step} is covered");
            }
        }
    }

    private async Task AssertStoredEqualsMemoryAsync(string db, CommissionLedger memory, StoredCommissionLedger stored, int expectedSales)
    {
        var balances = await stored.GetBalancesAsync();
        Assert.Equal(2, balances.Count);
        foreach (var balance in balances)
        {
            Assert.Equal(memory.GetBalance(balance.Member, balance.Currency), balance);
            AssertConserved(balance);
        }

        await using var context = StoreHost.OpenContext(database, db);
        Assert.Equal(expectedSales, await context.Set<SaleRow>().CountAsync());
        // One stored entry per posting and per withdrawal (debt, fee and write-off movements are in the balances).
        var postings = memory.GetEntries().Count(e => e.Kind is LedgerEntryKind.Earned or LedgerEntryKind.Completed or LedgerEntryKind.Released or LedgerEntryKind.Cancelled or LedgerEntryKind.Clawback or LedgerEntryKind.Withdrawn);
        Assert.Equal(postings, await context.Set<EntryRow>().CountAsync());
    }

    private static void AssertConserved(LedgerBalance b) =>
        Assert.Equal(b.Booked.Amount - b.Reversed.Amount + b.WrittenOff.Amount + b.Forgiven.Amount, b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount);
}

public sealed class SqliteFaultTests(SqliteDatabase database) : FaultTests<SqliteDatabase>(database);

public sealed class PostgresFaultTests(PostgresDatabase database) : FaultTests<PostgresDatabase>(database);

public sealed class RetryingSqliteFaultTests(RetryingSqliteDatabase database) : FaultTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresFaultTests(RetryingPostgresDatabase database) : FaultTests<RetryingPostgresDatabase>(database);
