using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Core.Tests.Invitations;

public sealed class InvitationTests
{
    private static readonly MemberId Owner = new(1);
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 11, 10, 0);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static BargainRule Bargain(Action<BargainRuleOptions>? configure = null)
    {
        var options = new BargainRuleOptions { StartPrice = Cny(100m), Floor = Cny(1m), Helpers = 3, TimeLimit = Duration.FromHours(24) };
        configure?.Invoke(options);
        return BargainRule.Create("cut", options);
    }

    private static Invitation Open(InvitationRule rule)
    {
        Invitation.Open(new InvitationId(1), rule, Owner, T0, 7, out var invitation);
        return invitation;
    }

    [Fact]
    public void A_rule_whose_gap_cannot_give_every_helper_the_minimum_cut_is_refused_naming_the_values()
    {
        var e = Assert.Throws<InvitationRuleException>(() => Bargain(o => { o.Helpers = 100; o.MinimumCut = Cny(1m); }));
        Assert.Equal("MinimumCut", e.Field);
        Assert.Contains("100.00 CNY − 1.00 CNY = 99.00 CNY", e.Message, StringComparison.Ordinal);
        Assert.Contains("100 × 1.00 CNY", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("floor-at-start")]
    [InlineData("fraction-of-cent")]
    [InlineData("zero-helpers")]
    [InlineData("share-100")]
    [InlineData("other-currency")]
    public void Invalid_settings_are_refused_where_they_enter(string which)
    {
        var e = Assert.Throws<InvitationRuleException>(() => Bargain(o =>
        {
            switch (which)
            {
                case "floor-at-start": o.Floor = Cny(100m); break;
                case "fraction-of-cent": o.StartPrice = Cny(100.001m); break;
                case "zero-helpers": o.Helpers = 0; break;
                case "share-100": o.FirstHelpShare = Rate.Full; break;
                default: o.Floor = new Money(1m, Currency.USD); break;
            }
        }));
        Assert.Contains("Invitation rule 'cut'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assist_counts_distinct_helpers_and_needs_a_reward()
    {
        Assert.Equal("HelpsPerHelper", Assert.Throws<InvitationRuleException>(() => AssistRule.Create("a", new AssistRuleOptions { Helpers = 3, HelpsPerHelper = 2, Reward = AssistReward.PointsOf(1) })).Field);
        Assert.Equal("Reward", Assert.Throws<InvitationRuleException>(() => AssistRule.Create("a", new AssistRuleOptions { Helpers = 3 })).Field);
    }

    [Fact]
    public void Each_refusal_has_its_own_reason_and_changes_nothing()
    {
        var invitation = Open(Bargain(o => { o.Helpers = 4; o.HelpsPerHelperPerDay = 2; }));
        var bob = new MemberId(2);

        Assert.Equal(InvitationRefusal.OwnerHelping, invitation.Help(Owner, T0).Refusal);
        Assert.True(invitation.Help(bob, T0).IsAccepted);
        Assert.True(invitation.Help(bob, T0).IsDuplicate);               // a help seen again answers its first outcome
        Assert.Equal(InvitationRefusal.HelperQuotaReached, invitation.Help(new MemberId(3), T0, new HelperFacts(HelpsToday: 2)).Refusal);
        Assert.Equal(InvitationRefusal.PaidHelpForbidden, invitation.Help(new MemberId(3), T0, new HelperFacts(IsPaid: true)).Refusal);
        Assert.Equal(InvitationRefusal.Expired, invitation.Help(new MemberId(3), invitation.Deadline).Refusal);
        Assert.True(invitation.Help(new MemberId(3), invitation.Deadline - Duration.Epsilon).IsAccepted);
        Assert.Equal(3, invitation.Version);
        Assert.Equal(2, invitation.HelpsDone);

        var newOnly = Open(Bargain(o => o.Eligibility = HelperEligibility.NewMembersOnly));
        Assert.Equal(InvitationRefusal.OwnerHelping, newOnly.Help(Owner, T0, new HelperFacts(IsNewMember: true)).Refusal);
        Assert.Equal(InvitationRefusal.NotEligible, newOnly.Help(bob, T0).Refusal);
        Assert.True(newOnly.Help(bob, T0, new HelperFacts(IsNewMember: true)).IsAccepted);

        var anyone = Open(Bargain(o => o.Eligibility = HelperEligibility.Anyone));
        Assert.True(anyone.Help(Owner, T0).IsAccepted);
    }

    [Fact]
    public void The_last_help_lands_on_the_floor_and_later_helps_are_refused_as_completed()
    {
        var invitation = Open(Bargain(o => o.Curve = CutCurve.DoubleMean));
        invitation.Help(new MemberId(2), T0);
        invitation.Help(new MemberId(3), T0);
        var last = invitation.Help(new MemberId(4), T0);

        var completed = Assert.IsType<InvitationCompleted>(last.Events[1]);
        Assert.Equal(Cny(1m), completed.Price);
        Assert.Equal(Cny(1m), invitation.Price);
        Assert.Equal(0, invitation.Progress.HelpsRemaining);
        Assert.Equal(Cny(0m), invitation.Progress.RemainingAmount);
        Assert.Null(invitation.Progress.NextCut);
        Assert.Equal(InvitationRefusal.Completed, invitation.Help(new MemberId(5), T0).Refusal);
        Assert.Equal(InvitationRefusal.Completed, invitation.Close(invitation.Deadline).Refusal);
    }

    [Fact]
    public void Closing_at_the_deadline_leaves_the_reached_price_or_fails_as_the_rule_says()
    {
        var buy = Open(Bargain(o => o.AtDeadline = DeadlineOutcome.BuyAtReachedPrice));
        var help = buy.Help(new MemberId(2), T0);
        Assert.Equal(InvitationRefusal.BeforeDeadline, buy.Close(buy.Deadline - Duration.Epsilon).Refusal);
        var expired = Assert.IsType<InvitationExpired>(Assert.Single(buy.Close(buy.Deadline).Events));
        Assert.True(expired.Purchasable);
        Assert.Equal(((InvitationHelped)help.Events[0]).Price, expired.Price);
        Assert.Equal(InvitationStatus.Expired, buy.Status);
        var closedAgain = buy.Close(buy.Deadline + Duration.FromHours(1)); // a close seen again answers its first outcome
        Assert.True(closedAgain.IsDuplicate);
        Assert.Same(expired, Assert.Single(closedAgain.Events));

        var fail = Open(Bargain());
        Assert.False(Assert.IsType<InvitationExpired>(fail.Close(fail.Deadline).Events[0]).Purchasable);
        Assert.Equal(InvitationStatus.Failed, fail.Status);
        Assert.Equal(InvitationRefusal.Expired, fail.Help(new MemberId(2), fail.Deadline - Duration.Epsilon).Refusal);
    }

    [Fact]
    public void An_assist_unlocks_its_reward_with_the_kth_distinct_helper()
    {
        var rule = AssistRule.Create("free-tea", new AssistRuleOptions { Helpers = 2, Reward = AssistReward.FreeItem("TEA-1") });
        var invitation = Open(rule);
        invitation.Help(new MemberId(2), T0);
        var last = invitation.Help(new MemberId(3), T0);

        Assert.Equal(AssistReward.FreeItem("TEA-1"), Assert.IsType<InvitationCompleted>(last.Events[1]).Reward);
        Assert.Null(invitation.Price);
        Assert.Null(((InvitationHelped)last.Events[0]).Cut);
    }

    [Fact]
    public void Replaying_events_that_claim_another_cut_is_refused()
    {
        var rule = Bargain();
        var opened = Invitation.Open(new InvitationId(1), rule, Owner, T0, 7, out var invitation).Events.ToList();
        var helped = (InvitationHelped)invitation.Help(new MemberId(2), T0).Events[0];
        var forged = helped with { Cut = helped.Cut!.Value + Cny(0.01m), Price = helped.Price!.Value - Cny(0.01m) };

        var e = Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(rule, [.. opened, forged]));
        Assert.Contains("the schedule's help 1 cuts", e.Message, StringComparison.Ordinal);
        Assert.Equal("$[1].cut", e.Path);
        Assert.Equal(invitation.Price, Invitation.FromHistory(rule, [.. opened, helped]).Price);
    }

    [Fact]
    public void Events_round_trip_through_the_JSON_contract_with_stable_types()
    {
        var rule = Bargain();
        var events = new List<InvitationEvent>(Invitation.Open(new InvitationId(9), rule, Owner, T0, 7, out var invitation).Events);
        events.AddRange(invitation.Help(new MemberId(2), T0).Events);
        var json = JsonSerializer.Serialize<IReadOnlyList<InvitationEvent>>(events, SocialCommerceJson.Options);

        Assert.Contains("\"type\":\"invitation.opened\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"invitation.helped\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scheduleHash\":\"sha256:", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<IReadOnlyList<InvitationEvent>>(json, SocialCommerceJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, SocialCommerceJson.Options));
        Assert.Equal(invitation.Price, Invitation.FromHistory(rule, back).Price);
    }

    [Fact]
    public void Documents_read_both_kinds_and_name_the_path_of_a_fault()
    {
        var bargain = Assert.IsType<BargainRule>(InvitationRule.FromJson("""{"kind":"bargain","name":"cut","currency":"CNY","startPrice":"99.00","floor":"1.00","helpers":5,"curve":"doubleMean","timeLimit":"2:00:00:00","helpsPerHelperPerDay":3,"dayZone":"Asia/Shanghai","firstHelpPercent":50}"""));
        Assert.Equal(CutCurve.DoubleMean, bargain.Curve);
        Assert.Equal(Duration.FromDays(2), bargain.TimeLimit);
        Assert.Equal("Asia/Shanghai", bargain.DayZone.Id);
        Assert.Equal(Rate.Percent(50), bargain.FirstHelpShare);

        var assist = Assert.IsType<AssistRule>(InvitationRule.FromJson("""{"kind":"assist","name":"coupon","currency":"CNY","helpers":3,"reward":{"kind":"coupon","value":"20.00"}}"""));
        Assert.Equal(AssistReward.Coupon(Cny(20m)), assist.Reward);

        Assert.Equal("$.helperz", Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson("""{"kind":"assist","name":"x","currency":"CNY","helperz":3}""")).Field);
        Assert.Equal("$.kind", Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson("""{"kind":"lottery","name":"x"}""")).Field);
        Assert.Equal("$.floor", Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson("""{"kind":"bargain","name":"x","currency":"CNY","startPrice":"9","floor":"0.001","helpers":1}""")).Field);
        Assert.Equal("$.curve", Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson("""{"kind":"bargain","name":"x","currency":"CNY","startPrice":"9","floor":"0","helpers":1,"curve":"1"}""")).Field);
        Assert.Equal("MinimumCut", Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson("""{"kind":"bargain","name":"x","currency":"JPY","startPrice":"9","floor":"0","helpers":10}""")).Field);
    }

    [Fact]
    public void A_rule_version_changes_with_any_setting()
    {
        Assert.Equal(Bargain().Version, Bargain().Version);
        Assert.NotEqual(Bargain().Version, Bargain(o => o.Curve = CutCurve.Decaying).Version);
        Assert.NotEqual(Bargain().Version, Bargain(o => o.HelpsPerHelperPerDay = 1).Version);
    }

    [Fact]
    public void Paid_help_is_refused_by_every_built_in_profile()
    {
        var rule = Bargain(o => o.AllowsPaidHelp = true);
        foreach (var profile in ComplianceProfiles.All)
        {
            var e = Assert.Throws<ComplianceRefusedException>(() => new InvitationBook(profile).AddRule(rule));
            Assert.Contains(e.Decision.Findings, f => f.Code == ComplianceCodes.InvitationPaidHelp && f.Severity == FindingSeverity.Error && f.Citation.Length > 0);
        }

        var audit = new InvitationBook(ComplianceProfiles.UnitedStatesFtc with { Mode = ComplianceMode.Audit });
        audit.AddRule(rule);
        Assert.True(audit.Help(audit.Open("cut", Owner, T0).InvitationId, new MemberId(2), T0, isPaid: true).IsAccepted);
    }

    [Fact]
    public void A_paid_help_is_refused_at_run_time_and_reported_with_its_finding()
    {
        var listener = new Recorder();
        var book = new InvitationBook(ComplianceProfiles.ChinaSocialCommerce, listener);
        book.AddRule(Bargain());
        var id = book.Open("cut", Owner, T0).InvitationId;

        Assert.Equal(InvitationRefusal.PaidHelpForbidden, book.Help(id, new MemberId(2), T0, isPaid: true).Refusal);
        Assert.Contains(listener.Decisions, d => d.Findings.Any(f => f.Code == ComplianceCodes.InvitationPaidHelp));
        Assert.Equal(0, book.GetSnapshot(id).Progress.HelpsDone);
        Assert.Contains(listener.Invitations, r => r.Refusal == InvitationRefusal.PaidHelpForbidden);
    }

    [Theory]
    [InlineData("cn-social-commerce", FindingSeverity.Error, false)]
    [InlineData("cn-direct-selling", FindingSeverity.Error, false)]
    [InlineData("eu-ucpd", FindingSeverity.Error, false)]
    [InlineData("us-ftc-mlm", FindingSeverity.Warning, true)]
    [InlineData("two-level-distribution", FindingSeverity.Warning, true)]
    public void Help_only_for_new_members_is_flagged_everywhere_and_refused_under_the_China_and_EU_profiles(string profileName, FindingSeverity severity, bool accepted)
    {
        var decision = ComplianceProfiles.Get(profileName).CheckInvitationRule(Bargain(o => o.Eligibility = HelperEligibility.NewMembersOnly).Facts);
        var finding = Assert.Single(decision.Findings);
        Assert.Equal(ComplianceCodes.InvitationNewMembersOnly, finding.Code);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(FindingScope.Invitation, finding.Scope);
        Assert.Equal(accepted, decision.IsAccepted);
    }

    [Fact]
    public void An_undisclosed_random_schedule_is_flagged_under_the_EU_profile_only()
    {
        var hidden = Bargain(o => { o.Curve = CutCurve.DoubleMean; o.DisclosesSchedule = false; }).Facts;
        var eu = ComplianceProfiles.EuropeanUnionUcpd.CheckInvitationRule(hidden);
        Assert.Equal(ComplianceCodes.InvitationUndisclosedSchedule, Assert.Single(eu.Findings).Code);
        Assert.True(eu.IsAccepted);
        Assert.Empty(ComplianceProfiles.ChinaSocialCommerce.CheckInvitationRule(hidden).Findings);
        Assert.Empty(ComplianceProfiles.EuropeanUnionUcpd.CheckInvitationRule(Bargain(o => o.DisclosesSchedule = false).Facts).Findings);
    }

    [Fact]
    public void A_reward_for_sign_up_alone_is_the_head_count_finding_SC103()
    {
        var decision = ComplianceProfiles.ChinaSocialCommerce.CheckInvitationRule(new InvitationRuleFacts("sign-up-coupon") { RewardsSignUp = true });
        var finding = Assert.Single(decision.Findings);
        Assert.Equal(ComplianceCodes.PlanRecruitmentReward, finding.Code);
        Assert.False(decision.IsAccepted);
        Assert.Contains("art. 7(1)", finding.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_book_counts_a_helpers_helps_per_day_in_the_rules_zone_and_restores_them()
    {
        var rule = Bargain(o => { o.Helpers = 5; o.HelpsPerHelperPerDay = 1; o.DayZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"]; });
        var book = new InvitationBook();
        book.AddRule(rule);
        var a = book.Open("cut", Owner, T0).InvitationId;
        var b = book.Open("cut", new MemberId(9), T0).InvitationId;
        var helper = new MemberId(2);

        Assert.True(book.Help(a, helper, T0).IsAccepted);
        Assert.Equal(InvitationRefusal.HelperQuotaReached, book.Help(b, helper, T0 + Duration.FromHours(5)).Refusal);

        // 10:00Z is 18:00 in Shanghai; 16:00Z is midnight there: a new day.
        Assert.True(book.Help(b, helper, Instant.FromUtc(2026, 11, 11, 16, 0)).IsAccepted);

        var events = new List<InvitationEvent>(Invitation.Open(new InvitationId(5), rule, Owner, T0, 0, out var stored).Events);
        events.AddRange(stored.Help(helper, T0).Events);
        var restored = new InvitationBook();
        restored.AddRule(rule);
        restored.Restore(Invitation.FromHistory(rule, events));
        var next = restored.Open("cut", Owner, T0).InvitationId;
        Assert.Equal(6, next.Value);
        Assert.Equal(InvitationRefusal.HelperQuotaReached, restored.Help(next, helper, T0).Refusal);
    }

    [Fact]
    public void The_first_counted_helper_day_is_the_earliest_open_invitations_opening_day_or_today_in_the_rules_zone()
    {
        var rule = Bargain(o => { o.HelpsPerHelperPerDay = 1; o.DayZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"]; });
        var now = Instant.FromUtc(2026, 11, 11, 17, 0);                         // 01:00 on the 12th in Shanghai
        Assert.Equal(new LocalDate(2026, 11, 12), rule.FirstCountedHelperDay(now, null));
        Assert.Equal(new LocalDate(2026, 11, 10), rule.FirstCountedHelperDay(now, Instant.FromUtc(2026, 11, 9, 16, 30)));
        Assert.Equal(new LocalDate(2026, 11, 12), rule.FirstCountedHelperDay(now, now + Duration.FromDays(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.FirstCountedHelperDay(Instant.MaxValue, null));
    }

    [Fact]
    public void The_deadline_job_forgets_daily_counts_no_open_invitation_can_use_and_keeps_the_quota_of_the_others()
    {
        var rule = Bargain(o => { o.Helpers = 5; o.HelpsPerHelperPerDay = 1; o.DayZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"]; });
        var book = new InvitationBook();
        book.AddRule(rule);
        var helper = new MemberId(2);
        var first = book.Open("cut", Owner, T0).InvitationId;
        Assert.True(book.Help(first, helper, T0).IsAccepted);
        Assert.True(book.Help(first, new MemberId(3), T0).IsAccepted);
        Assert.Equal(2, book.DailyCountEntries);

        // A day later a new bargain opens; the first one is still open (24 h), so its day's counts stay.
        var dayLater = T0 + Duration.FromHours(20);
        var second = book.Open("cut", Owner, dayLater).InvitationId;
        book.CloseDue(dayLater);
        Assert.Equal(2, book.DailyCountEntries);

        // The first closes at its deadline: nothing open can take a help on its day any more.
        var closedAt = T0 + Duration.FromHours(24);
        Assert.Single(book.CloseDue(closedAt));
        Assert.Equal(0, book.DailyCountEntries);

        // Today's quota still holds after the pruning.
        Assert.True(book.Help(second, helper, closedAt).IsAccepted);
        var third = book.Open("cut", new MemberId(9), closedAt).InvitationId;
        book.CloseDue(closedAt + Duration.FromMinutes(1));
        Assert.Equal(InvitationRefusal.HelperQuotaReached, book.Help(third, helper, closedAt + Duration.FromMinutes(2)).Refusal);
        Assert.Equal(1, book.DailyCountEntries);
    }

    [Fact]
    public void A_listener_that_throws_never_makes_a_committed_change_look_failed()
    {
        var book = new InvitationBook(listener: new Throwing());
        book.AddRule(Bargain());
        var id = book.Open("cut", Owner, T0).InvitationId;
        Assert.True(book.Help(id, new MemberId(2), T0).IsAccepted);
        Assert.Equal(1, book.GetSnapshot(id).Progress.HelpsDone);

        var ledger = new SocialCommerce.Commissions.CommissionLedger(listener: new Throwing());
        var sale = new SocialCommerce.Commissions.LedgerSale("S-1", new MemberId(2), T0, Currency.CNY, [new SocialCommerce.Commissions.LedgerSaleLine(1, Cny(10m))], [new SocialCommerce.Commissions.LedgerEarning(Owner, 1, 0, Cny(1m))], Duration.FromDays(7));
        Assert.True(ledger.Post(sale).IsApplied);
        Assert.Equal(Cny(1m), ledger.GetBalance(Owner, Currency.CNY).Pending);
    }

    private sealed class Throwing : SocialCommerceListener
    {
        public override void OnInvitation(in InvitationArguments arguments) => throw new InvalidOperationException("listener failed");

        public override void OnLedger(in LedgerArguments arguments) => throw new InvalidOperationException("listener failed");
    }

    private sealed class Recorder : SocialCommerceListener
    {
        public List<ComplianceDecision> Decisions { get; } = [];

        public List<InvitationResult> Invitations { get; } = [];

        public override void OnComplianceDecision(in ComplianceDecisionArguments arguments) => Decisions.Add(arguments.Decision);

        public override void OnInvitation(in InvitationArguments arguments) => Invitations.Add(arguments.Result);
    }
}
