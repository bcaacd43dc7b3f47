using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Growth;

/// <summary>The policy the growth properties run generated histories through (a fixture, not a generator).</summary>
internal static class GrowthPropertyPolicy
{
    /// <summary>The documented sources plus a penalty (−15) and the V1–V5 ladder.</summary>
    public static GrowthPolicy For(DateTimeZone zone, bool allowDebt = false, Duration? refundWindow = null)
    {
        var sources = new List<GrowthSource>(GrowthExamples.Policy.Sources) { new(ActivityHistory.PenaltyKind, GrowthRules.PerActivity(-15)) };
        return new GrowthPolicy(Currency.CNY, zone, sources, allowDebt, refundWindow);
    }
}
