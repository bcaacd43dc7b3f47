using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.GroupBuying;

/// <summary>The terms of a group-buy campaign (see <see cref="GroupBuyCampaign.Create"/>).</summary>
public sealed class GroupBuyCampaignOptions
{
    /// <summary>Gets or sets when the campaign starts taking joins (inclusive).</summary>
    public Instant Starts { get; set; }

    /// <summary>Gets or sets when it stops (exclusive; after <see cref="Starts"/>).</summary>
    public Instant Ends { get; set; }

    /// <summary>Gets or sets the SKUs it sells, each once, all priced in one currency; at least one.</summary>
    public IList<CampaignSku> Skus { get; set; } = [];

    /// <summary>Gets or sets the most units one join (an order) may take, or null for no limit beyond the quota.</summary>
    public int? MaxUnitsPerOrder { get; set; }

    /// <summary>Gets or sets the most units one member may hold across the campaign (all SKUs, all groups), or null for no limit; released and refunded units do not count.</summary>
    public int? MaxUnitsPerMember { get; set; }

    /// <summary>Gets or sets the most groups one member may hold a seat in across the campaign, or null for no limit; released and refunded seats do not count.</summary>
    public int? MaxGroupsPerMember { get; set; }

    /// <summary>
    /// Gets or sets whether a refund after formation returns the seat's units to the quota (the default) or withholds
    /// them (a campaign that sells a fixed number of units once, whatever is refunded).
    /// </summary>
    public bool RefundReturnsQuota { get; set; } = true;

    /// <summary>
    /// Gets or sets the terms of the campaign's groups — participants, time limit, leader perk, units per seat, tier
    /// basis, hand-over, simulation — or null for a campaign used only through <see cref="CampaignQuota"/>. Its prices are
    /// not used: each SKU's groups are priced by the SKU (<see cref="CampaignSku.CampaignPrice"/>, or its
    /// <see cref="CampaignSku.Tiers"/>). Required by <see cref="CampaignBook"/>.
    /// </summary>
    public GroupBuyRule? Rule { get; set; }
}
