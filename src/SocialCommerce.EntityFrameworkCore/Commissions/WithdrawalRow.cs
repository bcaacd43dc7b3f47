namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>An accepted withdrawal, keyed by its id (a retry with the same id and content is a duplicate).</summary>
internal sealed class WithdrawalRow
{
    /// <summary>Gets or sets: The host's withdrawal id.</summary>
    public string WithdrawalId { get; set; } = "";

    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: The requested amount in minor units.</summary>
    public long Requested { get; set; }

    /// <summary>Gets or sets: The gross amount that left available.</summary>
    public long Gross { get; set; }

    /// <summary>Gets or sets: The fee.</summary>
    public long Fee { get; set; }

    /// <summary>Gets or sets: The net paid out.</summary>
    public long Net { get; set; }

    /// <summary>Gets or sets: When it was requested, in Unix ticks.</summary>
    public long At { get; set; }
}
