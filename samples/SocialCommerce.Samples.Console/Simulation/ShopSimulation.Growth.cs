using System.Collections.Generic;
using System.Runtime.InteropServices;
using NodaTime;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>Growth activities, evaluated in weekly batches, and the level and honour events they produce.</summary>
internal sealed partial class ShopSimulation
{
    private void EvaluateGrowth(Instant asOf)
    {
        // A weekly batch: each member's activities of the week, in time order. Evaluate copies the member's
        // state (its whole activity history) on every call, so fewer, larger batches are much cheaper.
        _growthTouched.Sort();
        foreach (var index in _growthTouched)
        {
            var activities = _growthBuffer[index]!;
            activities.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
            _growthActivities += activities.Count;
            Apply(_growth.Evaluate(_memberGrowth[index]!, CollectionsMarshal.AsSpan(activities), asOf));
            activities.Clear();
        }

        _growthTouched.Clear();
    }

    private ActivityId NextActivity() => new(_nextActivity++);

    private void Buffer(int member, GrowthActivity activity)
    {
        var list = _growthBuffer[member] ??= [];
        if (list.Count == 0)
        {
            _growthTouched.Add(member);
        }

        list.Add(activity);
    }

    private void Apply(GrowthEvaluation evaluation)
    {
        _memberGrowth[Index(evaluation.State.Member)] = evaluation.State;
        foreach (var e in evaluation.Events)
        {
            switch (e)
            {
                case LevelPromoted up:
                    Increment(_promotions, $"{up.From.Name} -> {up.To.Name}");
                    break;
                case LevelDemoted down:
                    Increment(_demotions, $"{down.From.Name} -> {down.To.Name} ({down.Reason})");
                    if (_demotionExample is null || (_demotionExample.Reason != DemotionReason.KeepUpNotMet && down.Reason == DemotionReason.KeepUpNotMet))
                    {
                        _demotionExample = down;
                    }
                    break;
                case HonourAwarded awarded:
                    Increment(_honours, $"{awarded.Honour.Name} / {awarded.Honour.Tier}");
                    break;
                case HonourExpired:
                    _honoursExpired++;
                    break;
                default:
                    break;
            }
        }
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
