using System.Linq;
using System.Text.Json;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>Exactly-once replies (issue 25): a resent activity answers its first outcome, whatever happened since.</summary>
public sealed class GrowthResendTests
{
    private static readonly MemberId Lin = new(1);

    private static MemberGrowth Fresh() => ProgramWithoutRetention.Enrol(Lin, Local(2026, 1, 5, 9));

    // Through the snapshot's JSON, as a store or a second instance reads it.
    private static MemberGrowth Reloaded(MemberGrowth state) =>
        ProgramWithoutRetention.Restore(JsonSerializer.Deserialize<GrowthSnapshot>(JsonSerializer.Serialize(state.ToSnapshot(), SocialCommerceJson.Options), SocialCommerceJson.Options)!);

    private static ActivityIgnored Resend(MemberGrowth state, GrowthActivity activity, out GrowthEvaluation result)
    {
        result = ProgramWithoutRetention.Evaluate(state, [activity], activity.At);
        return Assert.IsType<ActivityIgnored>(Assert.Single(result.Events));
    }

    [Fact]
    public void A_task_resent_after_the_daily_cap_was_reached_answers_the_points_it_first_earned()
    {
        var t = Local(2026, 2, 1, 9);
        var first = GrowthActivity.TaskCompleted(new(1), Lin, t, "t1");
        var state = ProgramWithoutRetention.Evaluate(Fresh(), [first], t).State;
        state = ProgramWithoutRetention.Evaluate(state,
        [
            GrowthActivity.TaskCompleted(new(2), Lin, t.Plus(NodaTime.Duration.FromMinutes(1)), "t2"),
            GrowthActivity.TaskCompleted(new(3), Lin, t.Plus(NodaTime.Duration.FromMinutes(2)), "t3"),
        ], t.Plus(NodaTime.Duration.FromMinutes(2))).State;

        foreach (var copy in new[] { state, Reloaded(state) })
        {
            var answer = Resend(copy, first, out var result);
            Assert.Equal(IgnoredReason.Duplicate, answer.Reason);
            Assert.Equal(20, answer.FirstPoints);
            Assert.Null(answer.FirstIgnored);
            Assert.Equal(60, result.State.Balance);
            Assert.Equal(copy.Version, result.State.Version);
        }
    }

    [Fact]
    public void An_order_resent_after_its_refund_answers_the_points_it_earned_and_the_refund_resent_answers_what_it_took()
    {
        var t = Local(2026, 1, 10);
        var order = GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m));
        var refund = GrowthActivity.OrderRefunded(new(8), Lin, t.Plus(NodaTime.Duration.FromHours(1)), new(7));
        var state = Reloaded(ProgramWithoutRetention.Evaluate(Fresh(), [order, refund], t.Plus(NodaTime.Duration.FromHours(1))).State);

        Assert.Equal(80, Resend(state, order, out _).FirstPoints);
        Assert.Equal(-80, Resend(state, refund, out var again).FirstPoints);
        Assert.Equal(0, again.State.Balance);
    }

    [Fact]
    public void A_second_sign_in_resent_answers_why_it_first_earned_nothing()
    {
        var t = Local(2026, 3, 1, 8);
        var first = GrowthActivity.SignIn(new(1), Lin, t);
        var second = GrowthActivity.SignIn(new(2), Lin, t.Plus(NodaTime.Duration.FromHours(1)));
        var state = Reloaded(ProgramWithoutRetention.Evaluate(Fresh(), [first, second], t.Plus(NodaTime.Duration.FromHours(1))).State);

        var answer = Resend(state, second, out _);
        Assert.Equal(IgnoredReason.Duplicate, answer.Reason);
        Assert.Equal(0, answer.FirstPoints);
        Assert.Equal(IgnoredReason.AlreadySignedInToday, answer.FirstIgnored);
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("instant")]
    [InlineData("kind")]
    [InlineData("subject")]
    public void The_same_id_with_other_content_is_a_conflicting_duplicate_and_the_first_stands(string changed)
    {
        var t = Local(2026, 1, 10);
        var order = GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m)) with { Subject = "order-7" };
        var state = Reloaded(ProgramWithoutRetention.Evaluate(Fresh(), [order], t).State);
        var other = changed switch
        {
            "amount" => GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(90m)) with { Subject = "order-7" },
            "instant" => GrowthActivity.OrderCompleted(new(7), Lin, t.Plus(NodaTime.Duration.FromSeconds(1)), Yuan(80m)) with { Subject = "order-7" },
            "kind" => GrowthActivity.TaskCompleted(new(7), Lin, t, "order-7"),
            _ => GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m)) with { Subject = "order-8" },
        };

        var answer = Resend(state, other, out var result);
        Assert.Equal(IgnoredReason.ConflictingDuplicate, answer.Reason);
        Assert.Equal(80, answer.FirstPoints);
        Assert.Equal(80, result.State.Balance);
        Assert.Equal(IgnoredReason.Duplicate, Resend(state, order, out _).Reason);
    }

    [Fact]
    public void A_record_stored_before_content_was_kept_answers_a_duplicate_whatever_the_content()
    {
        var t = Local(2026, 1, 10);
        var state = ProgramWithoutRetention.Evaluate(Fresh(), [GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m))], t).State;
        var snapshot = state.ToSnapshot();
        var old = snapshot with { Activities = snapshot.Activities.Select(a => a with { Content = 0, Ignored = null }).ToArray() };

        var answer = Resend(ProgramWithoutRetention.Restore(old), GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(90m)), out _);
        Assert.Equal(IgnoredReason.Duplicate, answer.Reason);
        Assert.Equal(80, answer.FirstPoints);
    }

    [Fact]
    public void The_content_hash_is_stable_across_processes_and_versions()
    {
        // Stored records are compared against it: a change here makes every stored resend a conflicting duplicate.
        var t = NodaTime.Instant.FromUtc(2026, 1, 10, 4, 0);
        Assert.Equal(-2487873058673227406L, ActivityContent.Hash(GrowthActivity.OrderCompleted(new(7), Lin, t, Yuan(80m))));
        Assert.Equal(ActivityContent.Hash(GrowthActivity.SignIn(new(1), Lin, t)), ActivityContent.Hash(GrowthActivity.SignIn(new(2), new(9), t)));
        Assert.NotEqual(ActivityContent.Hash(GrowthActivity.TaskCompleted(new(1), Lin, t, "")), ActivityContent.Hash(GrowthActivity.TaskCompleted(new(1), Lin, t, null!)));
    }
}
