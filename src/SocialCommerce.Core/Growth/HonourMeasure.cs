namespace SocialCommerce.Growth;

/// <summary>The member statistic an honour rule compares with its tiers' thresholds.</summary>
public enum HonourMeasure
{
    /// <summary>
    /// The number of accepted activities of the rule's kind, optionally only within the rule's
    /// campaign window and, for competition placings, only ranks up to the rule's maximum rank.
    /// </summary>
    ActivityCount,

    /// <summary>The longest run of consecutive local days with a sign-in.</summary>
    LongestSignInStreak,

    /// <summary>Whole years of service since the member joined, counted on local dates.</summary>
    TenureYears,

    /// <summary>Cumulative completed sales in the policy currency (completed order amounts minus refunded ones).</summary>
    CumulativeSales,

    /// <summary>Lifetime net growth points (earnings minus reversals; forfeits at demotion do not count).</summary>
    LifetimePoints,
}
