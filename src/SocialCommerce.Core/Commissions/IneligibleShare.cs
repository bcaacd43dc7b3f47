namespace SocialCommerce.Commissions;

/// <summary>
/// What happens to the share of an upline who may not earn (see <see cref="CommissionEligibility"/>).
/// </summary>
public enum IneligibleShare
{
    /// <summary>The share stays with the platform (it is part of the quote's residual).</summary>
    Forfeit = 0,

    /// <summary>
    /// The share passes up to the next eligible upline (compression), but never to a member more network
    /// links above the buyer than the plan's paid depth; a share that finds no such member is forfeited.
    /// </summary>
    Compress = 1,
}
