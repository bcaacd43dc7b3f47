namespace SocialCommerce.Commissions;

/// <summary>
/// Who may earn under a <see cref="CommissionPlan"/>.
/// </summary>
public enum CommissionEligibility
{
    /// <summary>Every member of the referral network may earn.</summary>
    EveryMember = 0,

    /// <summary>
    /// Only members the host marks as enabled distributors may earn: passed with the sale
    /// (<see cref="Sale.EnabledDistributors"/>) or through an <see cref="IDistributorStatus"/>.
    /// </summary>
    EnabledDistributors = 1,
}
