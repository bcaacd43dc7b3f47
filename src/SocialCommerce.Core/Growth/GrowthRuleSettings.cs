using System.Collections.Generic;
using System.Text.Json;

namespace SocialCommerce.Growth;

/// <summary>
/// The settings of one source in a JSON growth policy, handed to the rule factory the source names.
/// </summary>
/// <remarks>
/// The common fields are parsed and type-checked; a host's rule reads its own fields from
/// <see cref="Parameters"/> (the source's <c>"parameters"</c> object). A factory that finds a
/// setting missing or wrong throws <see cref="GrowthPolicyException"/> naming <see cref="Path"/>.
/// </remarks>
public sealed class GrowthRuleSettings
{
    internal GrowthRuleSettings(string path, GrowthActivityKind kind, string ruleName)
    {
        Path = path;
        Kind = kind;
        RuleName = ruleName;
    }

    /// <summary>Gets the JSON path of the source object, e.g. <c>$.sources[1]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the activity kind the source scores.</summary>
    public GrowthActivityKind Kind { get; }

    /// <summary>Gets the rule name the source gave.</summary>
    public string RuleName { get; }

    /// <summary>Gets the <c>"points"</c> field, or null when absent.</summary>
    public long? Points { get; internal set; }

    /// <summary>Gets the <c>"pointsPerUnit"</c> field, or null when absent.</summary>
    public decimal? PointsPerUnit { get; internal set; }

    /// <summary>Gets the <c>"streakBonuses"</c> field; empty when absent.</summary>
    public IReadOnlyList<StreakBonus> StreakBonuses { get; internal set; } = [];

    /// <summary>Gets the <c>"streakCycleDays"</c> field, or null when absent.</summary>
    public int? StreakCycleDays { get; internal set; }

    /// <summary>Gets the <c>"rankPoints"</c> field, or null when absent.</summary>
    public IReadOnlyList<long>? RankPoints { get; internal set; }

    /// <summary>Gets the <c>"parameters"</c> object for a host's own rule, or null when absent.</summary>
    /// <remarks>The element is a clone, valid after the document is disposed.</remarks>
    public JsonElement? Parameters { get; internal set; }
}
