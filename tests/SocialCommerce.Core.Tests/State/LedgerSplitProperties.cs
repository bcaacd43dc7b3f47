using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>
/// The ledger split along the lines a database needs — one <see cref="SaleCommissionRecord"/> per sale, one
/// <see cref="CommissionAccount"/> per member and currency — gives the single <see cref="CommissionLedger"/>'s outcomes
/// and balances, even when the postings that cross aggregates are applied late (each account's in its order, before
/// the account's next own command) and some of them twice.
/// </summary>
public sealed class LedgerSplitProperties
{
    private sealed class SplitLedger(LedgerHistory history, Random chaos)
    {
        private readonly Dictionary<string, SaleCommissionRecord> _records = new(StringComparer.Ordinal);
        private readonly Dictionary<MemberId, CommissionAccount> _accounts = [];
        private readonly Dictionary<MemberId, Queue<AccountPosting>> _inFlight = [];
        private readonly LedgerOptions _options = new() { Clawback = history.Policy };

        public int AppliedTwice { get; private set; }

        public int Delayed { get; private set; }

        public CommissionAccount Account(MemberId member)
        {
            if (!_accounts.TryGetValue(member, out var account))
            {
                _accounts[member] = account = new CommissionAccount(member, LedgerHistory.Currency, _options);
            }

            return account;
        }

        public LedgerOutcome Apply(int index)
        {
            var step = history.Steps[index];
            switch (step.Kind)
            {
                case LedgerStepKind.Post:
                    var sale = history.Sale(step.Target);
                    if (_records.TryGetValue(sale.SaleId, out var existing))
                    {
                        return existing.PostAgain(sale).Outcome;
                    }

                    _records[sale.SaleId] = SaleCommissionRecord.Post(sale, out var posted);
                    return Send(posted);
                case LedgerStepKind.Complete:
                    return _records.TryGetValue(LedgerHistory.SaleId(step.Target), out var toComplete)
                        ? Send(toComplete.Complete(LedgerHistory.PaidAt(step.Target) + Duration.FromHours(step.Value)))
                        : LedgerOutcome.Refused;
                case LedgerStepKind.Release:
                    foreach (var record in _records.Values)
                    {
                        Send(record.Release(LedgerHistory.Start + Duration.FromHours(step.Value)));
                    }

                    return LedgerOutcome.Applied;
                case LedgerStepKind.Withdraw:
                    var member = LedgerHistory.Members[step.Target];
                    Flush(member);
                    return Account(member).Withdraw(new LedgerWithdrawal("W" + index.ToString(CultureInfo.InvariantCulture), member, Money.FromMinorUnits(step.Value, LedgerHistory.Currency), LedgerHistory.Start)).Result.Outcome;
                default:
                    return history.RefundOf(step, index) is { } refund && _records.TryGetValue(refund.SaleId, out var toRefund)
                        ? Send(toRefund.Refund(refund))
                        : LedgerOutcome.Refused;
            }
        }

        /// <summary>Every record and account stored and reloaded through JSON, as a restart would.</summary>
        public void Restart()
        {
            var options = SocialCommerce.Serialization.SocialCommerceJson.Options;
            T Through<T>(T value) => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value, options), options)!;
            foreach (var id in _records.Keys.ToArray())
            {
                _records[id] = SaleCommissionRecord.FromSnapshot(Through(_records[id].ToSnapshot()));
            }

            foreach (var member in _accounts.Keys.ToArray())
            {
                _accounts[member] = CommissionAccount.FromSnapshot(Through(_accounts[member].ToSnapshot()), _options);
            }
        }

        public void FlushAll()
        {
            foreach (var member in _inFlight.Keys.ToArray())
            {
                Flush(member);
            }
        }

        private LedgerOutcome Send(SaleCommissionResult result)
        {
            foreach (var posting in result.Postings)
            {
                if (!_inFlight.TryGetValue(posting.Member, out var queue))
                {
                    _inFlight[posting.Member] = queue = new Queue<AccountPosting>();
                }

                queue.Enqueue(posting);
            }

            // Some accounts get their postings now, the others later; some postings arrive twice.
            foreach (var member in _inFlight.Keys.ToArray())
            {
                if (chaos.Next(3) == 0)
                {
                    Delayed += _inFlight[member].Count;
                }
                else
                {
                    Flush(member);
                }
            }

            return result.Outcome;
        }

        private void Flush(MemberId member)
        {
            if (!_inFlight.TryGetValue(member, out var queue))
            {
                return;
            }

            var account = Account(member);
            while (queue.Count > 0)
            {
                var posting = queue.Dequeue();
                Assert.True(account.Apply(posting));
                if (chaos.Next(4) == 0)
                {
                    Assert.False(account.Apply(posting));
                    AppliedTwice++;
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Records_and_accounts_with_late_and_repeated_postings_and_restarts_reach_the_single_ledgers_outcomes_and_balances(LedgerHistory history, int seed)
    {
        var model = history.Replay();
        var split = new SplitLedger(history, new Random(seed));
        var outcomes = new List<LedgerOutcome>();
        var restarts = new Random(seed ^ 0x5EED);
        for (var i = 0; i < history.Steps.Count; i++)
        {
            outcomes.Add(split.Apply(i));
            if (restarts.Next(8) == 0)
            {
                split.Restart();
            }
        }

        split.FlushAll();
        Assert.Equal(model.Outcomes, outcomes);
        foreach (var member in LedgerHistory.Members)
        {
            var expected = model.Ledger.GetBalance(member, LedgerHistory.Currency);
            var actual = split.Account(member).Balance;
            Assert.Equal(expected, actual);
            Assert.Equal(
                actual.Booked.Amount - actual.Reversed.Amount + actual.WrittenOff.Amount + actual.Forgiven.Amount,
                actual.Pending.Amount + actual.Frozen.Amount + actual.Available.Amount + actual.Withdrawn.Amount - actual.ClawbackDebt.Amount);
        }
    }

    [Fact]
    public void A_refund_after_release_claws_back_from_each_upline_once_even_when_half_applied_and_run_again()
    {
        var paid = Instant.FromUtc(2026, 11, 1, 0, 0);
        Money Yuan(decimal amount) => new(amount, Currency.CNY);
        var sale = new LedgerSale("S1", new MemberId(3), paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(199.00m))], [new LedgerEarning(new MemberId(2), 1, 0, Yuan(19.90m)), new LedgerEarning(new MemberId(1), 2, 0, Yuan(9.95m))], Duration.FromDays(7));
        var bob = new CommissionAccount(new MemberId(2), Currency.CNY);
        var alice = new CommissionAccount(new MemberId(1), Currency.CNY);
        var accounts = new Dictionary<MemberId, CommissionAccount> { [bob.Member] = bob, [alice.Member] = alice };
        var record = SaleCommissionRecord.Post(sale, out var posted);
        void ApplyAll(SaleCommissionResult result)
        {
            foreach (var p in result.Postings)
            {
                accounts[p.Member].Apply(p);
            }
        }

        ApplyAll(posted);
        ApplyAll(record.Complete(paid + Duration.FromDays(1)));
        ApplyAll(record.Release(paid + Duration.FromDays(8)));
        var refund = record.Refund(LedgerRefund.Full("R1", "S1", paid + Duration.FromDays(10)));
        Assert.Equal(2, refund.Postings.Count);

        // The writer crashed after Bob's clawback: running the whole refund's postings again completes Alice's only.
        Assert.True(bob.Apply(refund.Postings[0]));
        ApplyAll(refund);
        ApplyAll(refund);

        Assert.Equal(Yuan(0.00m), bob.Balance.Available);
        Assert.Equal(Yuan(0.00m), alice.Balance.Available);
        Assert.Equal(Yuan(19.90m), bob.Balance.Reversed);
        Assert.Equal(LedgerOutcome.Duplicate, record.Refund(LedgerRefund.Full("R1", "S1", paid + Duration.FromDays(30))).Outcome);
        Assert.Equal(4, record.Version); // posted, completed, released, refunded
    }
}
