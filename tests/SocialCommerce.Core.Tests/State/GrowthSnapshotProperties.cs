using System;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.Growth;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>A member's growth restored from its snapshot (through JSON) continues exactly like the original.</summary>
public sealed class GrowthSnapshotProperties
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SocialCommerceJson.Options);

    [Property(Arbitrary = [typeof(GrowthArbitraries)], MaxTest = 500)]
    public void Snapshot_restore_then_continue_equals_the_uninterrupted_run(ActivityHistory history, int cut, bool retention, bool bounded)
    {
        var policy = GrowthPropertyPolicy.For(history.Zone, refundWindow: bounded ? NodaTime.Duration.FromDays(2) : null);
        var program = new GrowthProgram(policy, retention ? GrowthExamples.Ladder : GrowthExamples.LadderWithoutRetention, [GrowthExamples.Tenure, GrowthExamples.WeekStreak]);
        var activities = history.Build();
        var split = Math.Abs(cut % (activities.Length + 1));
        var first = activities[..split];
        var rest = activities[split..];
        var middle = split == 0 ? ActivityHistory.Start : first[^1].At;

        var state = program.Evaluate(program.Enrol(ActivityHistory.Member, ActivityHistory.Start), first, middle).State;
        var expected = program.Evaluate(state, rest, history.End);

        var snapshot = JsonSerializer.Deserialize<GrowthSnapshot>(Json(state.ToSnapshot()), SocialCommerceJson.Options)!;
        var restored = program.Restore(snapshot);
        Assert.Equal(Json(state.ToSnapshot()), Json(restored.ToSnapshot()));
        var actual = program.Evaluate(restored, rest, history.End);

        Assert.Equal(Json<System.Collections.Generic.IReadOnlyList<GrowthEvent>>(expected.Events.ToArray()), Json<System.Collections.Generic.IReadOnlyList<GrowthEvent>>(actual.Events.ToArray()));
        Assert.Equal(Json(expected.State.ToSnapshot()), Json(actual.State.ToSnapshot()));
    }

    [Fact]
    public void A_snapshot_of_a_newer_schema_is_refused()
    {
        var program = GrowthExamples.ProgramWithoutRetention;
        var snapshot = program.Enrol(new SocialCommerce.Network.MemberId(1), ActivityHistory.Start).ToSnapshot() with { SchemaVersion = 9 };
        Assert.Contains("schema version 9", Assert.Throws<NotSupportedException>(() => program.Restore(snapshot)).Message, StringComparison.Ordinal);
    }
}
