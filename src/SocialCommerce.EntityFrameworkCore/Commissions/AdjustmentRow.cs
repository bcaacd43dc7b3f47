namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>A signed manual adjustment, keyed by its id (a retry with the same content is a duplicate).</summary>
internal sealed class AdjustmentRow
{
    /// <summary>Gets or sets: the host's id.</summary>
    public string AdjustmentId { get; set; } = "";

    /// <summary>Gets or sets: the member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: the currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: the signed amount in minor units.</summary>
    public long MinorUnits { get; set; }

    /// <summary>Gets or sets: who made it.</summary>
    public string Author { get; set; } = "";

    /// <summary>Gets or sets: why.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Gets or sets: when, in Unix ticks.</summary>
    public long At { get; set; }
}
