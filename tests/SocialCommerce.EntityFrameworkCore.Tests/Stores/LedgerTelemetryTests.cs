using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>The stored ledger reports every operation to the listener as the in-memory ledger does: by operation and outcome, with the amounts by kind.</summary>
public abstract class LedgerTelemetryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task The_stored_ledger_reports_what_the_in_memory_ledger_reports_for_the_same_commands()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var stored = new Recording();
        var memory = new Recording();
        var ledger = new CommissionLedger(StoreHost.LedgerOptions, listener: memory);
        var t0 = StoreHost.T0;

        StoreHost.Listener = stored;
        try
        {
            await using var shop = await StoreHost.StartAsync(database, db);
            await shop.Network.RegisterAsync(new MemberId(1), null, t0);
            await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), t0);
            await shop.Network.RegisterAsync(new MemberId(3), new MemberId(2), t0);

            var (sale, _) = await shop.SellAsync("S-1", buyer: 3, amount: 200.00m, t0 + Duration.FromHours(1));
            ledger.Post(sale);
            await shop.Ledger.PostAsync(sale);                                  // a retry: duplicate
            ledger.Post(sale);
            var completedAt = t0 + Duration.FromDays(1);
            await shop.Ledger.CompleteAsync("S-1", completedAt);
            ledger.Complete("S-1", completedAt);
            await shop.Ledger.CompleteAsync("S-404", completedAt);              // refused: unknown sale
            ledger.Complete("S-404", completedAt);
            var refund = LedgerRefund.ForAmount("R-1", "S-1", completedAt + Duration.FromHours(1), new Money(50.00m, Currency.CNY));
            await shop.Ledger.RefundAsync(refund);
            ledger.Refund(refund);
            var due = completedAt + Duration.FromDays(7);
            await shop.Ledger.ReleaseDueAsync(due);
            ledger.Release(due);
            var withdrawal = new LedgerWithdrawal("W-1", new MemberId(2), new Money(10.00m, Currency.CNY), due);
            await shop.Ledger.WithdrawAsync(withdrawal);
            ledger.Withdraw(withdrawal);
            var tooMuch = new LedgerWithdrawal("W-2", new MemberId(2), new Money(1000.00m, Currency.CNY), due);
            await shop.Ledger.WithdrawAsync(tooMuch);                          // refused: insufficient
            ledger.Withdraw(tooMuch);
        }
        finally
        {
            StoreHost.Listener = null;
        }

        Assert.Equal(memory.Operations, stored.Operations);
        Assert.Equal(
            ["post:Applied", "post:Duplicate", "complete:Applied", "complete:Refused:UnknownSale", "refund:Applied", "release:Applied", "withdraw:Applied", "withdraw:Refused:InsufficientAvailableBalance"],
            stored.Operations);

        // Earned, completed, cancelled and released amounts by kind are the same (the in-memory ledger also writes
        // withdrawal entries, which the store keeps as withdrawal rows).
        var kinds = new[] { "Earned", "Completed", "Cancelled", "Released" };
        Assert.Equal(memory.AmountsOf(kinds), stored.AmountsOf(kinds));
        Assert.Equal(2000 + 1000, stored.AmountsOf(["Earned"])["Earned"]);   // 10 % and 5 % of 200.00, in fen
    }

    private sealed class Recording : SocialCommerceListener
    {
        private readonly ConcurrentQueue<string> _operations = new();
        private readonly ConcurrentQueue<(string Kind, long MinorUnits)> _amounts = new();

        public List<string> Operations => [.. _operations];

        public Dictionary<string, long> AmountsOf(string[] kinds) =>
            _amounts.Where(a => kinds.Contains(a.Kind)).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Sum(a => a.MinorUnits));

        public override void OnLedger(in LedgerArguments arguments)
        {
            _operations.Enqueue(arguments.Outcome == LedgerOutcome.Refused
                ? $"{arguments.Operation}:Refused:{arguments.Refusal}"
                : $"{arguments.Operation}:{arguments.Outcome}");
            foreach (var posting in arguments.Postings)
            {
                _amounts.Enqueue((posting.Kind.ToString(), System.Math.Abs(posting.MinorUnits)));
            }

            if (arguments.HasResult && arguments.Outcome == LedgerOutcome.Applied)
            {
                foreach (var entry in arguments.Result.GetEntries())
                {
                    _amounts.Enqueue((entry.Kind.ToString(), System.Math.Abs(entry.Amount.ToMinorUnits())));
                }
            }
        }
    }
}

public sealed class SqliteLedgerTelemetryTests(SqliteDatabase database) : LedgerTelemetryTests<SqliteDatabase>(database);

public sealed class PostgresLedgerTelemetryTests(PostgresDatabase database) : LedgerTelemetryTests<PostgresDatabase>(database);

public sealed class RetryingSqliteLedgerTelemetryTests(RetryingSqliteDatabase database) : LedgerTelemetryTests<RetryingSqliteDatabase>(database);

public sealed class RetryingPostgresLedgerTelemetryTests(RetryingPostgresDatabase database) : LedgerTelemetryTests<RetryingPostgresDatabase>(database);
