using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console;

/// <summary>Invite and assist (邀请与协助): a bargain reaching its floor, an assist unlock, a referral reward and its reversal. Fixed instants and seed: deterministic output.</summary>
internal static class InvitationsDemo
{
    public static void Run(TextWriter output)
    {
        var start = Instant.FromUtc(2026, 11, 11, 2, 0);
        var book = new InvitationBook(ComplianceProfiles.ChinaSocialCommerce);
        book.AddRule(BargainRule.Create("cut-to-1", new BargainRuleOptions
        {
            StartPrice = new Money(99m, Currency.CNY),
            Floor = new Money(1m, Currency.CNY),
            Helpers = 5,
            MinimumCut = new Money(0.50m, Currency.CNY),
            Curve = CutCurve.DoubleMean,
            FirstHelpShare = Rate.Percent(40),
            TimeLimit = Duration.FromHours(24),
        }));
        book.AddRule(AssistRule.Create("free-tea", new AssistRuleOptions { Helpers = 3, Reward = AssistReward.FreeItem("TEA-1") }));

        output.WriteLine("== Bargain (砍价): five friends cut ¥99.00 to ¥1.00 ==");
        var bargain = book.Open("cut-to-1", new MemberId(1), start, seed: 20261111).InvitationId;
        var schedule = book.GetSchedule(bargain)!;
        output.WriteLine($"  schedule fixed at opening (disclosed): {string.Join(" + ", schedule.Cuts.Select(Amount))} = {Amount(schedule.StartPrice - schedule.Floor)}");
        output.WriteLine($"  hash {schedule.Hash[..23]}…");
        Print(output, book.Help(bargain, new MemberId(1), start + Duration.FromMinutes(1)));
        for (var m = 2; m <= 6; m++)
        {
            Print(output, book.Help(bargain, new MemberId(m), start + Duration.FromMinutes(m)));
        }

        output.WriteLine();
        output.WriteLine("== Assist unlock (助力): three friends unlock a free tea ==");
        var assist = book.Open("free-tea", new MemberId(1), start).InvitationId;
        for (var m = 2; m <= 4; m++)
        {
            Print(output, book.Help(assist, new MemberId(m), start + Duration.FromMinutes(m)));
        }

        output.WriteLine();
        output.WriteLine("== Referral reward (拉新): Bob's first completed purchase rewards Alice and Bob ==");
        var alice = new MemberId(1);
        var bob = new MemberId(2);
        var network = new ReferralNetwork();
        network.AddMember(alice, start);
        network.AddMember(bob, alice, start + Duration.FromHours(1));
        var rewards = new ReferralRewardBook(ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
        {
            MinimumPurchase = new Money(50m, Currency.CNY),
            InviterReward = ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
            InvitedReward = ReferralRewardValue.ShareOfPurchase(Rate.Percent(5)),
        }));
        var ledger = new CommissionLedger();
        var paidAt = start + Duration.FromDays(1);
        var sale = new Sale("S-100", bob, paidAt, Currency.CNY, [new SaleLine("TEA-SET", "tea", 1, new Money(128m, Currency.CNY))]);
        output.WriteLine($"  binding alone: {rewards.GetStatus(bob)} (nothing is paid for signing up)");
        var claim = rewards.Claim(sale, network.GetMember(bob));
        output.WriteLine($"  paid ¥128.00: claimed — Alice {Amount(claim.Grant!.InviterMoney!.Value)} (level 1), Bob {Amount(claim.Grant.InvitedMoney!.Value)} (level 0), pending");
        var booked = rewards.AddRewardsTo(new LedgerSale(sale.Id, bob, paidAt, Currency.CNY, [new LedgerSaleLine(1, sale.Lines[0].PaidAmount)], [], Duration.FromDays(7)));
        ledger.Post(booked);
        ledger.Complete(sale.Id, paidAt + Duration.FromDays(2));
        rewards.Earn(sale.Id, paidAt + Duration.FromDays(2));
        ledger.Release(paidAt + Duration.FromDays(9));
        output.WriteLine($"  completed, return window over: Alice available {Amount(ledger.GetBalance(alice, Currency.CNY).Available)}, Bob available {Amount(ledger.GetBalance(bob, Currency.CNY).Available)}");
        ledger.Refund(LedgerRefund.Full("R-100", sale.Id, paidAt + Duration.FromDays(10)));
        var reversed = rewards.Reverse(sale.Id, paidAt + Duration.FromDays(10));
        var balance = ledger.GetBalance(alice, Currency.CNY);
        output.WriteLine($"  refunded: {reversed.Event!.GetType().Name}; Alice available {Amount(balance.Available)}, debt {Amount(balance.ClawbackDebt)}, reversed {Amount(balance.Reversed)}");
        output.WriteLine($"  a second purchase: {rewards.Claim(new Sale("S-101", bob, paidAt + Duration.FromDays(11), Currency.CNY, sale.Lines), network.GetMember(bob)).Refusal} (once per invited member)");
    }

    private static void Print(TextWriter output, InvitationResult result)
    {
        if (!result.IsAccepted)
        {
            output.WriteLine($"  member {result.Member}: refused, {result.Refusal}");
            return;
        }

        foreach (var e in result.Events)
        {
            var line = e switch
            {
                InvitationHelped { Cut: { } cut } h => $"  member {h.Helper} cuts {Amount(cut)} → {Amount(h.Price!.Value)} ({h.HelpsDone} of 5 helps)",
                InvitationHelped h => $"  member {h.Helper} assists ({h.HelpsDone} of 3)",
                InvitationCompleted { Price: { } price } => $"  completed at the floor {Amount(price)}",
                InvitationCompleted c => $"  unlocked: {c.Reward}",
                _ => "  " + e,
            };
            output.WriteLine(line);
        }
    }

    private static string Amount(Money money) => "¥" + money.Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
