using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Growth;

/// <summary>
/// Issue 13: evaluating one new activity costs the same whatever the member's history. A member with
/// <see cref="PriorActivities"/> earlier activities (sign-ins, orders and tasks over the days before) gets one more
/// order; the time reported is that one evaluation. Before issue 13 the evaluation copied the whole history.
/// </summary>
[MemoryDiagnoser]
public class GrowthHistoryBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2000, 1, 3, 1, 0);

    private GrowthProgram _program = null!;
    private MemberGrowth _state = null!;
    private GrowthActivity[] _next = null!;
    private Instant _asOf;

    /// <summary>Gets or sets the member's prior activities: 10^2 or 10^5.</summary>
    [ParamsSource(nameof(Histories))]
    public int PriorActivities { get; set; }

    /// <summary>Gets the history lengths measured.</summary>
    public static IEnumerable<int> Histories => BenchmarkSizes.IsSmoke ? [100] : [100, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        _program = new GrowthProgram(
            GrowthPolicy.FromJson("""
                { "currency": "CNY", "timeZone": "Asia/Shanghai", "sources": [
                  { "kind": "order.completed", "rule": "per-currency-unit", "pointsPerUnit": 1 },
                  { "kind": "sign-in", "rule": "sign-in-streak", "points": 5 },
                  { "kind": "task.completed", "rule": "per-activity", "points": 20, "dailyCap": 60 } ] }
                """),
            new LevelLadder([new GrowthLevel("V1", 0), new GrowthLevel("V2", 1_000), new GrowthLevel("V3", 100_000)]));
        var member = new MemberId(7);
        var history = new GrowthActivity[PriorActivities];
        var t = Start;
        for (var i = 0; i < history.Length; i++)
        {
            var id = new ActivityId(i + 1);
            history[i] = (i % 3) switch
            {
                0 => GrowthActivity.SignIn(id, member, t),
                1 => GrowthActivity.OrderCompleted(id, member, t, new Money(19.90m, Currency.CNY)),
                _ => GrowthActivity.TaskCompleted(id, member, t, "share"),
            };
            t += Duration.FromHours(8);
        }

        _state = _program.Evaluate(_program.Enrol(member, Start), history, t).State;
        _asOf = t + Duration.FromHours(1);
        _next = [GrowthActivity.OrderCompleted(new ActivityId(PriorActivities + 1), member, _asOf, new Money(99.00m, Currency.CNY))];
    }

    /// <summary>Evaluates one new order on top of the history.</summary>
    /// <returns>The new balance.</returns>
    [Benchmark]
    public long EvaluateOneNewActivity() => _program.Evaluate(_state, _next, _asOf).State.Balance;
}
