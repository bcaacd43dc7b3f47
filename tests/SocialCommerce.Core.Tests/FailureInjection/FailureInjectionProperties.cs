using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.FailureInjection;

/// <summary>
/// An exception raised inside a command — a host rule, a listener, an arithmetic limit, an out-of-range instant —
/// leaves the state exactly as it was, and the rest of the stream then behaves as if the failure never happened.
/// </summary>
public sealed class FailureInjectionProperties
{
    private const int Cases = 500;

    /// <summary>Throws on its <c>n</c>-th call (counting from 1), then never again.</summary>
    private sealed class Fuse(int n)
    {
        private int _calls;

        public bool Blown { get; private set; }

        public void Tick()
        {
            if (++_calls == n)
            {
                Blown = true;
                throw new InvalidOperationException("injected failure at call " + n);
            }
        }
    }

    private sealed class FlakyRule(Fuse fuse) : ICommissionRule
    {
        public string Name => "flaky";

        public void Apply(CommissionRuleContext context) => fuse.Tick();
    }

    private sealed class FlakyGrowthRule(IGrowthRule inner, Fuse fuse) : IGrowthRule
    {
        public long Points(in GrowthRuleArguments arguments)
        {
            fuse.Tick();
            return inner.Points(arguments);
        }
    }

    private sealed class FlakyListener(Fuse fuse) : SocialCommerceListener
    {
        public override void OnGroupBuy(in GroupBuyArguments arguments) => fuse.Tick();

        public override void OnGrowthEvaluated(in GrowthEvaluatedArguments arguments) => fuse.Tick();
    }

    private static (int, long, LedgerBalance[]) Observe(CommissionLedger ledger) =>
        (ledger.SaleCount, ledger.EntryCount, LedgerHistory.Members.Select(m => ledger.GetBalance(m, LedgerHistory.Currency)).ToArray());

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = Cases)]
    public void A_ledger_command_that_throws_changes_nothing_and_the_stream_goes_on_as_if_it_never_happened(LedgerHistory history, PositiveInt at, PositiveInt kind)
    {
        var clean = history.Replay();
        var ledger = new CommissionLedger(new LedgerOptions { Clawback = history.Policy });
        var inject = at.Get % (history.Steps.Count + 1);
        var outcomes = new List<LedgerOutcome>();
        for (var i = 0; i <= history.Steps.Count; i++)
        {
            if (i == inject)
            {
                var before = Observe(ledger);
                Assert.ThrowsAny<ArgumentException>(() => Poison(ledger, kind.Get % 3));
                Assert.Equal(before.Item1, Observe(ledger).Item1);
                Assert.Equal(before.Item2, Observe(ledger).Item2);
                Assert.Equal(before.Item3, Observe(ledger).Item3);
            }

            if (i < history.Steps.Count)
            {
                outcomes.Add(history.Apply(ledger, i));
            }
        }

        Assert.Equal(clean.Outcomes, outcomes);
        Assert.Equal(Observe(clean.Ledger).Item3, Observe(ledger).Item3);
        Assert.Equal(clean.Ledger.EntryCount, ledger.EntryCount);
    }

    /// <summary>A command that must throw before it changes anything: an overflowing sale, a completion past the supported instants, a release of them.</summary>
    private static void Poison(CommissionLedger ledger, int kind)
    {
        switch (kind)
        {
            case 0:
                var most = Money.FromMinorUnits(Limits.MaxMinorUnits, LedgerHistory.Currency);
                var earnings = Enumerable.Range(0, 9_300).Select(_ => new LedgerEarning(LedgerHistory.Members[0], 1, 0, most)).ToArray();
                var sale = new LedgerSale("POISON", new MemberId(1), LedgerHistory.Start, LedgerHistory.Currency, [new LedgerSaleLine(1, most)], earnings, Duration.Zero);
                try
                {
                    ledger.Post(sale);
                }
                catch (OverflowException e)
                {
                    throw new ArgumentException("overflow", e);
                }

                throw new InvalidOperationException("the overflowing posting was accepted");
            case 1:
                for (var s = 0; s < 6; s++)
                {
                    var result = ledger.Complete(LedgerHistory.SaleId(s), Instant.MaxValue);
                    if (result.Outcome == LedgerOutcome.Applied)
                    {
                        throw new InvalidOperationException("a completion at the end of time was accepted");
                    }
                }

                throw new ArgumentOutOfRangeException(nameof(kind), "every sale was unknown or completed already (a retried completion is a duplicate): nothing to poison");
            default:
                ledger.Withdraw(new LedgerWithdrawal("W-poison", LedgerHistory.Members[1], Money.FromMinorUnits(Limits.MaxMinorUnits + 1, LedgerHistory.Currency), LedgerHistory.Start));
                throw new InvalidOperationException("an unsupported withdrawal was accepted");
        }
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = Cases)]
    public void A_listener_that_throws_never_changes_what_the_book_decides(GroupBuyScenario scenario, PositiveInt at)
    {
        var rule = scenario.BuildRule();
        var plain = new GroupBuyBook();
        var fuse = new Fuse(at.Get % (scenario.Joins.Count + 3));
        var flaky = new GroupBuyBook(listener: new FlakyListener(fuse));
        plain.AddRule(rule);
        flaky.AddRule(rule);

        // A poisoned open first: it throws, and the leader's open-group slot stays free.
        Assert.Throws<ArgumentOutOfRangeException>(() => flaky.Open(rule.Name, GroupBuyScenario.Leader, Instant.MaxValue - Duration.FromSeconds(1)));

        var a = plain.Open(rule.Name, GroupBuyScenario.Leader, GroupBuyScenario.Start);
        var b = flaky.Open(rule.Name, GroupBuyScenario.Leader, GroupBuyScenario.Start);
        Assert.Equal(a.IsAccepted, b.IsAccepted);
        Assert.Equal(a.Refusal, b.Refusal);
        if (!a.IsAccepted)
        {
            return;
        }

        foreach (var attempt in scenario.Joins)
        {
            var when = GroupBuyScenario.Start + Duration.FromSeconds(attempt.OffsetSeconds);
            var x = plain.Join(a.GroupId, new MemberId(attempt.Member), when, attempt.IsNew);
            var y = flaky.Join(b.GroupId, new MemberId(attempt.Member), when, attempt.IsNew);
            Assert.Equal((x.IsAccepted, x.Refusal, x.Events.Count), (y.IsAccepted, y.Refusal, y.Events.Count));
        }

        var close = GroupBuyScenario.Start + Duration.FromMinutes(scenario.CloseOffsetMinutes);
        var cx = plain.CloseAtDeadline(a.GroupId, close);
        var cy = flaky.CloseAtDeadline(b.GroupId, close);
        Assert.Equal((cx.IsAccepted, cx.Refusal), (cy.IsAccepted, cy.Refusal));
        var sx = plain.GetSnapshot(a.GroupId);
        var sy = flaky.GetSnapshot(b.GroupId);
        Assert.Equal((sx.Status, sx.Version), (sy.Status, sy.Version));
        Assert.Equal(sx.Participants, sy.Participants);
    }

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = Cases)]
    public void A_growth_evaluation_that_throws_leaves_the_member_as_it_was_and_the_retry_is_the_clean_result(ActivityHistory history, PositiveInt at, bool inListener)
    {
        var activities = history.Build();
        var clean = new GrowthProgram(GrowthPropertyPolicy.For(history.Zone), GrowthExamples.Ladder);
        var fuse = new Fuse(1 + (at.Get % (activities.Length + 1)));
        var policy = GrowthPropertyPolicy.For(history.Zone);
        var flakySources = policy.Sources.Select(s => new GrowthSource(s.Kind, new FlakyGrowthRule(s.Rule, fuse), s.DailyCap)).ToList();
        var flaky = inListener
            ? new GrowthProgram(policy, GrowthExamples.Ladder, listener: new FlakyListener(fuse))
            : new GrowthProgram(new GrowthPolicy(policy.Currency, policy.Zone, flakySources, policy.AllowDebt), GrowthExamples.Ladder);

        var expected = clean.Evaluate(clean.Enrol(ActivityHistory.Member, ActivityHistory.Start), activities, history.End);
        var state = flaky.Enrol(ActivityHistory.Member, ActivityHistory.Start);
        var before = (state.Balance, state.Level.Name, state.LifetimePoints);
        GrowthEvaluation result;
        try
        {
            result = flaky.Evaluate(state, activities, history.End);
        }
        catch (InvalidOperationException) when (fuse.Blown)
        {
            Assert.Equal(before, (state.Balance, state.Level.Name, state.LifetimePoints));
            result = flaky.Evaluate(state, activities, history.End);
        }

        Assert.Equal(expected.State.Balance, result.State.Balance);
        Assert.Equal(expected.State.Level.Name, result.State.Level.Name);
        Assert.Equal(expected.Events.Count, result.Events.Count);
    }

    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = Cases)]
    public void A_quote_whose_host_rule_throws_leaves_no_trace_in_the_next_quote(CommissionCase s, PositiveInt at)
    {
        var fuse = new Fuse(1 + (at.Get % 2));
        var catalog = new CommissionRuleCatalog().Add(new FlakyRule(fuse));
        var network = s.BuildNetwork();
        var plan = s.Plan.Build(catalog, "flaky");
        var engine = new CommissionEngine(plan, s.Options(rules: catalog));
        var expected = new CommissionEngine(s.Plan.Build(), s.Options()).Quote(s.BuildSale(), network);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var quote = engine.Quote(s.BuildSale(), network);
                Assert.Equal(expected.Lines.ToArray(), quote.Lines.ToArray());
                Assert.Equal(expected.Residual, quote.Residual);
            }
            catch (InvalidOperationException) when (fuse.Blown && attempt == 0 || attempt == 1)
            {
            }
        }

        Assert.True(fuse.Blown);
    }
}
