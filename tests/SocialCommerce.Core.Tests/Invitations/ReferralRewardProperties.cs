using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Invitations;

public sealed class ReferralRewardProperties
{
    private static readonly MemberId Inviter = new(1);
    private static readonly Instant BoundAt = Instant.FromUtc(2026, 11, 1, 0, 0);

    public enum StepKind
    {
        Purchase,
        Complete,
        Refund,
    }

    public sealed record HistoryStep(StepKind Kind, int Friend, long AmountMinor);

    public sealed record History(Currency Currency, long MinimumMinor, decimal ShareBasisPoints, long FixedMinor, List<HistoryStep> Steps);

    public static class Arbitraries
    {
        public static Arbitrary<History> Histories() =>
            (from currency in MoneyGen.Currencies
             from minimum in InvitationGen.Spread(Limits.MaxMinorUnits / 1000).Select(m => Math.Max(1, m))
             from share in MoneyGen.PreciseBasisPoints(10_000).Where(bp => bp > 0m)
             from fixedMinor in InvitationGen.Spread(Limits.MaxMinorUnits / 1000).Select(m => Math.Max(1, m))
             from steps in (from kind in Gen.Frequency((3, Gen.Constant(StepKind.Purchase)), (2, Gen.Constant(StepKind.Complete)), (1, Gen.Constant(StepKind.Refund)))
                            from friend in Gen.Choose(2, 5)
                            from amount in Gen.Frequency((1, InvitationGen.Spread(minimum)), (2, MoneyGen.ChooseLong(minimum, Math.Min(Limits.MaxMinorUnits / 10, minimum * 3))))
                            select new HistoryStep(kind, friend, Math.Max(1, amount))).ListOf().Select(l => new List<HistoryStep>(l))
             select new History(currency, minimum, share, fixedMinor, steps)).ToArbitrary();
    }

    private sealed record Posted(string Id, MemberId Buyer, long AmountMinor, Instant PaidAt)
    {
        public bool Completed { get; set; }

        public bool Refunded { get; set; }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void A_reward_is_paid_only_for_a_completed_qualifying_purchase_and_reversed_exactly_by_its_refund(History h)
    {
        var rule = ReferralRewardRule.Create("first", new ReferralRewardRuleOptions
        {
            MinimumPurchase = Money.FromMinorUnits(h.MinimumMinor, h.Currency),
            Window = Duration.FromDays(10),
            InviterReward = ReferralRewardValue.Fixed(Money.FromMinorUnits(h.FixedMinor, h.Currency)),
            InvitedReward = ReferralRewardValue.ShareOfPurchase(Rate.BasisPoints(h.ShareBasisPoints)),
        });
        var book = new ReferralRewardBook(rule);
        var ledger = new CommissionLedger();
        var posted = new List<Posted>();
        for (var i = 0; i < h.Steps.Count; i++)
        {
            var step = h.Steps[i];
            var at = BoundAt + Duration.FromHours(13 * i);
            var friend = new MemberId(step.Friend);
            switch (step.Kind)
            {
                case StepKind.Purchase:
                    var sale = new Sale("S" + i, friend, at, h.Currency, [new SaleLine("P", "c", 1, Money.FromMinorUnits(step.AmountMinor, h.Currency))]);
                    book.Claim(sale, new NetworkMember(friend, Inviter, BoundAt));
                    var booked = new LedgerSale(sale.Id, friend, at, h.Currency, [new LedgerSaleLine(1, sale.Lines[0].PaidAmount)], [], Duration.FromDays(7));
                    Assert.True(ledger.Post(book.AddRewardsTo(booked)).IsApplied);
                    posted.Add(new Posted(sale.Id, friend, step.AmountMinor, at));
                    break;
                case StepKind.Complete when posted.LastOrDefault(p => p.Buyer == friend && !p.Completed && !p.Refunded) is { } open:
                    ledger.Complete(open.Id, at);
                    book.Earn(open.Id, at);
                    open.Completed = true;
                    break;
                case StepKind.Refund when posted.LastOrDefault(p => p.Buyer == friend && !p.Refunded) is { } paid:
                    ledger.Refund(LedgerRefund.Full("R" + i, paid.Id, at));
                    book.Reverse(paid.Id, at);
                    paid.Refunded = true;
                    break;
            }
        }

        ledger.Release(BoundAt + Duration.FromDays(3650));
        var zero = Money.Zero(h.Currency);
        var expectedInviter = zero;
        var claimedInviter = zero;
        var pendingInviter = zero;
        for (var friend = 2; friend <= 5; friend++)
        {
            var member = new MemberId(friend);
            var events = book.GetEvents(member);
            Assert.True(events.OfType<ReferralRewardEarned>().Count() <= 1, "earned twice");
            foreach (var claimed in events.OfType<ReferralRewardClaimed>())
            {
                var sale = posted.Single(p => p.Id == claimed.SaleId);
                Assert.True(sale.AmountMinor >= h.MinimumMinor && sale.PaidAt < BoundAt + rule.Window, $"claimed by a purchase that does not qualify: {sale}");
                claimedInviter += claimed.Grant.InviterMoney!.Value;
                var invited = ledger.GetBalance(member, h.Currency);
                if (book.GetStatus(member) == ReferralClaimStatus.Earned && claimed == events.OfType<ReferralRewardClaimed>().Last())
                {
                    Assert.True(sale.Completed && !sale.Refunded);
                    expectedInviter += claimed.Grant.InviterMoney.Value;
                    Assert.Equal(claimed.Grant.InvitedMoney!.Value, invited.Available);
                }
                else if (!sale.Refunded)
                {
                    Assert.Equal(ReferralClaimStatus.Pending, book.GetStatus(member));
                    Assert.False(sale.Completed);
                    pendingInviter += claimed.Grant.InviterMoney.Value;
                }
            }

            if (book.GetStatus(member) != ReferralClaimStatus.Earned)
            {
                // Not earned (pending, released or reversed): nothing of the member's own reward is available.
                Assert.Equal(zero, ledger.GetBalance(member, h.Currency).Available);
            }
        }

        var balance = ledger.GetBalance(Inviter, h.Currency);
        Assert.Equal(expectedInviter, balance.Available);
        Assert.Equal(claimedInviter, balance.Booked);
        Assert.Equal(pendingInviter, balance.Pending);
        Assert.Equal(claimedInviter - expectedInviter - pendingInviter, balance.Reversed);
        Assert.Equal(zero, balance.Frozen + balance.ClawbackDebt);
    }
}
