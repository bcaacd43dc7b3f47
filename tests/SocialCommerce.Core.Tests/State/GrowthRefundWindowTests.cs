using NodaTime;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.Growth;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>A policy's refund window bounds the activity records a member's growth keeps.</summary>
public sealed class GrowthRefundWindowTests
{
    [Fact]
    public void A_refund_window_bounds_the_records_a_member_keeps()
    {
        var program = new GrowthProgram(GrowthPropertyPolicy.For(GrowthExamples.Shanghai, refundWindow: Duration.FromDays(7)), GrowthExamples.LadderWithoutRetention);
        var member = ActivityHistory.Member;
        var state = program.Enrol(member, ActivityHistory.Start);
        for (var day = 0; day < 100; day++)
        {
            var t = ActivityHistory.Start + Duration.FromDays(day);
            state = program.Evaluate(state, [GrowthActivity.SignIn(new ActivityId((day * 10) + 1), member, t), GrowthActivity.OrderCompleted(new ActivityId((day * 10) + 2), member, t, GrowthExamples.Yuan(50m))], t).State;
        }

        Assert.InRange(state.ToSnapshot().Activities.Count, 14, 18);
        var end = ActivityHistory.Start + Duration.FromDays(100);
        var late = program.Evaluate(state, [GrowthActivity.OrderRefunded(new ActivityId(5_000), member, end, new ActivityId(2))], end);
        Assert.Equal(IgnoredReason.UnknownActivity, Assert.IsType<ActivityIgnored>(Assert.Single(late.Events)).Reason);
        var recent = program.Evaluate(state, [GrowthActivity.OrderRefunded(new ActivityId(5_001), member, end, new ActivityId((98 * 10) + 2))], end);
        Assert.IsType<PointsReversed>(recent.Events[0]);
    }

    [Fact]
    public void The_policy_document_reads_and_bounds_the_refund_window()
    {
        Assert.Throws<GrowthPolicyException>(() => GrowthPolicy.FromJson("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"refundWindowDays\": 3661, \"sources\": [] }"));
        var policy = GrowthPolicy.FromJson("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"refundWindowDays\": 30, \"sources\": [] }");
        Assert.Equal(Duration.FromDays(30), policy.RefundWindow);
        Assert.NotEqual(GrowthPolicy.FromJson("{ \"currency\": \"CNY\", \"timeZone\": \"UTC\", \"sources\": [] }").Version, policy.Version);
    }
}
