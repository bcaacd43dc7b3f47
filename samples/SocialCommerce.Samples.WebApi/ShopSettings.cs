using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.WebApi;

/// <summary>The shop's engines, registered by <c>AddSocialCommerce</c> from configuration and validated at start.</summary>
/// <param name="DefaultCurrency">The currency of amounts that come without one.</param>
/// <param name="DefaultZone">The time zone members are enrolled in.</param>
/// <param name="Plans">The commission plans, as last reloaded from configuration.</param>
/// <param name="Groups">The group-buy book holding every registered rule (thread-safe).</param>
/// <param name="Growth">The growth program (policy and level ladder).</param>
/// <param name="Compliance">The active compliance profile.</param>
public sealed record ShopSettings(
    Currency DefaultCurrency,
    DateTimeZone DefaultZone,
    ICommissionPlanProvider Plans,
    GroupBuyBook Groups,
    GrowthProgram Growth,
    ComplianceProfile Compliance)
{
    /// <summary>Gets the engine of the default plan as configured now (a change to appsettings.json applies to the next sale).</summary>
    public CommissionEngine Engine => Plans.GetEngine("default");

    /// <summary>Gets the default plan as configured now.</summary>
    public CommissionPlan Plan => Engine.Plan;
}
