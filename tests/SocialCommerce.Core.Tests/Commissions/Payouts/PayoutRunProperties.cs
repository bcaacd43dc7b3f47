using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions.Payouts;

/// <summary>
/// Payout runs over random accounts (in debt, below the minimum, empty, large, in 0-, 2- and 3-digit currencies), with
/// some balances spent between the plan and the commit: a run never pays more than is available, never pays an account
/// in debt, skips what is below the minimum, and a second commit changes nothing.
/// </summary>
public sealed class PayoutRunProperties
{
    private static readonly Currency[] Currencies = [Currency.JPY, Currency.CNY, new Currency("KWD", 3)];

    [Property(MaxTest = 500)]
    public void A_run_pays_only_what_is_available_never_an_account_in_debt_and_commits_once(int seed)
    {
        var random = new Random(seed);
        var minimums = Currencies.Select(c => Money.FromMinorUnits(random.Next(1, 5000), c)).ToArray();
        var options = new LedgerOptions { MinimumWithdrawals = minimums, WithdrawalFee = random.Next(2) == 0 ? null : Rate.Percent(random.Next(0, 300) / 100m) };
        var accounts = new Dictionary<(MemberId, string), CommissionAccount>();
        for (var m = 1; m <= 1 + random.Next(30); m++)
        {
            var currency = Currencies[random.Next(Currencies.Length)];
            var account = new CommissionAccount(new MemberId(m), currency, options);
            var earned = random.Next(4) == 0 ? 0 : random.NextInt64(1, random.Next(2) == 0 ? 10_000 : 1_000_000_000_000);
            if (earned > 0)
            {
                account.Apply(new AccountPosting($"e{m}", $"s{m}", account.Member, currency, AccountPostingKind.Earned, LedgerState.Pending, earned));
                account.Apply(new AccountPosting($"c{m}", $"s{m}", account.Member, currency, AccountPostingKind.Completed, LedgerState.Pending, earned));
                account.Apply(new AccountPosting($"r{m}", $"s{m}", account.Member, currency, AccountPostingKind.Released, LedgerState.Frozen, earned));
            }

            if (random.Next(5) == 0)
            {
                account.Apply(new AccountPosting($"k{m}", $"s{m}", account.Member, currency, AccountPostingKind.Clawback, LedgerState.Available, earned + 1 + random.Next(1000)));
            }

            accounts[(account.Member, currency.Code)] = account;
        }

        var at = Instant.FromUtc(2026, 12, 1, 0, 0);
        var run = PayoutRun.Plan($"R{seed & 0xffff}", at, accounts.Values, options);
        // Every account with money available or debt is paid or skipped; one with neither is not part of the run (the
        // stored ledger never reads it).
        Assert.Equal(accounts.Count(a => a.Value.Balance.Available.Amount > 0 || a.Value.Balance.ClawbackDebt.Amount > 0), run.Payouts.Count + run.Skipped.Count);
        foreach (var payout in run.Payouts)
        {
            var account = accounts[(payout.Member, payout.Gross.Currency.Code)];
            Assert.Equal(account.Balance.Available, payout.Gross);
            Assert.Equal(0m, account.Balance.ClawbackDebt.Amount);
            Assert.False(payout.Gross < minimums.Single(m => m.Currency.Equals(payout.Gross.Currency)));
        }

        Assert.All(run.Skipped.Where(s => s.Reason == PayoutSkipReason.BelowMinimum), s => Assert.True(s.Available < minimums.Single(m => m.Currency.Equals(s.Available.Currency))));

        // Some members spend part of their balance before the commit.
        var spent = new HashSet<MemberId>();
        foreach (var payout in run.Payouts.Where(_ => random.Next(4) == 0))
        {
            var account = accounts[(payout.Member, payout.Gross.Currency.Code)];
            var gross = Money.FromMinorUnits(Math.Max(1, account.Balance.Available.ToMinorUnits() / 2), payout.Gross.Currency);
            if (account.RequestWithdrawal(new LedgerWithdrawal($"own-{payout.Member.Value}", payout.Member, gross, at)).IsApplied)
            {
                spent.Add(payout.Member);
            }
        }

        var before = accounts.ToDictionary(a => a.Key, a => (a.Value.Balance, a.Value.InWithdrawal));
        var results = run.Commit((member, currency) => accounts[(member, currency.Code)]);
        for (var i = 0; i < run.Payouts.Count; i++)
        {
            var payout = run.Payouts[i];
            var (balance, inWithdrawal) = before[(payout.Member, payout.Gross.Currency.Code)];
            var account = accounts[(payout.Member, payout.Gross.Currency.Code)];
            if (spent.Contains(payout.Member))
            {
                Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, results[i].Refusal);
                Assert.Equal(balance.Available, account.Balance.Available);
            }
            else
            {
                Assert.True(results[i].IsApplied, results[i].Message);
                Assert.Equal(WithdrawalStatus.Approved, results[i].Withdrawal!.Status);
                Assert.Equal(0m, account.Balance.Available.Amount);
                Assert.Equal(inWithdrawal + payout.Gross, account.InWithdrawal);
            }
        }

        var after = accounts.ToDictionary(a => a.Key, a => (a.Value.Balance, a.Value.InWithdrawal));
        var again = run.Commit((member, currency) => accounts[(member, currency.Code)]);
        Assert.All(again, r => Assert.False(r.IsApplied));
        Assert.Equal(after, accounts.ToDictionary(a => a.Key, a => (a.Value.Balance, a.Value.InWithdrawal)));
        foreach (var account in accounts.Values)
        {
            var b = account.Balance;
            Assert.Equal(b.Booked.Amount - b.Reversed.Amount + b.WrittenOff.Amount + b.Forgiven.Amount, b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + account.InWithdrawal.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount);
            Assert.True(b.Available.Amount >= 0);
        }
    }
}
