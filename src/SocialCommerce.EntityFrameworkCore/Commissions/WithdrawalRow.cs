namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>A withdrawal, keyed by its id (a retry with the same id and content is a duplicate), with its lifecycle state; versioned.</summary>
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

    /// <summary>Gets or sets: the WithdrawalStatus (an immediate withdrawal is stored as paid).</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: what withholding keeps, fixed at request.</summary>
    public long Withheld { get; set; }

    /// <summary>Gets or sets: the transfers started.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets: the payment provider's reference, once paid.</summary>
    public string? TransferReference { get; set; }

    /// <summary>Gets or sets: the reason of the last rejection, failure or cancellation.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets: the row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
