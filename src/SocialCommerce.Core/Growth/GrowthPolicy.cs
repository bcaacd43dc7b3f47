using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>
/// How activity turns into growth points: the sources (kind, rule, daily cap), the currency of
/// order amounts, the time zone that counts local days, and whether a refund may leave a debt.
/// </summary>
/// <remarks>
/// Refused (with <see cref="GrowthPolicyException"/>): two sources for one kind; a source for
/// <see cref="GrowthActivityKind.MemberReferred"/> (recruitment alone never earns); a source for
/// <see cref="GrowthActivityKind.OrderRefunded"/> (a refund always takes back exactly what the
/// refunded activity earned). Build one in code, or from a JSON document with
/// <see cref="FromJson(string, GrowthRuleCatalog?)"/>. Immutable and thread-safe.
/// </remarks>
public sealed class GrowthPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="currency">The currency of order amounts; amounts in another currency are refused.</param>
    /// <param name="zone">The zone that counts local days and calendar periods when a member has none of its own.</param>
    /// <param name="sources">The sources; at most one per activity kind.</param>
    /// <param name="allowDebt">Whether a refund may take the balance below zero.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="GrowthPolicyException">Two sources share a kind, or a source binds a kind that must not have one.</exception>
    /// <param name="refundWindow">
    /// How long after an activity a refund may still reverse it; the account keeps the records of older activities no
    /// longer, so its state stays bounded. A refund of an activity past the window is ignored as unknown, and a repeat
    /// of one is ignored as out of order. Null (the default) keeps every record.
    /// </param>
    public GrowthPolicy(Currency currency, DateTimeZone zone, IReadOnlyList<GrowthSource> sources, bool allowDebt = false, Duration? refundWindow = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(sources);
        if (refundWindow is { } window && Limits.Problem(window) is { } problem)
        {
            throw new GrowthPolicyException("$.refundWindowDays", window.ToString(), "The refund window " + problem);
        }

        var copy = new GrowthSource[sources.Count];
        var kinds = new HashSet<GrowthActivityKind>();
        for (var i = 0; i < copy.Length; i++)
        {
            var source = sources[i] ?? throw new ArgumentNullException(nameof(sources), $"Source {i} is null.");
            var path = $"$.sources[{i}].kind";
            if (source.Kind == GrowthActivityKind.MemberReferred)
            {
                throw new GrowthPolicyException(path, source.Kind.Name, "Recruitment alone never earns growth points: a referral earns only through the referred member's first completed order (referral.first-order).");
            }

            if (source.Kind == GrowthActivityKind.OrderRefunded)
            {
                throw new GrowthPolicyException(path, source.Kind.Name, "A refund takes back what the refunded activity earned; it cannot have a rule of its own.");
            }

            if (!kinds.Add(source.Kind))
            {
                throw new GrowthPolicyException(path, source.Kind.Name, "Two sources score the same activity kind.");
            }

            copy[i] = source;
        }

        Currency = currency;
        Zone = zone;
        Sources = copy;
        AllowDebt = allowDebt;
        RefundWindow = refundWindow;
        var text = new System.Text.StringBuilder("growth-policy|").Append(currency.Code).Append('/').Append(currency.MinorUnit).Append('|').Append(zone.Id).Append('|').Append(allowDebt)
            .Append("|refund=").Append(refundWindow?.BclCompatibleTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        foreach (var source in copy)
        {
            text.Append('|').Append(source.Kind.Name).Append('=').Append(GrowthRules.Describe(source.Rule)).Append('/').Append(source.DailyCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        }

        Version = Serialization.ContentVersion.Of(text.ToString());
    }

    /// <summary>
    /// Gets the policy's version: a hash of its currency, zone, sources, caps and the built-in rules' settings
    /// (<c>"sha256:…"</c>). A host rule contributes its type name and <see cref="object.ToString"/>, so a host rule whose
    /// settings should version the policy describes them there. Growth events record the version of the program they
    /// were decided under (<see cref="GrowthEvent.ProgramVersion"/>).
    /// </summary>
    public string Version { get; }

    /// <summary>Gets the currency of order amounts.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the zone that counts local days and periods for members without their own.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the sources, in order.</summary>
    public IReadOnlyList<GrowthSource> Sources { get; }

    /// <summary>Gets a value indicating whether a refund may take the balance below zero.</summary>
    /// <value>False unless given: a balance never goes below zero.</value>
    public bool AllowDebt { get; }

    /// <summary>Gets how long a refund may reverse an activity, bounding the records an account keeps; null keeps every record.</summary>
    public Duration? RefundWindow { get; }

    /// <summary>
    /// Reads a policy from a JSON document:
    /// <c>{ "currency": "CNY", "timeZone": "Asia/Shanghai", "allowDebt": false, "sources": [ { "kind":
    /// "sign-in", "rule": "sign-in-streak", "points": 5, "dailyCap": 100, "streakBonuses": [ { "day":
    /// 7, "points": 20 } ] } ] }</c>. A source's other fields are <c>pointsPerUnit</c>,
    /// <c>streakCycleDays</c>, <c>rankPoints</c> and <c>parameters</c> (an object for a host's rule).
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="catalog">The rules the document may name; <see cref="GrowthRuleCatalog.Default"/> when null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="GrowthPolicyException">
    /// The document is malformed, has an unknown or mistyped field, names an unknown rule, zone or
    /// currency, or describes a policy that is refused; the message names the JSON path and the value.
    /// </exception>
    public static GrowthPolicy FromJson(string json, GrowthRuleCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return GrowthPolicyDocument.Read(json, catalog ?? GrowthRuleCatalog.Default);
    }
}
