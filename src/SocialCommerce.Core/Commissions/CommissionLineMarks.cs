using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// What happened to a <see cref="CommissionLine"/> after it was proposed.
/// </summary>
[Flags]
public enum CommissionLineMarks
{
    /// <summary>The line is as proposed.</summary>
    None = 0,

    /// <summary>The share passed up past ineligible uplines to this beneficiary (compression).</summary>
    Compressed = 1,

    /// <summary>The line was clamped to the plan's per-beneficiary cap.</summary>
    CappedPerBeneficiary = 2,

    /// <summary>The line was scaled down with the rest of the sale to the plan's sale cap.</summary>
    ScaledToSaleCap = 4,

    /// <summary>The line was scaled down by the compliance stage to the profile's payout ratio.</summary>
    ScaledByCompliance = 8,

    /// <summary>A host rule changed the line after it was proposed.</summary>
    ChangedByRule = 16,
}
