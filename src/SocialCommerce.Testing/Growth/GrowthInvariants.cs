using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SocialCommerce.Growth;

namespace SocialCommerce.Testing;

/// <summary>The growth program's level invariants as a check over a member's activity.</summary>
public static class GrowthInvariants
{
    /// <summary>The name of the level-monotonicity invariant.</summary>
    public const string LevelMonotonicityName = "level monotonicity";

    /// <summary>
    /// Evaluates <paramref name="activities"/> one at a time from <paramref name="start"/> and checks after each that the
    /// level is the highest whose threshold the balance meets (computed here from the ladder's thresholds); that every
    /// promotion goes up to the level of its balance; that every demotion goes down, and for missed keep-up only under
    /// a retention policy; and that the level never falls while the balance does not fall, except by such a demotion.
    /// </summary>
    /// <param name="program">The program.</param>
    /// <param name="start">The member's state before the activities.</param>
    /// <param name="activities">The activities, in order.</param>
    /// <returns>The result; a failure names the activity, the balance and the levels.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult LevelMonotonicity(GrowthProgram program, MemberGrowth start, IEnumerable<GrowthActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(activities);
        var problems = new List<string>();
        var state = start;
        foreach (var activity in activities)
        {
            var evaluation = program.Evaluate(state, [activity], activity.At);
            var step = LevelStep(program.Ladder, state, evaluation);
            if (!step.Holds)
            {
                problems.Add(F($"after activity {activity.Id} ({activity.Kind} at {activity.At}): {step.Failure}"));
            }

            state = evaluation.State;
        }

        return problems.Count == 0
            ? InvariantResult.Pass(LevelMonotonicityName)
            : InvariantResult.Fail(LevelMonotonicityName, F($"member {start.Member.Value}: ") + string.Join("; ", problems));
    }

    /// <summary>
    /// Checks one evaluation step of <see cref="LevelMonotonicity"/>: from the state <paramref name="before"/> to the
    /// evaluation <paramref name="after"/> under <paramref name="ladder"/>. Use it on evaluations your own code produces.
    /// </summary>
    /// <param name="ladder">The program's ladder.</param>
    /// <param name="before">The state before the step.</param>
    /// <param name="after">The evaluation of the step: the new state and its events.</param>
    /// <returns>The result; a failure names the balance, the levels and the offending event.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult LevelStep(LevelLadder ladder, MemberGrowth before, GrowthEvaluation after)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var problems = new List<string>();
        var next = after.State;
        var expected = IndexFor(ladder, next.Balance);
        if (next.LevelIndex != expected)
        {
            problems.Add(F($"the balance is {next.Balance} and the level {ladder.Levels[next.LevelIndex].Name}, but the ladder says {ladder.Levels[expected].Name}"));
        }

        var demotedForKeepUp = false;
        foreach (var e in after.Events)
        {
            switch (e)
            {
                case LevelPromoted p when p.To.Threshold <= p.From.Threshold || p.To != ladder.Levels[IndexFor(ladder, p.Balance)]:
                    problems.Add(F($"a promotion from {p.From.Name} to {p.To.Name} at balance {p.Balance} does not go up to the balance's level"));
                    break;
                case LevelDemoted d when d.To.Threshold >= d.From.Threshold:
                    problems.Add(F($"a demotion ({d.Reason}) from {d.From.Name} to {d.To.Name} at balance {d.Balance} does not go down"));
                    break;
                case LevelDemoted d when d.Reason == DemotionReason.KeepUpNotMet:
                    demotedForKeepUp = true;
                    if (ladder.Retention is null)
                    {
                        problems.Add(F($"member {d.Member.Value} was demoted for keep-up under a ladder without retention"));
                    }

                    break;
            }
        }

        if (next.Balance >= before.Balance && next.LevelIndex < before.LevelIndex && !demotedForKeepUp)
        {
            problems.Add(F($"the level fell from {ladder.Levels[before.LevelIndex].Name} to {ladder.Levels[next.LevelIndex].Name} while the balance went from {before.Balance} to {next.Balance}"));
        }

        return problems.Count == 0 ? InvariantResult.Pass(LevelMonotonicityName) : InvariantResult.Fail(LevelMonotonicityName, string.Join("; ", problems));
    }

    private static int IndexFor(LevelLadder ladder, long balance)
    {
        var index = 0;
        for (var i = 0; i < ladder.Levels.Count; i++)
        {
            if (ladder.Levels[i].Threshold <= balance)
            {
                index = i;
            }
        }

        return index;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
