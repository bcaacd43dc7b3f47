using System;
using System.Collections.Generic;

namespace SocialCommerce.Growth;

/// <summary>
/// The rules a JSON growth policy may name, each with the factory that builds it from the source's
/// settings. <see cref="Default"/> holds the built-in rules; a host adds its own with <see cref="With"/>.
/// </summary>
/// <remarks>Immutable and thread-safe: <see cref="With"/> returns a new catalog. Names are ordinal.</remarks>
public sealed class GrowthRuleCatalog
{
    private readonly Dictionary<string, Func<GrowthRuleSettings, IGrowthRule>> _factories;

    private GrowthRuleCatalog(Dictionary<string, Func<GrowthRuleSettings, IGrowthRule>> factories) => _factories = factories;

    /// <summary>
    /// Gets the catalog of built-in rules: <c>per-activity</c> (needs <c>points</c>),
    /// <c>per-currency-unit</c> (needs <c>pointsPerUnit</c>), <c>sign-in-streak</c> (needs
    /// <c>points</c>; optional <c>streakBonuses</c>, <c>streakCycleDays</c>) and <c>by-rank</c>
    /// (needs <c>rankPoints</c>).
    /// </summary>
    public static GrowthRuleCatalog Default { get; } = new(new Dictionary<string, Func<GrowthRuleSettings, IGrowthRule>>(StringComparer.Ordinal)
    {
        [GrowthRules.PerActivityName] = s => GrowthRules.PerActivity(Require(s.Points, s, "points")),
        [GrowthRules.PerCurrencyUnitName] = s => Build(s, "pointsPerUnit", () => GrowthRules.PerCurrencyUnit(Require(s.PointsPerUnit, s, "pointsPerUnit"))),
        [GrowthRules.SignInStreakName] = s => Build(s, "streakCycleDays", () => GrowthRules.SignInStreak(Require(s.Points, s, "points"), s.StreakBonuses, s.StreakCycleDays)),
        [GrowthRules.ByRankName] = s => Build(s, "rankPoints", () => GrowthRules.ByRank(Require(s.RankPoints, s, "rankPoints"))),
    });

    /// <summary>Gets the rule names this catalog knows.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <summary>Returns a catalog that also knows (or now differently builds) a named rule.</summary>
    /// <param name="name">The name a policy document uses in a source's <c>"rule"</c>.</param>
    /// <param name="factory">Builds the rule from the source's settings.</param>
    /// <returns>A new catalog.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public GrowthRuleCatalog With(string name, Func<GrowthRuleSettings, IGrowthRule> factory)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A rule needs a name; was '{name}'.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(factory);
        var copy = new Dictionary<string, Func<GrowthRuleSettings, IGrowthRule>>(_factories, StringComparer.Ordinal)
        {
            [name] = factory,
        };
        return new GrowthRuleCatalog(copy);
    }

    /// <summary>Gets a value indicating whether the catalog knows a rule name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True if known.</returns>
    public bool Contains(string name) => _factories.ContainsKey(name);

    internal bool TryGetFactory(string name, out Func<GrowthRuleSettings, IGrowthRule> factory) =>
        _factories.TryGetValue(name, out factory!);

    private static T Require<T>(T? value, GrowthRuleSettings settings, string field)
        where T : struct =>
        value ?? throw new GrowthPolicyException($"{settings.Path}.{field}", null, $"Rule '{settings.RuleName}' needs '{field}'.");

    private static T Require<T>(T? value, GrowthRuleSettings settings, string field)
        where T : class =>
        value ?? throw new GrowthPolicyException($"{settings.Path}.{field}", null, $"Rule '{settings.RuleName}' needs '{field}'.");

    private static IGrowthRule Build(GrowthRuleSettings settings, string field, Func<IGrowthRule> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e) when (e is not GrowthPolicyException)
        {
            throw new GrowthPolicyException($"{settings.Path}.{field}", null, $"Rule '{settings.RuleName}' refused its settings: {e.Message}", e);
        }
    }
}
