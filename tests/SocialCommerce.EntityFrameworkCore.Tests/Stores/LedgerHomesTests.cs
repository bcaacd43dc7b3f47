using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Issue 25, one ledger: the in-memory <see cref="CommissionLedger"/> and the stored ledger are two homes of the same
/// aggregates. Random streams of every ledger command — postings, completions, releases, refunds, holds, lifts,
/// declines, immediate withdrawals, the withdrawal lifecycle, adjustments and payout runs — get the same outcome and
/// refusal from both, command by command, and leave the same balances and withdrawal records.
/// </summary>
public abstract class LedgerHomesTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    private static readonly MemberId[] Members = [new(1), new(2), new(3)];

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_ledger_command_gets_the_same_answer_in_memory_and_in_the_database(int seed)
    {
        var db = await NewDatabaseAsync();
        await using var host = await StoreHost.StartAsync(Database, db);
        var store = host.Ledger;
        var memory = new CommissionLedger(StoreHost.LedgerOptions);
        var random = new Random(seed);
        var now = T0;
        var sales = 0;
        var withdrawals = 0;
        var kinds = new Dictionary<string, int>();
        var requested = new List<(MemberId Member, string Id)>();

        for (var step = 0; step < 240; step++)
        {
            now += Duration.FromHours(random.Next(1, 20));
            var sale = $"S-{random.Next(Math.Max(1, sales))}";
            var member = Members[random.Next(1, 3)];
            var withdrawal = $"W-{random.Next(Math.Max(1, withdrawals))}";
            var hold = $"H-{random.Next(3)}";
            if (requested.Count > 0 && random.Next(5) > 0)
            {
                // Mostly a step of a withdrawal of the lifecycle, so that steps are applied as well as refused.
                (member, withdrawal) = requested[random.Next(requested.Count)];
            }

            var (name, inMemory, stored) = random.Next(16) switch
            {
                0 or 1 or 2 => Post($"S-{sales++}", now),
                3 or 4 => ("complete", Of(memory.Complete(sale, now)), Of(await store.CompleteAsync(sale, now))),
                5 => ("release", Of(memory.Release(now)), await ReleaseAsync(now)),
                6 => Refund(sale, random.Next(3), now),
                7 => ("hold", Of(memory.Hold(sale, hold, "review")), Of(await store.HoldSaleAsync(sale, hold, "review"))),
                8 => ("lift", Of(memory.LiftHold(sale, hold)), Of(await store.LiftHoldAsync(sale, hold))),
                9 => ("decline", Of(memory.Decline(sale, now)), Of(await store.DeclineSaleAsync(sale, now))),
                10 => Withdraw(new LedgerWithdrawal($"W-{withdrawals++}", member, Yuan(random.Next(1, 8)), now)),
                11 => Request(new LedgerWithdrawal($"W-{withdrawals++}", member, Yuan(random.Next(1, 8)), now)),
                12 => random.Next(3) switch
                {
                    0 => ("approve", Of(memory.ApproveWithdrawal(member, Currency.CNY, withdrawal)), Of(await store.ApproveWithdrawalAsync(member, Currency.CNY, withdrawal))),
                    1 => ("reject", Of(memory.RejectWithdrawal(member, Currency.CNY, withdrawal, "mismatch")), Of(await store.RejectWithdrawalAsync(member, Currency.CNY, withdrawal, "mismatch"))),
                    _ => ("cancel", Of(memory.CancelWithdrawal(member, Currency.CNY, withdrawal, "asked")), Of(await store.CancelWithdrawalAsync(member, Currency.CNY, withdrawal, "asked"))),
                },
                13 => random.Next(3) switch
                {
                    0 => ("paid", Of(memory.MarkWithdrawalPaid(member, Currency.CNY, withdrawal, "TX-" + withdrawal)), Of(await store.MarkWithdrawalPaidAsync(member, Currency.CNY, withdrawal, "TX-" + withdrawal, now))),
                    1 => ("failed", Of(memory.MarkWithdrawalFailed(member, Currency.CNY, withdrawal, "bank")), Of(await store.MarkWithdrawalFailedAsync(member, Currency.CNY, withdrawal, "bank"))),
                    _ => ("retry", Of(memory.RetryWithdrawal(member, Currency.CNY, withdrawal)), Of(await store.RetryWithdrawalAsync(member, Currency.CNY, withdrawal))),
                },
                14 => Adjust(new AccountAdjustment($"A-{step % 7}", member, Yuan(random.Next(-6, 7) is var d && d == 0 ? 1 : d), "ops", "correction", now)),
                _ => await PayoutAsync($"run-{step}", now),
            };

            Assert.True(inMemory == stored, $"step {step}, {name}: in memory {inMemory}, stored {stored}");
            kinds[name + " " + inMemory.Outcome] = kinds.GetValueOrDefault(name + " " + inMemory.Outcome) + 1;
        }

        foreach (var member in Members)
        {
            Assert.Equal(memory.GetBalance(member, Currency.CNY), await store.GetBalanceAsync(member, Currency.CNY));
            Assert.True(memory.GetBalance(member, Currency.CNY).IsConserved);
            foreach (var id in Enumerable.Range(0, withdrawals).Select(w => $"W-{w}").Concat(requested.Select(r => r.Id)))
            {
                Assert.Equal(memory.GetWithdrawal(member, Currency.CNY, id), await store.GetWithdrawalAsync(member, Currency.CNY, id));
            }
        }

        // The streams reach the interesting answers, not only refusals.
        Assert.Contains(kinds.Keys, k => k.StartsWith("hold Applied", StringComparison.Ordinal));
        Assert.Contains(kinds.Keys, k => k.StartsWith("refund Applied", StringComparison.Ordinal));
        Assert.Contains(kinds.Keys, k => k.StartsWith("request Applied", StringComparison.Ordinal) || k.StartsWith("payout Applied", StringComparison.Ordinal));
        Assert.Contains(kinds.Keys, k => k.StartsWith("paid Applied", StringComparison.Ordinal) || k.StartsWith("failed Applied", StringComparison.Ordinal));

        (string, Answer, Answer) Post(string id, Instant at)
        {
            var sale = new LedgerSale(id, new MemberId(3), at, Currency.CNY, [new LedgerSaleLine(2, Yuan(99.99m))], [new LedgerEarning(Members[1], 1, 0, Yuan(10.01m)), new LedgerEarning(Members[0], 2, 0, Yuan(4.99m))], Duration.FromDays(2));
            return ("post", Of(memory.Post(sale)), Of(store.PostAsync(sale).GetAwaiter().GetResult()));
        }

        (string, Answer, Answer) Refund(string sale, int basis, Instant at)
        {
            var id = $"R-{at.ToUnixTimeTicks() % 3}";
            var refund = basis switch
            {
                0 => LedgerRefund.Full(id, sale, at),
                1 => LedgerRefund.ForLines(id, sale, at, [new LedgerRefundLine(0, 1)]),
                _ => LedgerRefund.ForAmount(id, sale, at, Yuan(33.33m)),
            };
            return ("refund", Of(memory.Refund(refund)), Of(store.RefundAsync(refund).GetAwaiter().GetResult()));
        }

        async Task<Answer> ReleaseAsync(Instant at)
        {
            await store.ReleaseDueAsync(at);
            return new Answer(LedgerOutcome.Applied, LedgerRefusal.None);
        }

        (string, Answer, Answer) Withdraw(LedgerWithdrawal w) => ("withdraw", Of(memory.Withdraw(w).Result), Of(store.WithdrawAsync(w).GetAwaiter().GetResult().Result));

        (string, Answer, Answer) Request(LedgerWithdrawal w)
        {
            var inMemory = memory.RequestWithdrawal(w);
            if (inMemory.IsApplied)
            {
                requested.Add((w.Member, w.WithdrawalId));
            }

            return ("request", Of(inMemory), Of(store.RequestWithdrawalAsync(w).GetAwaiter().GetResult()));
        }

        (string, Answer, Answer) Adjust(AccountAdjustment a) => ("adjust", Of(memory.Adjust(a)), Of(store.AdjustAsync(a).GetAwaiter().GetResult()));

        async Task<(string, Answer, Answer)> PayoutAsync(string runId, Instant at)
        {
            var planned = memory.PlanPayoutRun(runId, at);
            var storedPlan = await store.PlanPayoutRunAsync(runId, at);
            Assert.Equal(planned.Payouts, storedPlan.Payouts);
            Assert.Equal(planned.Skipped, storedPlan.Skipped);
            var inMemory = memory.CommitPayoutRun(planned);
            var stored = await store.CommitPayoutRunAsync(storedPlan);
            requested.AddRange(planned.Payouts.Select(p => (p.Member, p.WithdrawalId)));
            Assert.Equal(inMemory.Select(r => Of(r)), stored.Select(r => Of(r)));
            return ("payout", inMemory.Count == 0 ? new Answer(LedgerOutcome.Duplicate, LedgerRefusal.None) : Of(inMemory[0]), stored.Count == 0 ? new Answer(LedgerOutcome.Duplicate, LedgerRefusal.None) : Of(stored[0]));
        }
    }

    private static Answer Of(LedgerResult result) => new(result.Outcome, result.Refusal);

    private static Answer Of(SaleCommissionResult result) => new(result.Outcome, result.Refusal);

    private static Answer Of(WithdrawalStepResult result) => new(result.Outcome, result.Refusal);

    private readonly record struct Answer(LedgerOutcome Outcome, LedgerRefusal Refusal);
}

public sealed class SqliteLedgerHomesTests(SqliteDatabase database) : LedgerHomesTests<SqliteDatabase>(database);

public sealed class PostgresLedgerHomesTests(PostgresDatabase database) : LedgerHomesTests<PostgresDatabase>(database);
