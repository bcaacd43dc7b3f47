using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SocialCommerce.Commissions;

/// <summary>
/// The host rules a plan may refer to by name, passed when a plan is built or loaded and when an engine is created.
/// </summary>
/// <remarks>
/// Names are compared ordinally. Names of built-in rules (<see cref="CommissionRuleNames"/>) are reserved.
/// Not thread-safe while rules are being added; safe for concurrent reads afterwards.
/// </remarks>
public sealed class CommissionRuleCatalog
{
    private readonly Dictionary<string, ICommissionRule> _rules = new(StringComparer.Ordinal);

    /// <summary>Gets an empty catalog.</summary>
    public static CommissionRuleCatalog Empty { get; } = new();

    /// <summary>Gets the names of the registered rules.</summary>
    public IReadOnlyCollection<string> Names => _rules.Keys;

    /// <summary>Registers a rule under its <see cref="ICommissionRule.Name"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This catalog, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, reserved for a built-in rule, or already registered; the message names it.</exception>
    public CommissionRuleCatalog Add(ICommissionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("CommissionRuleCatalog.Empty is shared and cannot hold rules; create a new catalog.");
        }

        var name = rule.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Rule {rule.GetType().Name} has an empty name ('{name}').", nameof(rule));
        }

        if (CommissionRuleNames.IsReserved(name))
        {
            throw new ArgumentException($"Rule name '{name}' is reserved for a built-in rule.", nameof(rule));
        }

        if (!_rules.TryAdd(name, rule))
        {
            throw new ArgumentException($"A rule named '{name}' is already registered.", nameof(rule));
        }

        return this;
    }

    /// <summary>Looks up a rule by name.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns><see langword="true"/> when a rule has that name.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out ICommissionRule? rule)
    {
        rule = null;
        return name is not null && _rules.TryGetValue(name, out rule);
    }
}
