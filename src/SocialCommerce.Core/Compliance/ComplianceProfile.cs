using System;
using SocialCommerce;

namespace SocialCommerce.Compliance;

/// <summary>
/// The limits a host's social-commerce schemes must stay within; applied by the engines themselves.
/// </summary>
/// <remarks>
/// Levels are counted as in the SDK's vocabulary: the buyer is level 0, the buyer's direct referrer
/// is level 1. <see cref="MaxPaidDepth"/> is the highest upline level that may earn from one sale
/// (a "two-level" scheme has paid depth 2). Instances are immutable; compose a new profile with
/// <c>with</c> expressions.
/// </remarks>
public sealed record ComplianceProfile
{
    /// <summary>Gets the profile's name, e.g. <c>"cn-social-distribution"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the highest upline level that may be paid from one sale; <see langword="null"/> for no limit.</summary>
    public int? MaxPaidDepth { get; init; }

    /// <summary>Gets the largest share of a sale's commissionable base that may be paid out in total; <see langword="null"/> for no limit.</summary>
    public Rate? MaxPayoutRatio { get; init; }

    /// <summary>Gets a value indicating whether rewards for recruiting members (head-count) are allowed.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsRecruitmentRewards { get; init; }

    /// <summary>Gets a value indicating whether earning may require an entry fee or a qualifying purchase.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsEntryFee { get; init; }

    /// <summary>Gets a value indicating whether group buys may be completed with simulated participants.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowsSimulatedParticipants { get; init; }

    /// <summary>Gets how the engines apply the profile.</summary>
    /// <value>Defaults to <see cref="ComplianceMode.Enforce"/>.</value>
    public ComplianceMode Mode { get; init; } = ComplianceMode.Enforce;
}
