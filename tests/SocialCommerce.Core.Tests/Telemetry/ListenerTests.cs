using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Core.Tests.Telemetry;

public sealed class ListenerTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 12, 0);

    [Fact]
    public void The_growth_program_reports_each_evaluation_with_its_promotion()
    {
        var listener = new RecordingListener();
        var program = new GrowthProgram(GrowthExamples.Policy, GrowthExamples.LadderWithoutRetention, null, listener);
        var member = new MemberId(7);
        var state = program.Enrol(member, At);

        // ¥600.00 at 1 point per yuan crosses V2's 500 threshold.
        var evaluation = program.Evaluate(state, [GrowthActivity.OrderCompleted(new ActivityId(1), member, At + Duration.FromHours(1), new Money(600m, Currency.CNY))], At + Duration.FromHours(2));

        var reported = Assert.Single(listener.Growth);
        Assert.Same(evaluation, reported);
        Assert.Contains(reported.Events, e => e is LevelPromoted { To.Name: "V2" });
    }

    [Fact]
    public void A_community_batch_reports_its_settlement_when_closed_with_a_listener()
    {
        var listener = new RecordingListener();
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(10));
        var products = new[] { new CommunityProduct("eggs", new Money(10m, Currency.CNY), 2), new CommunityProduct("fish", new Money(30m, Currency.CNY), 5) };
        var batch = new CommunityBatch("b1", new MemberId(100), new LocalDate(2026, 11, 20), rule, products);
        batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("eggs", 2), new CommunityOrderLine("fish", 1)], batch.CutOff - Duration.FromHours(1));

        batch.CloseAtCutOff(batch.CutOff, listener);

        var (id, settlement) = Assert.Single(listener.Batches);
        Assert.Equal("b1", id);
        Assert.Equal(new[] { true, false }, settlement.Products.Select(p => p.IsConfirmed).ToArray());
    }

    [Fact]
    public void The_group_buy_book_reports_compliance_decisions_and_every_action()
    {
        var listener = new RecordingListener();
        var book = new GroupBuyBook(ComplianceProfiles.ChinaSocialCommerce, listener);
        book.AddRule(GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, 9.90m).Build());
        var opened = book.Open("duo", new MemberId(1), At);
        book.Join(opened.GroupId, new MemberId(1), At);
        book.Join(opened.GroupId, new MemberId(2), At);

        Assert.True(Assert.Single(listener.Decisions).IsAccepted);
        Assert.Equal(new[] { true, false, true }, listener.GroupBuys.Select(r => r.IsAccepted).ToArray());
        Assert.Contains(listener.GroupBuys[2].Events, e => e is GroupFormed);
    }

    [Fact]
    public void An_audit_is_traced_and_reported()
    {
        var listener = new RecordingListener();
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        network.AddMember(new MemberId(2), new MemberId(1), At);

        var report = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network, listener: listener);

        Assert.Same(report, Assert.Single(listener.Audits));
        Assert.Equal(new[] { SocialCommerceOperations.Audit }, listener.Operations);
    }

    private sealed class RecordingListener : SocialCommerceListener
    {
        public List<GrowthEvaluation> Growth { get; } = [];

        public List<(string Id, CommunityBatchSettlement Settlement)> Batches { get; } = [];

        public List<ComplianceDecision> Decisions { get; } = [];

        public List<GroupBuyResult> GroupBuys { get; } = [];

        public List<NetworkAuditReport> Audits { get; } = [];

        public List<string> Operations { get; } = [];

        public override IDisposable? StartOperation(string operation)
        {
            Operations.Add(operation);
            return null;
        }

        public override void OnGrowthEvaluated(in GrowthEvaluatedArguments arguments) => Growth.Add(arguments.Evaluation);

        public override void OnCommunityBatchClosed(in CommunityBatchClosedArguments arguments) => Batches.Add((arguments.BatchId, arguments.Settlement));

        public override void OnComplianceDecision(in ComplianceDecisionArguments arguments) => Decisions.Add(arguments.Decision);

        public override void OnGroupBuy(in GroupBuyArguments arguments) => GroupBuys.Add(arguments.Result);

        public override void OnNetworkAudited(in NetworkAuditedArguments arguments) => Audits.Add(arguments.Report);
    }
}
