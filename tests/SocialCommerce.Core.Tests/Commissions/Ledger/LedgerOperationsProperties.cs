using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// Issue 25, one ledger: random streams of every ledger command — postings, completions, releases, refunds of every
/// basis, holds, lifts, declines, immediate withdrawals, the withdrawal lifecycle, adjustments of either sign and payout
/// runs — in 0-, 2- and 3-digit currencies with amounts up to 10^13 minor units, under every clawback policy. After every
/// command every account conserves money (pending + frozen + available + in withdrawal + withdrawn − debt == booked −
/// reversed + written off + forgiven + adjusted), no bucket is negative, debt sits only beside an empty available
/// balance; and a ledger restored from its JSON snapshot half-way answers every later command exactly as the ledger
/// that was never interrupted, and ends in the same state.
/// </summary>
public sealed class LedgerOperationsProperties
{
    private static readonly Currency[] Currencies = [Currency.JPY, Currency.CNY, new Currency("KWD", 3)];
    private static readonly MemberId[] Members = [new(1), new(2), new(3), new(4)];
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly System.Text.Json.JsonSerializerOptions Json = SocialCommerceJson.CreateOptions(Currencies[2]);

    [Property(MaxTest = 500)]
    public void Every_command_conserves_money_and_a_restored_ledger_continues_like_the_original(int seed)
    {
        var random = new Random(seed);
        var currency = Currencies[random.Next(Currencies.Length)];
        var options = new LedgerOptions
        {
            Clawback = (ClawbackPolicy)random.Next(3),
            WithdrawalFee = random.Next(2) == 0 ? null : Rate.Percent(random.Next(0, 300) / 100m),
            AutoApproveUpTo = random.Next(3) == 0 ? [Money.FromMinorUnits(random.Next(1, 1000), currency)] : [],
        };
        var commands = Commands(random, currency, 60 + random.Next(60));
        var original = new CommissionLedger(options);
        var split = random.Next(commands.Count);
        CommissionLedger? restored = null;

        for (var i = 0; i < commands.Count; i++)
        {
            if (i == split)
            {
                var json = SocialCommerceJson.Serialize(original.ToSnapshot(), Json);
                restored = CommissionLedger.FromSnapshot(SocialCommerceJson.Deserialize<LedgerSnapshot>(json, Json)!, options);
            }

            var (name, command) = commands[i];
            var answer = command(original);
            Conserves(original, currency, $"{name} (command {i}, seed {seed})");
            if (restored is not null)
            {
                Assert.True(answer == command(restored), $"{name} (command {i}, seed {seed}): {answer} uninterrupted, {command(restored)} restored");
            }
        }

        restored ??= CommissionLedger.FromSnapshot(original.ToSnapshot(), options);
        Assert.Equal(SocialCommerceJson.Serialize(original.ToSnapshot(), Json), SocialCommerceJson.Serialize(restored.ToSnapshot(), Json));
        foreach (var member in Members)
        {
            Assert.Equal(original.GetBalance(member, currency), restored.GetBalance(member, currency));
        }
    }

    private static void Conserves(CommissionLedger ledger, Currency currency, string after)
    {
        foreach (var member in Members)
        {
            var b = ledger.GetBalance(member, currency);
            Assert.True(b.IsConserved, $"after {after}: {b}");
            Assert.True(b.Pending.Amount >= 0 && b.Frozen.Amount >= 0 && b.Available.Amount >= 0 && b.InWithdrawal.Amount >= 0 && b.Withdrawn.Amount >= 0 && b.ClawbackDebt.Amount >= 0, $"after {after}: {b}");
            Assert.True(b.ClawbackDebt.Amount == 0 || b.Available.Amount == 0, $"after {after}: {b}");
        }
    }

    /// <summary>A stream of commands, each answering a comparable summary of its outcome.</summary>
    private static List<(string Name, Func<CommissionLedger, string> Run)> Commands(Random random, Currency currency, int count)
    {
        var commands = new List<(string, Func<CommissionLedger, string>)>();
        var sales = 0;
        var withdrawals = 0;
        var now = T0;
        Money Units(long max) => Money.FromMinorUnits(1 + (long)(random.NextDouble() * random.NextDouble() * max), currency);
        for (var i = 0; i < count; i++)
        {
            now += Duration.FromHours(random.Next(1, 60));
            var at = now;
            var sale = $"S-{random.Next(Math.Max(1, sales))}";
            var member = Members[random.Next(Members.Length)];
            var withdrawal = $"W-{random.Next(Math.Max(1, withdrawals))}";
            var hold = $"H-{random.Next(3)}";
            switch (random.Next(17))
            {
                case 0 or 1 or 2:
                    {
                        var id = $"S-{sales++}";
                        var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new LedgerSaleLine(1 + random.Next(5), Units(10_000_000_000_000L))).ToArray();
                        var earnings = Enumerable.Range(0, 1 + random.Next(3)).Select(level =>
                        {
                            var line = random.Next(lines.Length);
                            var paid = lines[line].Paid.ToMinorUnits();
                            return new LedgerEarning(Members[random.Next(Members.Length)], level + 1, line, Money.FromMinorUnits((long)(paid * random.NextDouble() / 3), currency));
                        }).ToArray();
                        var posted = new LedgerSale(id, new MemberId(9), at, currency, lines, earnings, Duration.FromHours(random.Next(0, 200)));
                        commands.Add(($"post {id}", l => Of(l.Post(posted))));
                        break;
                    }

                case 3 or 4:
                    commands.Add(($"complete {sale}", l => Of(l.Complete(sale, at))));
                    break;
                case 5:
                    commands.Add(("release", l => Of(l.Release(at)) + " " + l.LastSequence));
                    break;
                case 6:
                    {
                        var refundId = $"R-{random.Next(3)}";
                        var refund = random.Next(3) switch
                        {
                            0 => LedgerRefund.Full(refundId, sale, at),
                            1 => LedgerRefund.ForLines(refundId, sale, at, [new LedgerRefundLine(0, 1)]),
                            _ => LedgerRefund.ForAmount(refundId, sale, at, Units(1_000_000)),
                        };
                        commands.Add(($"refund {refundId} of {sale}", l => Of(l.Refund(refund))));
                        break;
                    }

                case 7:
                    commands.Add(($"hold {hold} of {sale}", l => Of(l.Hold(sale, hold, "review " + hold))));
                    break;
                case 8:
                    commands.Add(($"lift {hold} of {sale}", l => Of(l.LiftHold(sale, hold))));
                    break;
                case 9:
                    commands.Add(($"decline {sale}", l => Of(l.Decline(sale, at))));
                    break;
                case 10:
                    {
                        var w = new LedgerWithdrawal($"W-{withdrawals++}", member, Units(1_000_000_000), at);
                        commands.Add(($"withdraw {w.WithdrawalId}", l => Of(l.Withdraw(w).Result)));
                        break;
                    }

                case 11:
                    {
                        var w = new LedgerWithdrawal($"W-{withdrawals++}", member, Units(1_000_000_000), at);
                        commands.Add(($"request {w.WithdrawalId}", l => Of(l.RequestWithdrawal(w))));
                        break;
                    }

                case 12:
                    commands.Add(($"approve {withdrawal}", l => Of(l.ApproveWithdrawal(member, currency, withdrawal))));
                    break;
                case 13:
                    commands.Add(random.Next(4) switch
                    {
                        0 => ($"reject {withdrawal}", l => Of(l.RejectWithdrawal(member, currency, withdrawal, "mismatch"))),
                        1 => ($"paid {withdrawal}", l => Of(l.MarkWithdrawalPaid(member, currency, withdrawal, "TX-" + withdrawal))),
                        2 => ($"failed {withdrawal}", l => Of(l.MarkWithdrawalFailed(member, currency, withdrawal, "bank"))),
                        _ => ($"cancel {withdrawal}", l => Of(l.CancelWithdrawal(member, currency, withdrawal, "asked"))),
                    });
                    break;
                case 14:
                    commands.Add(($"retry {withdrawal}", l => Of(l.RetryWithdrawal(member, currency, withdrawal))));
                    break;
                case 15:
                    {
                        var amount = Units(100_000_000);
                        var adjustment = new AccountAdjustment($"A-{random.Next(5)}", member, random.Next(2) == 0 ? amount : -amount, "ops", "correction", at);
                        commands.Add(($"adjust {adjustment.AdjustmentId} {adjustment.Amount}", l => Of(l.Adjust(adjustment))));
                        break;
                    }

                default:
                    {
                        var runId = $"run-{i}";
                        commands.Add(($"payout {runId}", l => string.Join(";", l.CommitPayoutRun(l.PlanPayoutRun(runId, at)).Select(r => Of(r)))));
                        break;
                    }
            }
        }

        return commands;
    }

    private static string Of(LedgerResult result) => $"{result.Outcome} {result.Refusal} {result.EntryCount}";

    private static string Of(WithdrawalStepResult result) => $"{result.Outcome} {result.Refusal} {result.Withdrawal}";
}
