using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.State;

/// <summary>
/// The postings a store adds without reading the account (<see cref="AccountPosting.TryGetDelta"/>): their deltas are
/// exactly what <see cref="CommissionAccount.Apply"/> does, and applied in any order across sales they give the same balances — the
/// reason two sales crediting the same account never need to see each other.
/// </summary>
public sealed class AccountDeltaProperties
{
    private static readonly MemberId Member = new(1);

    [Property(MaxTest = 500)]
    public void Earnings_completions_and_cancellations_of_different_sales_commute_and_their_deltas_are_what_apply_does(int seed, byte sales)
    {
        var random = new Random(seed);
        var currency = new[] { Currency.JPY, Currency.CNY, new Currency("KWD", 3) }[random.Next(3)];
        var postings = new List<AccountPosting>();
        for (var s = 0; s < 1 + sales % 40; s++)
        {
            // Up to 10^15 minor units an earning (the supported range), then its completion and a cancellation.
            var amount = random.Next(4) == 0 ? random.NextInt64(1, 1_000_000_000_000_000) : random.NextInt64(1, 100_000);
            var sale = "S-" + s;
            postings.Add(new AccountPosting(sale + "/post/0", sale, Member, currency, AccountPostingKind.Earned, LedgerState.Pending, amount));
            var completed = random.Next(2) == 0;
            if (completed)
            {
                postings.Add(new AccountPosting(sale + "/complete/0", sale, Member, currency, AccountPostingKind.Completed, LedgerState.Frozen, amount));
            }

            var cancelled = random.NextInt64(0, amount + 1);
            if (cancelled > 0)
            {
                postings.Add(new AccountPosting(sale + "/refund/0", sale, Member, currency, AccountPostingKind.Cancelled, completed ? LedgerState.Frozen : LedgerState.Pending, cancelled));
            }
        }

        var inOrder = new CommissionAccount(Member, currency);
        var sum = default(AccountDelta);
        foreach (var posting in postings)
        {
            Assert.True(posting.TryGetDelta(out var delta));
            inOrder.Apply(posting);
            sum += delta;
        }

        // Another interleaving of the sales (each sale's own postings keep their order, as its record guarantees).
        var shuffled = new CommissionAccount(Member, currency);
        var queues = postings.GroupBy(p => p.SaleId).Select(g => new Queue<AccountPosting>(g)).ToList();
        while (queues.Count > 0)
        {
            var q = random.Next(queues.Count);
            shuffled.Apply(queues[q].Dequeue());
            if (queues[q].Count == 0)
            {
                queues.RemoveAt(q);
            }
        }

        var balances = inOrder.ToSnapshot().Balances;
        Assert.Equal(inOrder.Balance, shuffled.Balance);
        Assert.Equal((sum.Pending, sum.Frozen, sum.Booked, sum.Reversed), (balances.Pending, balances.Frozen, balances.Booked, balances.Reversed));
    }

    [Property(MaxTest = 200)]
    public void Releases_and_clawbacks_decide_from_the_balances_and_have_no_delta(long amount, bool release)
    {
        var posting = new AccountPosting("S/x/0", "S", Member, Currency.CNY, release ? AccountPostingKind.Released : AccountPostingKind.Clawback, LedgerState.Available, Math.Max(1, Math.Abs(amount % 1_000_000)));
        Assert.False(posting.TryGetDelta(out var delta));
        Assert.Equal(default, delta);
    }
}
