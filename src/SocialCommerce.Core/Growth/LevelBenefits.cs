using System;

namespace SocialCommerce.Growth;

/// <summary>What a level gives its members; the host reads it and applies it.</summary>
/// <remarks>
/// <see cref="CommissionRank"/> is the rank the differential (级差) mode of the commission engine
/// compares: a higher rank earns the difference of rates over a lower one. Growth itself never pays
/// money.
/// </remarks>
public sealed record LevelBenefits
{
    /// <summary>Creates the benefits of a level.</summary>
    /// <param name="discount">The member discount at this level (0 % for none).</param>
    /// <param name="commissionRank">The commission rank, not negative (0 for none).</param>
    /// <param name="badge">The badge shown for the level, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="commissionRank"/> is negative.</exception>
    public LevelBenefits(Rate discount, int commissionRank, string? badge = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(commissionRank);
        Discount = discount;
        CommissionRank = commissionRank;
        Badge = badge;
    }

    /// <summary>Gets no benefits: 0 % discount, rank 0, no badge.</summary>
    public static LevelBenefits None { get; } = new(Rate.Zero, 0);

    /// <summary>Gets the member discount.</summary>
    public Rate Discount { get; }

    /// <summary>Gets the commission rank for the differential mode.</summary>
    public int CommissionRank { get; }

    /// <summary>Gets the badge shown for the level, or null.</summary>
    public string? Badge { get; }
}
