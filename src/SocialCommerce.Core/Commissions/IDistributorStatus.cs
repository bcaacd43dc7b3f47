using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// Tells the commission engine which members the host has enabled as distributors, for plans whose
/// eligibility is <see cref="CommissionEligibility.EnabledDistributors"/>.
/// </summary>
/// <remarks>Called on the quoting hot path: implementations should be fast, allocation-free and safe for concurrent reads.</remarks>
public interface IDistributorStatus
{
    /// <summary>Returns whether the member is an enabled distributor who may earn commissions.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when the member may earn.</returns>
    bool IsEnabledDistributor(MemberId member);
}
