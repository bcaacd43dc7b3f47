using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.WebApi;

/// <summary>The shop's engines and documents, loaded once from configuration at start.</summary>
/// <param name="DefaultCurrency">The currency of amounts that come without one.</param>
/// <param name="DefaultZone">The time zone members are enrolled in.</param>
/// <param name="Plan">The commission plan.</param>
/// <param name="Engine">The commission engine for the plan (thread-safe, pure).</param>
/// <param name="GroupBuyRules">The group-buy rules by name.</param>
/// <param name="Growth">The growth program (policy and level ladder).</param>
/// <param name="Compliance">The active compliance profile.</param>
public sealed record ShopSettings(
    Currency DefaultCurrency,
    DateTimeZone DefaultZone,
    CommissionPlan Plan,
    CommissionEngine Engine,
    IReadOnlyList<GroupBuyRule> GroupBuyRules,
    GrowthProgram Growth,
    ComplianceProfile Compliance);
