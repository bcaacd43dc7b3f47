namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>A member's commission account in one currency: every balance as a column (minor units), so reports read it without entries.</summary>
internal sealed class AccountRow
{
    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: The currency's minor unit (digits), so host currencies restore exactly.</summary>
    public int MinorUnit { get; set; }

    /// <summary>Gets or sets: The account's version (optimistic concurrency).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: Pending.</summary>
    public long Pending { get; set; }

    /// <summary>Gets or sets: Frozen.</summary>
    public long Frozen { get; set; }

    /// <summary>Gets or sets: Available.</summary>
    public long Available { get; set; }

    /// <summary>Gets or sets: Withdrawn (gross).</summary>
    public long Withdrawn { get; set; }

    /// <summary>Gets or sets: Withdrawal fees.</summary>
    public long Fees { get; set; }

    /// <summary>Gets or sets: Clawback debt.</summary>
    public long Debt { get; set; }

    /// <summary>Gets or sets: Written off.</summary>
    public long WrittenOff { get; set; }

    /// <summary>Gets or sets: Forgiven.</summary>
    public long Forgiven { get; set; }

    /// <summary>Gets or sets: Booked.</summary>
    public long Booked { get; set; }

    /// <summary>Gets or sets: Reversed.</summary>
    public long Reversed { get; set; }

    /// <summary>Gets or sets: the gross of the withdrawals requested or approved, not yet paid.</summary>
    public long InWithdrawal { get; set; }

    /// <summary>Gets or sets: what withholding kept from paid withdrawals.</summary>
    public long Withheld { get; set; }

    /// <summary>Gets or sets: the sum of the signed manual adjustments.</summary>
    public long Adjusted { get; set; }
}
