using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.Invitations;

public sealed class InvitationProperties
{
    private static readonly MemberId Owner = new(1_000);
    private static readonly JsonSerializerOptions Json = SocialCommerceJson.CreateOptions(SocialCommerce.Testing.MoneyGen.ThreeDigitTestCurrency, SocialCommerce.Testing.MoneyGen.OneDigitHostCurrency);

    public sealed record HelpRun(BargainCase Bargain, int HelpsPerHelper, int? PerDay, List<HelpAttempt> Attempts, int SplitAt);

    public static class Arbitraries
    {
        public static Arbitrary<HelpRun> Streams() =>
            (from bargain in InvitationGen.SmallBargains
             from perHelper in Gen.Choose(1, 3)
             from perDay in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 3).Select(d => (int?)d)))
             from attempts in InvitationGen.Attempts(bargain.Helpers)
             from split in Gen.Choose(0, attempts.Count)
             select new HelpRun(bargain, perHelper, perDay, attempts, split)).ToArbitrary();
    }

    private static MemberId HelperOf(HelpAttempt a) => a.Helper == 0 ? Owner : new MemberId(a.Helper);

    private static BargainRule RuleOf(HelpRun s) => s.Bargain.Rule(new BargainRuleOptions { HelpsPerHelper = s.HelpsPerHelper, HelpsPerHelperPerDay = s.PerDay });

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void Helps_are_accepted_exactly_when_the_rule_allows_and_each_takes_the_next_cut(HelpRun s)
    {
        var rule = RuleOf(s);
        var book = new InvitationBook();
        book.AddRule(rule);
        var id = book.Open(rule.Name, Owner, InvitationGen.Start, s.Bargain.Seed).InvitationId;
        var schedule = book.GetSchedule(id)!;
        var deadline = InvitationGen.Start + rule.TimeLimit;
        var perHelper = new Dictionary<MemberId, int>();
        var perDay = new Dictionary<(MemberId, LocalDate), int>();
        var done = 0;
        var price = rule.StartPrice;
        foreach (var attempt in s.Attempts)
        {
            var helper = HelperOf(attempt);
            var at = InvitationGen.Start + Duration.FromSeconds(attempt.OffsetSeconds);
            var day = rule.DayOf(at);
            // A helper who has given every help allowed them is a resend: its first outcome, before every refusal.
            var seen = helper != Owner && perHelper.GetValueOrDefault(helper) >= rule.HelpsPerHelper;
            var expected =
                seen ? InvitationRefusal.None
                : done == rule.Helpers ? InvitationRefusal.Completed
                : at >= deadline ? InvitationRefusal.Expired
                : helper == Owner ? InvitationRefusal.OwnerHelping
                : s.PerDay is int limit && perDay.GetValueOrDefault((helper, day)) >= limit ? InvitationRefusal.HelperQuotaReached
                : InvitationRefusal.None;

            var result = book.Help(id, helper, at, attempt.IsNewMember);

            Assert.Equal(expected, result.Refusal);
            Assert.Equal(seen, result.IsDuplicate);
            if (seen)
            {
                Assert.Equal(helper, Assert.IsType<InvitationHelped>(result.Events[0]).Helper);
            }
            else if (result.IsAccepted)
            {
                var helped = Assert.IsType<InvitationHelped>(result.Events[0]);
                Assert.Equal(schedule.Cuts[done], helped.Cut);
                price -= schedule.Cuts[done];
                done++;
                Assert.Equal(price, helped.Price);
                perHelper[helper] = perHelper.GetValueOrDefault(helper) + 1;
                perDay[(helper, day)] = perDay.GetValueOrDefault((helper, day)) + 1;
                Assert.Equal(done == rule.Helpers ? 2 : 1, result.Events.Count);
            }
            else
            {
                Assert.Empty(result.Events);
            }

            var progress = book.GetSnapshot(id).Progress;
            Assert.Equal(done, progress.HelpsDone);
            Assert.Equal(price, progress.Price);
            Assert.Equal(price - rule.Floor, progress.RemainingAmount);
        }

        if (done == rule.Helpers)
        {
            Assert.Equal(rule.Floor, price);
            Assert.Equal(InvitationStatus.Completed, book.GetSnapshot(id).Status);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void Restoring_mid_campaign_through_JSON_then_continuing_equals_an_uninterrupted_run(HelpRun s)
    {
        var rule = RuleOf(s);
        var whole = new InvitationBook();
        whole.AddRule(rule);
        var events = new List<InvitationEvent>();
        var opened = whole.Open(rule.Name, Owner, InvitationGen.Start, s.Bargain.Seed);
        events.AddRange(opened.Events);
        var refusals = new List<InvitationRefusal>();
        foreach (var a in s.Attempts)
        {
            var r = whole.Help(opened.InvitationId, HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), a.IsNewMember);
            refusals.Add(r.Refusal);
            events.AddRange(r.IsDuplicate ? [] : r.Events);
        }

        var first = new InvitationBook();
        first.AddRule(rule);
        var stored = new List<InvitationEvent>(first.Open(rule.Name, Owner, InvitationGen.Start, s.Bargain.Seed).Events);
        var split = new List<InvitationRefusal>();
        foreach (var a in s.Attempts.Take(s.SplitAt))
        {
            var r = first.Help(opened.InvitationId, HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), a.IsNewMember);
            split.Add(r.Refusal);
            stored.AddRange(r.IsDuplicate ? [] : r.Events);
        }

        var json = JsonSerializer.Serialize<IReadOnlyList<InvitationEvent>>(stored, Json);
        var history = JsonSerializer.Deserialize<IReadOnlyList<InvitationEvent>>(json, Json)!;
        var restored = new InvitationBook();
        restored.AddRule(rule);
        restored.Restore(Invitation.FromHistory(rule, history));
        foreach (var a in s.Attempts.Skip(s.SplitAt))
        {
            var r = restored.Help(opened.InvitationId, HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), a.IsNewMember);
            split.Add(r.Refusal);
            stored.AddRange(r.IsDuplicate ? [] : r.Events);
        }

        Assert.Equal(refusals, split);
        Assert.Equal(
            JsonSerializer.Serialize<IReadOnlyList<InvitationEvent>>(events, Json),
            JsonSerializer.Serialize<IReadOnlyList<InvitationEvent>>(stored, Json));
        Assert.Equal(whole.GetSnapshot(opened.InvitationId).Progress, restored.GetSnapshot(opened.InvitationId).Progress);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void An_invitation_continued_from_an_earlier_state_is_the_invitation_replayed_whole_and_the_earlier_state_is_untouched(HelpRun s)
    {
        var rule = RuleOf(s);
        var book = new InvitationBook();
        book.AddRule(rule);
        var opened = book.Open(rule.Name, Owner, InvitationGen.Start, s.Bargain.Seed);
        var events = new List<InvitationEvent>(opened.Events);
        foreach (var a in s.Attempts)
        {
            var r = book.Help(opened.InvitationId, HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), a.IsNewMember);
            events.AddRange(r.IsDuplicate ? [] : r.Events);
        }

        // Every prefix a store can hold (not one that splits a last help from its completion) continues to the whole.
        var whole = Invitation.FromHistory(rule, events);
        for (var k = 1; k <= events.Count; k++)
        {
            if (k < events.Count && events[k] is InvitationCompleted)
            {
                continue;
            }

            var earlier = Invitation.FromHistory(rule, events.Take(k));
            var (progress, version, status) = (earlier.Progress, earlier.Version, earlier.Status);
            var continued = Invitation.FromHistory(earlier, events.Skip(k));
            Assert.Equal((progress, version, status), (earlier.Progress, earlier.Version, earlier.Status));
            Assert.Equal((whole.Progress, whole.Version, whole.Status), (continued.Progress, continued.Version, continued.Status));
            foreach (var a in s.Attempts)
            {
                var (expected, actual) = (whole.Help(HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), new HelperFacts(a.IsNewMember, 0)), continued.Help(HelperOf(a), InvitationGen.Start + Duration.FromSeconds(a.OffsetSeconds), new HelperFacts(a.IsNewMember, 0)));
                Assert.Equal((expected.Refusal, expected.IsDuplicate), (actual.Refusal, actual.IsDuplicate));
                Assert.Equal(expected.Events, actual.Events);
            }

            whole = Invitation.FromHistory(rule, events);
        }

        Assert.Same(whole, Invitation.FromHistory(whole, []));
        if (events.Count > 2)
        {
            Assert.Equal("$[0].version", Assert.Throws<CorruptStateException>(() => Invitation.FromHistory(Invitation.FromHistory(rule, events.Take(1)), events.Skip(2))).Path);
        }
    }

    public sealed record Race(int Helpers, int Members, int Threads, bool Assist);

    public static class RaceArbitraries
    {
        public static Arbitrary<Race> Races() =>
            (from helpers in Gen.Choose(1, 30)
             from members in Gen.Choose(1, 60)
             from threads in Gen.Choose(2, 8)
             from assist in Gen.Elements(true, false)
             select new Race(helpers, members, threads, assist)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(RaceArbitraries)], MaxTest = 500)]
    public void Concurrent_helps_never_exceed_the_required_helps_never_take_a_cut_twice_and_never_lose_one(Race race)
    {
        InvitationRule rule = race.Assist
            ? AssistRule.Create("race", new AssistRuleOptions { Helpers = race.Helpers, Reward = AssistReward.PointsOf(100) })
            : BargainRule.Create("race", new BargainRuleOptions { Helpers = race.Helpers, StartPrice = new Money(1_000m, Currency.CNY), Floor = new Money(1m, Currency.CNY), Curve = CutCurve.DoubleMean });
        var book = new InvitationBook();
        book.AddRule(rule);
        var id = book.Open(rule.Name, Owner, InvitationGen.Start, 42).InvitationId;
        var accepted = new ConcurrentBag<InvitationHelped>();
        Parallel.For(0, race.Members * 2, new ParallelOptions { MaxDegreeOfParallelism = race.Threads }, i =>
        {
            var result = book.Help(id, new MemberId(1 + (i % race.Members)), InvitationGen.Start + Duration.FromSeconds(i));
            foreach (var e in result.IsDuplicate ? [] : result.Events.OfType<InvitationHelped>())
            {
                accepted.Add(e);
            }
        });

        var snapshot = book.GetSnapshot(id);
        var expected = Math.Min(race.Helpers, race.Members);
        Assert.Equal(expected, accepted.Count);
        Assert.Equal(expected, snapshot.Progress.HelpsDone);
        Assert.Equal(Enumerable.Range(1, expected), accepted.Select(e => e.HelpsDone).OrderBy(n => n));
        Assert.Equal(accepted.Count, accepted.Select(e => e.Helper).Distinct().Count());
        Assert.Equal(snapshot.Helpers.OrderBy(m => m.Value), accepted.Select(e => e.Helper).OrderBy(m => m.Value));
        if (book.GetSchedule(id) is { } schedule)
        {
            foreach (var e in accepted)
            {
                Assert.Equal(schedule.Cuts[e.HelpsDone - 1], e.Cut);
            }

            Assert.Equal(schedule.PriceAfter(expected), snapshot.Progress.Price);
        }

        Assert.Equal(expected == race.Helpers ? InvitationStatus.Completed : InvitationStatus.Open, snapshot.Status);
    }
}
