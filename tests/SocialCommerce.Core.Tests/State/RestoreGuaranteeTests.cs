using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.State;

/// <summary>The damaged states issue 24 found restored without a word: each is now refused naming its path.</summary>
public sealed class RestoreGuaranteeTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static string AccountJson()
    {
        var account = new CommissionAccount(new MemberId(2), Currency.CNY);
        account.Apply(new AccountPosting("S-1/e", "S-1", new MemberId(2), Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("S-1/c", "S-1", new MemberId(2), Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("S-1/r", "S-1", new MemberId(2), Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, 500));
        return SocialCommerceJson.Serialize(account.ToSnapshot());
    }

    private static CorruptStateException RefusedAccount(Action<JsonObject> damage)
    {
        var node = JsonNode.Parse(AccountJson())!.AsObject();
        damage(node["balances"]!.AsObject());
        return Assert.Throws<CorruptStateException>(() => CommissionAccount.FromSnapshot(SocialCommerceJson.Deserialize<CommissionAccountSnapshot>(node.ToJsonString())!));
    }

    [Fact]
    public void An_account_whose_buckets_do_not_add_up_or_go_negative_or_lack_booked_is_refused()
    {
        Assert.Equal("$.balances.booked", RefusedAccount(b => b["available"] = 400).Path);
        Assert.Equal("$.balances.available", RefusedAccount(b => { b["available"] = -5; b["booked"] = -5; }).Path);
        Assert.Equal("$.balances.booked", RefusedAccount(b => b.Remove("booked")).Path);
        Assert.Equal("$.balances.available", RefusedAccount(b => { b["debt"] = 100; b["booked"] = 400; b["writtenOff"] = 0; b["available"] = 500; b["reversed"] = 0; b["forgiven"] = 100; b["withdrawn"] = 100; }).Path);
        Assert.Equal(new MemberId(2), CommissionAccount.FromSnapshot(SocialCommerceJson.Deserialize<CommissionAccountSnapshot>(AccountJson())!).Member);
    }

    [Fact]
    public void A_ledger_snapshot_without_the_accounts_its_sales_credit_or_with_a_sale_reversed_beyond_its_booking_is_refused()
    {
        var ledger = new CommissionLedger();
        ledger.Post(new LedgerSale("S-1", new MemberId(3), T0, Currency.CNY, [new LedgerSaleLine(1, Yuan(50m))], [new LedgerEarning(new MemberId(1), 1, 0, Yuan(5m))], Duration.Zero));
        var snapshot = ledger.ToSnapshot();

        var noAccounts = snapshot with { Accounts = [] };
        Assert.Equal("$.sales[0].sale.earnings[0].beneficiary", Assert.Throws<CorruptStateException>(() => CommissionLedger.FromSnapshot(noAccounts)).Path);

        var over = snapshot with { Sales = [snapshot.Sales[0] with { ReversedMinorUnits = [600] }] };
        Assert.Equal("$.sales[0].reversedMinorUnits[0]", Assert.Throws<CorruptStateException>(() => CommissionLedger.FromSnapshot(over)).Path);

        var pendingWrong = snapshot with { Accounts = [snapshot.Accounts[0] with { Pending = 0, Available = 500 }] };
        Assert.Equal("$.accounts[0].pending", Assert.Throws<CorruptStateException>(() => CommissionLedger.FromSnapshot(pendingWrong)).Path);
    }

    private static (BargainRule Rule, List<InvitationEvent> History) Bargain()
    {
        var rule = BargainRule.Create("cut", new BargainRuleOptions { StartPrice = Yuan(100m), Floor = Yuan(1m), Helpers = 3, TimeLimit = Duration.FromHours(24) });
        var history = new List<InvitationEvent>(Invitation.Open(new InvitationId(1), rule, new MemberId(1), T0, 7, out var invitation).Events);
        history.AddRange(invitation.Help(new MemberId(2), T0 + Duration.FromMinutes(1)).Events);
        return (rule, history);
    }

    [Fact]
    public void An_invitation_with_a_negative_floor_a_wrong_hash_the_owner_helping_or_a_helper_twice_is_refused()
    {
        var (rule, history) = Bargain();
        var opened = (InvitationOpened)history[0];
        var helped = (InvitationHelped)history[1];
        Assert.Equal(1, Invitation.FromHistory(rule, history).HelpsDone);

        var negative = opened with { Floor = Yuan(-5m), Cuts = [.. opened.Cuts!.Take(2), opened.Cuts![2] + Yuan(6m)] };
        Assert.Equal("$[0].floor", Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(rule, [negative])).Path);

        var hash = opened with { ScheduleHash = "sha256:00" };
        Assert.Equal("$[0].scheduleHash", Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(rule, [hash])).Path);

        var owner = helped with { Helper = opened.Owner };
        Assert.Equal("$[1].helper", Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(rule, [opened, owner])).Path);

        var second = helped with { Version = 3, HelpsDone = 2, Cut = opened.Cuts![1], Price = helped.Price!.Value - opened.Cuts![1] };
        Assert.Equal("$[2].helper", Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(rule, [opened, helped, second])).Path);
    }

    [Fact]
    public void A_referral_claim_whose_inviter_is_the_invited_member_is_refused()
    {
        var rule = ReferralRewardRule.Create("first", new ReferralRewardRuleOptions { MinimumPurchase = Yuan(50m), Window = Duration.FromDays(30), InviterReward = ReferralRewardValue.Fixed(Yuan(10m)) });
        var claim = ReferralClaim.Start(new MemberId(2));
        claim.Claim(rule, new Sale("S-1", new MemberId(2), T0, Currency.CNY, [new SaleLine("SKU", "tea", 1, Yuan(60m))]), new NetworkMember(new MemberId(2), new MemberId(1), T0 - Duration.FromDays(1)));
        var claimed = (ReferralRewardClaimed)claim.Events[0];

        var self = claimed with { Inviter = new MemberId(2) };

        Assert.Equal("$[0].inviter", Assert.Throws<CorruptStateException>(() => ReferralClaim.FromHistory(new MemberId(2), [self])).Path);
        Assert.Equal(ReferralClaimStatus.Pending, ReferralClaim.FromHistory(new MemberId(2), [claimed]).Status);
    }

    [Fact]
    public void Unreadable_json_is_a_corrupt_state_naming_the_path()
    {
        var e = Assert.Throws<CorruptStateException>(() => SocialCommerceJson.Deserialize<LedgerSnapshot>("""{"schemaVersion":1,"lastSequence":"x","accounts":[],"sales":[],"refunds":[],"withdrawals":[]}"""));
        Assert.Equal("$.lastSequence", e.Path);
        var currency = Assert.Throws<CorruptStateException>(() => SocialCommerceJson.Deserialize<LedgerWithdrawal>("""{"withdrawalId":"W","member":1,"amount":{"amount":"1.00","currency":"XXQ"},"at":"2026-11-01T10:00:00Z"}"""));
        Assert.Equal("$.amount", currency.Path);
        var discriminator = Assert.Throws<CorruptStateException>(() => SocialCommerceJson.Deserialize<IReadOnlyList<InvitationEvent>>("""[{"invitationId":1,"version":1,"at":"2026-11-01T10:00:00Z"}]"""));
        Assert.StartsWith("$[0]", discriminator.Path, StringComparison.Ordinal);
    }
}
