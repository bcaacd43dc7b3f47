using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Serialization;

namespace SocialCommerce.GroupBuying;

/// <content>The quota's snapshot: its seats, restored with every field checked and the counts rebuilt from them.</content>
public sealed partial class CampaignQuota
{
    private const string SnapshotKind = "campaign quota snapshot";

    /// <summary>Returns the quota's state, for a store.</summary>
    /// <returns>The snapshot (restore it with <see cref="FromSnapshot"/> and its campaign): the seats group by group, each group's in the order they were taken.</returns>
    public CampaignQuotaSnapshot ToSnapshot()
    {
        var count = 0;
        foreach (var group in _seats.Values)
        {
            count += group.Count;
        }

        var seats = new CampaignSeat[count];
        var i = 0;
        foreach (var group in _seats.Values)
        {
            foreach (var row in group.Rows)
            {
                seats[i++] = row.ToSeat(Campaign);
            }
        }

        return new(SocialCommerceJson.SchemaVersion, Campaign.Name, seats);
    }

    /// <summary>Restores a campaign's quota from its snapshot and the campaign; nothing is re-decided.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="campaign">The campaign it names.</param>
    /// <returns>The quota, answering every later command as the one that wrote the snapshot would.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state the quota could have reached: another campaign, a seat of a SKU it does not sell,
    /// units out of range, an amount that is not the units at the campaign price, an unknown status, a change before
    /// the reservation, a seat twice, or more units taken of a SKU than its quota; the message names the JSON path.
    /// </exception>
    public static CampaignQuota FromSnapshot(CampaignQuotaSnapshot snapshot, GroupBuyCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(campaign);
        SocialCommerceJson.CheckSchema(SnapshotKind, snapshot.SchemaVersion);
        var check = new StateCheck(SnapshotKind);
        check.That(string.Equals(snapshot.CampaignName, campaign.Name, StringComparison.Ordinal), "$.campaignName", snapshot.CampaignName, $"the campaign given, '{campaign.Name}'.");
        var seats = check.Present(snapshot.Seats, "$.seats");
        var quota = new CampaignQuota(campaign);
        for (var i = 0; i < seats.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.seats[{i}]");
            var seat = check.Present(seats[i], path);
            var sku = campaign.FindSku(seat.SkuId);
            check.That(sku is not null, $"{path}.skuId", seat.SkuId, $"a SKU campaign '{campaign.Name}' sells.");
            check.That(seat.Units is >= 1 and <= CampaignSku.MaxQuota, $"{path}.units", seat.Units, string.Create(CultureInfo.InvariantCulture, $"1 to {CampaignSku.MaxQuota}."));
            check.That(seat.Amount == sku!.CampaignPrice * seat.Units, $"{path}.amount", seat.Amount, "the units at the campaign price.");
            check.That(Enum.IsDefined(seat.Status), $"{path}.status", seat.Status, "reserved, sold, released or refunded.");
            check.That(Limits.IsSupported(seat.ReservedAt), $"{path}.reservedAt", seat.ReservedAt, "a supported instant.");
            check.That(Limits.IsSupported(seat.ChangedAt) && seat.ChangedAt >= seat.ReservedAt, $"{path}.changedAt", seat.ChangedAt, "a supported instant, at or after the reservation.");
            check.That(!quota.Holds(seat.Group, seat.Member), $"{path}.member", seat.Member, string.Create(CultureInfo.InvariantCulture, $"one seat of a member in group {seat.Group}."));
            quota.Keep(CampaignSeatRow.Of(seat, campaign.IndexOfSku(seat.SkuId)));
            check.That(quota.Left(seat.SkuId) >= 0, $"{path}.units", seat.Units, string.Create(CultureInfo.InvariantCulture, $"within SKU '{seat.SkuId}''s quota of {sku.Quota}."));
        }

        return quota;
    }
}
