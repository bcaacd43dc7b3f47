using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Invitations;

/// <summary>The worked examples of docs/invitations.md, number for number.</summary>
public sealed class InvitationsDocExamplesTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 11, 2, 0);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static decimal[] Cuts(BargainRule rule, long seed = 0) => rule.CreateSchedule(seed).Cuts.Select(c => c.Amount).ToArray();

    [Fact]
    public void Example_1_even_cuts()
    {
        var rule = BargainRule.Create("even", new BargainRuleOptions { StartPrice = Cny(10m), Floor = Cny(1m), Helpers = 4 });
        Assert.Equal([2.25m, 2.25m, 2.25m, 2.25m], Cuts(rule));
    }

    [Fact]
    public void Example_2_decaying_cuts_and_the_price_after_two_helps()
    {
        var rule = BargainRule.Create("decay", new BargainRuleOptions { StartPrice = Cny(10m), Floor = Cny(0m), Helpers = 4, MinimumCut = Cny(0.50m), Curve = CutCurve.Decaying });
        Assert.Equal([3.70m, 2.90m, 2.10m, 1.30m], Cuts(rule));
        Invitation.Open(new InvitationId(1), rule, new MemberId(1), T0, 0, out var bargain);
        bargain.Help(new MemberId(2), T0);
        bargain.Help(new MemberId(3), T0);
        Assert.Equal(Cny(3.40m), bargain.Price);
        Assert.Equal(Cny(3.40m), bargain.Progress.RemainingAmount);
        Assert.Equal(Cny(2.10m), bargain.Progress.NextCut);
    }

    [Fact]
    public void Example_3_a_gap_too_small_for_the_helpers_is_refused_verbatim()
    {
        var e = Assert.Throws<InvitationRuleException>(() => BargainRule.Create("tiny", new BargainRuleOptions { StartPrice = Cny(10m), Floor = Cny(9.99m), Helpers = 2 }));
        Assert.StartsWith("Invitation rule 'tiny': MinimumCut = 0.01 CNY: start − floor = 10.00 CNY − 9.99 CNY = 0.01 CNY is less than Helpers × MinimumCut = 2 × 0.01 CNY; every help must cut at least the minimum.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_4_a_double_mean_schedule_is_the_same_for_the_same_seed_on_every_machine()
    {
        var rule = BargainRule.Create("cut-to-1", new BargainRuleOptions
        {
            StartPrice = Cny(99m),
            Floor = Cny(1m),
            Helpers = 5,
            MinimumCut = Cny(0.50m),
            Curve = CutCurve.DoubleMean,
            FirstHelpShare = Rate.Percent(40),
        });

        // Pinned: a change of the generator or the algorithm would change every stored bargain's replay check.
        Assert.Equal([61.27m, 5.73m, 17.72m, 3.72m, 9.56m], Cuts(rule, 20261111));
        Assert.True(Cuts(rule, 20261111)[0] >= 0.50m + decimal.Truncate(0.40m * (9800 - 250)) / 100m);
    }

    [Fact]
    public void Example_5_a_referral_reward_paid_on_completion_and_reversed_by_the_refund()
    {
        var alice = new MemberId(1);
        var bob = new MemberId(2);
        var rewards = new ReferralRewardBook(ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
        {
            MinimumPurchase = Cny(50m),
            InviterReward = ReferralRewardValue.Fixed(Cny(10m)),
            InvitedReward = ReferralRewardValue.ShareOfPurchase(Rate.Percent(5)),
        }));
        var ledger = new CommissionLedger();
        var sale = new Sale("S-100", bob, T0 + Duration.FromDays(1), Currency.CNY, [new SaleLine("TEA-SET", "tea", 1, Cny(128m))]);

        var claim = rewards.Claim(sale, new NetworkMember(bob, alice, T0));
        Assert.Equal(Cny(10m), claim.Grant!.InviterMoney);
        Assert.Equal(Cny(6.40m), claim.Grant.InvitedMoney);
        ledger.Post(rewards.AddRewardsTo(new LedgerSale(sale.Id, bob, sale.PaidAt, Currency.CNY, [new LedgerSaleLine(1, Cny(128m))], [], Duration.FromDays(7))));
        Assert.Equal(Cny(10m), ledger.GetBalance(alice, Currency.CNY).Pending);
        ledger.Complete(sale.Id, sale.PaidAt + Duration.FromDays(2));
        ledger.Release(sale.PaidAt + Duration.FromDays(9));
        Assert.Equal(Cny(10m), ledger.GetBalance(alice, Currency.CNY).Available);
        Assert.Equal(Cny(6.40m), ledger.GetBalance(bob, Currency.CNY).Available);

        ledger.Refund(LedgerRefund.Full("R-100", sale.Id, sale.PaidAt + Duration.FromDays(10)));
        Assert.Equal(Cny(0m), ledger.GetBalance(alice, Currency.CNY).Available);
        Assert.Equal(Cny(10m), ledger.GetBalance(alice, Currency.CNY).Reversed);
        Assert.Equal(Cny(6.40m), ledger.GetBalance(bob, Currency.CNY).Reversed);
    }
}
