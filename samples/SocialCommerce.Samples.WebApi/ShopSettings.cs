using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.WebApi;

/// <summary>The shop's engines, registered by <c>AddSocialCommerce</c> from configuration and validated at start.</summary>
/// <param name="DefaultCurrency">The currency of amounts that come without one.</param>
/// <param name="DefaultZone">The time zone members are enrolled in.</param>
/// <param name="Plan">The commission plan.</param>
/// <param name="Engine">The commission engine for the plan (thread-safe, pure).</param>
/// <param name="Groups">The group-buy book holding every registered rule (thread-safe).</param>
/// <param name="Growth">The growth program (policy and level ladder).</param>
/// <param name="Compliance">The active compliance profile.</param>
public sealed record ShopSettings(
    Currency DefaultCurrency,
    DateTimeZone DefaultZone,
    CommissionPlan Plan,
    CommissionEngine Engine,
    GroupBuyBook Groups,
    GrowthProgram Growth,
    ComplianceProfile Compliance);
