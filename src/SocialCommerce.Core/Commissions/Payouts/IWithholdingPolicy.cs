using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// The host's withholding rule (income tax on commissions, for instance), applied when a withdrawal is requested. The
/// SDK ships no tax numbers. Implementations must be pure and return whole minor units of the gross amount's currency,
/// from zero to gross − fee.
/// </summary>
public interface IWithholdingPolicy
{
    /// <summary>Computes what to withhold from a withdrawal.</summary>
    /// <param name="member">The member withdrawing.</param>
    /// <param name="gross">The gross amount requested.</param>
    /// <param name="fee">The withdrawal fee already taken from it.</param>
    /// <param name="at">When the withdrawal is requested.</param>
    /// <returns>The amount withheld.</returns>
    Money Withhold(MemberId member, Money gross, Money fee, Instant at);
}
