namespace SocialCommerce.Commissions;

/// <summary>
/// Why a quote's payout differs from what was first proposed.
/// </summary>
public enum CommissionAdjustmentKind
{
    /// <summary>An ineligible member's share stayed with the platform.</summary>
    Forfeited = 0,

    /// <summary>An ineligible member's share passed up to an eligible upline (nothing to the residual).</summary>
    Compressed = 1,

    /// <summary>A line was clamped to the plan's per-beneficiary cap.</summary>
    CappedPerBeneficiary = 2,

    /// <summary>A line was scaled down to the plan's sale cap.</summary>
    ScaledToSaleCap = 3,

    /// <summary>A host rule removed a line.</summary>
    RemovedByRule = 4,

    /// <summary>A host rule lowered a line.</summary>
    ReducedByRule = 5,

    /// <summary>The compliance stage removed a line beyond the profile's paid depth.</summary>
    Truncated = 6,

    /// <summary>The compliance stage scaled a line down to the profile's payout ratio.</summary>
    ScaledByCompliance = 7,
}
