using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.Commissions.Payouts;

/// <summary>
/// Random lifecycles of an account's withdrawals — requests above and below the balance, reviews, transfers that
/// fail and are retried or cancelled, steps out of order and repeated, clawbacks in between, a restore through JSON —
/// over currencies of 0, 2 and 3 digits, amounts up to 10^12 minor units and fee and withholding rates with many
/// decimals, and signed manual adjustments. After every step money is conserved, the in-withdrawal balance is exactly what the open withdrawals hold,
/// nothing available goes negative, and a refused or repeated step changes nothing.
/// </summary>
public sealed class WithdrawalLifecycleProperties
{
    private static readonly Currency[] Currencies = [Currency.JPY, Currency.CNY, new Currency("KWD", 3)];

    [Property(MaxTest = 600)]
    public void Balances_are_conserved_through_every_lifecycle(int seed)
    {
        var random = new Random(seed);
        var currency = Currencies[random.Next(Currencies.Length)];
        var member = new MemberId(7);
        var options = new LedgerOptions
        {
            Clawback = (ClawbackPolicy)random.Next(3),
            WithdrawalFee = random.Next(3) == 0 ? null : Rate.FromFraction(random.Next(0, 1_000_000) / 100_000_000m),
            MinimumWithdrawals = random.Next(2) == 0 ? [] : [Money.FromMinorUnits(random.Next(1, 1000), currency)],
            AutoApproveUpTo = random.Next(2) == 0 ? [] : [Money.FromMinorUnits(random.Next(1, 1_000_000), currency)],
        };
        var withholding = random.Next(2) == 0 ? null : new PercentWithholding(random.Next(0, 4500) / 10_000m);
        var account = new CommissionAccount(member, currency, options);
        var ids = new List<string>();
        var postings = 0;
        for (var step = 0; step < 60; step++)
        {
            var before = Json(account);
            var op = random.Next(10);
            if (op < 2)
            {
                var amount = Amount(random);
                var sale = $"S-{postings++}";
                account.Apply(new AccountPosting(sale + "/e", sale, member, currency, AccountPostingKind.Earned, LedgerState.Pending, amount));
                account.Apply(new AccountPosting(sale + "/c", sale, member, currency, AccountPostingKind.Completed, LedgerState.Pending, amount));
                account.Apply(new AccountPosting(sale + "/r", sale, member, currency, AccountPostingKind.Released, LedgerState.Frozen, amount));
            }
            else if (op == 2 && random.Next(2) == 0)
            {
                var units = Amount(random) * (random.Next(2) == 0 ? 1 : -1);
                var id = $"A-{postings++}";
                var adjustment = new AccountAdjustment(id, member, Money.FromMinorUnits(units, currency), "staff-1", "correction", Instant.FromUtc(2026, 11, 2, 0, 0));
                Assert.True(account.Adjust(adjustment).IsApplied);
                var after = Json(account);
                Assert.Equal(LedgerOutcome.Duplicate, account.Adjust(adjustment).Outcome);
                Assert.Equal(LedgerRefusal.ConflictingDuplicate, account.Adjust(adjustment with { Reason = "other" }).Refusal);
                Assert.Equal(after, Json(account));
            }
            else if (op == 2 && account.Balance.Booked.Amount > 0)
            {
                var sale = $"C-{postings++}";
                account.Apply(new AccountPosting(sale, sale, member, currency, AccountPostingKind.Clawback, LedgerState.Available, 1 + (long)(random.NextDouble() * account.Balance.Booked.ToMinorUnits() / 4)));
            }
            else if (op < 6)
            {
                var id = $"W-{ids.Count}";
                var available = account.Balance.Available.ToMinorUnits();
                var gross = random.Next(4) == 0 ? available + 1 + random.Next(100) : Math.Max(1, (long)(available * random.NextDouble()));
                var result = account.RequestWithdrawal(new LedgerWithdrawal(id, member, Money.FromMinorUnits(gross, currency), Instant.FromUtc(2026, 11, 2, 0, 0)), withholding);
                if (result.IsApplied)
                {
                    ids.Add(id);
                    Assert.Equal(result.Withdrawal!.Gross - result.Withdrawal.Fee - result.Withdrawal.Withheld, result.Withdrawal.Net);
                }
                else
                {
                    Assert.Equal(before, Json(account));
                }
            }
            else if (ids.Count > 0)
            {
                var id = random.Next(8) == 0 ? "W-unknown" : ids[random.Next(ids.Count)];
                var result = random.Next(6) switch
                {
                    0 => account.ApproveWithdrawal(id),
                    1 => account.RejectWithdrawal(id, "review"),
                    2 => account.MarkWithdrawalPaid(id, random.Next(4) == 0 ? "T-other" : "T-" + id),
                    3 => account.MarkWithdrawalFailed(id, "bank refused"),
                    4 => account.RetryWithdrawal(id),
                    _ => account.CancelWithdrawal(id, "member"),
                };
                if (!result.IsApplied)
                {
                    Assert.Equal(before, Json(account));
                }
            }

            if (random.Next(10) == 0)
            {
                var restored = CommissionAccount.FromSnapshot(JsonSerializer.Deserialize<CommissionAccountSnapshot>(Json(account), SocialCommerceJson.CreateOptions(currency))!, options);
                Assert.Equal(Json(account), Json(restored));
                Assert.Equal(account.InWithdrawal, restored.InWithdrawal);
                account = restored;
            }

            AssertConserved(account, ids);
        }
    }

    private static long Amount(Random random) => random.Next(3) switch
    {
        0 => random.Next(1, 100),
        1 => random.NextInt64(1, 10_000_000),
        _ => random.NextInt64(1, 1_000_000_000_000),
    };

    private static void AssertConserved(CommissionAccount account, List<string> ids)
    {
        var b = account.Balance;
        Assert.Equal(
            b.Booked.Amount - b.Reversed.Amount + b.WrittenOff.Amount + b.Forgiven.Amount + account.Adjusted.Amount,
            b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + account.InWithdrawal.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount);
        Assert.True(b.Available.Amount >= 0, $"available {b.Available}");
        // Money that returns (release, adjustment, rejected, failed or cancelled withdrawal) repays debt first.
        Assert.True(b.ClawbackDebt.Amount == 0 || b.Available.Amount == 0, $"available {b.Available} beside debt {b.ClawbackDebt}");
        var records = ids.Select(account.GetWithdrawal).ToList();
        Assert.Equal(records.Where(r => r!.IsInWithdrawal).Sum(r => r!.Gross.Amount), account.InWithdrawal.Amount);
        var paid = records.Where(r => r!.Status == WithdrawalStatus.Paid).ToList();
        Assert.Equal(paid.Sum(r => r!.Gross.Amount), b.Withdrawn.Amount);
        Assert.Equal(paid.Sum(r => r!.Fee.Amount), b.WithdrawalFees.Amount);
        Assert.Equal(paid.Sum(r => r!.Withheld.Amount), account.Withheld.Amount);
        Assert.All(records, r => Assert.True(r!.Net.Amount >= 0));
    }

    private static string Json(CommissionAccount account) => JsonSerializer.Serialize(account.ToSnapshot(), SocialCommerceJson.Options);

    private sealed class PercentWithholding(decimal fraction) : IWithholdingPolicy
    {
        public Money Withhold(MemberId member, Money gross, Money fee, Instant at) => ((gross - fee) * fraction).Round(RoundingMode.TowardZero);
    }
}
