namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>How many open groups of a rule a member is in (for rules with a per-member limit), versioned so two joins of one member race safely.</summary>
internal sealed class GroupSlotRow
{
    /// <summary>Gets or sets: The rule.</summary>
    public string RuleName { get; set; } = "";

    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: Open groups the member leads or joined.</summary>
    public int OpenGroups { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
