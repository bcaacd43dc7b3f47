namespace SocialCommerce.EntityFrameworkCore.Schema;

/// <summary>A plan or rule version the engines decided with (a LedgerSale.PlanVersion, a GroupOpened.RuleVersion) and what it was.</summary>
internal sealed class RuleVersionRow
{
    /// <summary>Gets or sets: commission-plan, group-buy-rule, community-batch-rule or growth-program.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Gets or sets: The registered name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets: The content version.</summary>
    public string Version { get; set; } = "";

    /// <summary>Gets or sets: What it was (the rule's own description).</summary>
    public string Description { get; set; } = "";

    /// <summary>Gets or sets: When an instance first recorded it, in Unix ticks.</summary>
    public long RecordedAt { get; set; }
}
