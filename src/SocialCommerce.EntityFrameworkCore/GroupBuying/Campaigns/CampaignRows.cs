using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// The part of a campaign's quota one command on one group decides from, as rows: the SKU's counts (locked first, so
/// every seat of the SKU lines up on them), the group's seats and the holdings of the members concerned. Core decides on
/// the <see cref="Quota"/> they load; <see cref="Write"/> tracks what it moved, saved with the group's events.
/// </summary>
internal sealed class CampaignRows
{
    private readonly DbContext _db;
    private readonly GroupBuyCampaign _campaign;
    private readonly string _skuId;
    private readonly CampaignSkuRow _sku;
    private readonly Dictionary<long, CampaignSeatRow> _seats;
    private readonly Dictionary<long, CampaignMemberRow?> _members;

    private CampaignRows(DbContext db, GroupBuyCampaign campaign, string skuId, CampaignSkuRow sku, Dictionary<long, CampaignSeatRow> seats, Dictionary<long, CampaignMemberRow?> members, CampaignQuota quota)
    {
        _db = db;
        _campaign = campaign;
        _skuId = skuId;
        _sku = sku;
        _seats = seats;
        _members = members;
        Quota = quota;
    }

    /// <summary>Gets the quota as far as the command needs it.</summary>
    public CampaignQuota Quota { get; }

    /// <summary>
    /// Takes the SKU's row lock (an update that changes nothing; a first seat of the SKU inserts the row, and a rival's
    /// insert fails this attempt), then reads the group's seats and the holdings of their members and of <paramref name="joiners"/>.
    /// </summary>
    public static async Task<CampaignRows> LoadAsync(DbContext db, GroupBuyCampaign campaign, string skuId, GroupBuyId group, IEnumerable<MemberId> joiners, CancellationToken ct)
    {
        var name = campaign.Name;
        var locked = await db.Set<CampaignSkuRow>().Where(r => r.Campaign == name && r.SkuId == skuId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), ct).ConfigureAwait(false);
        CampaignSkuRow sku;
        if (locked == 0)
        {
            db.Add(sku = new CampaignSkuRow { Campaign = name, SkuId = skuId });
        }
        else
        {
            sku = await db.Set<CampaignSkuRow>().FirstAsync(r => r.Campaign == name && r.SkuId == skuId, ct).ConfigureAwait(false);
        }

        var groupId = group.Value;
        var seatRows = await db.Set<CampaignSeatRow>().Where(r => r.GroupId == groupId).ToListAsync(ct).ConfigureAwait(false);
        var ids = seatRows.Select(r => r.MemberId).Concat(joiners.Select(m => m.Value)).Distinct().ToList();
        var memberRows = await db.Set<CampaignMemberRow>().Where(r => r.Campaign == name && ids.Contains(r.MemberId)).ToListAsync(ct).ConfigureAwait(false);
        var byId = memberRows.ToDictionary(r => r.MemberId);
        var members = ids.ToDictionary(id => id, id => byId.GetValueOrDefault(id));
        var quota = CampaignQuota.Loaded(
            campaign,
            skuId,
            (sku.Reserved, sku.Sold, sku.Withheld),
            members.Select(m => KeyValuePair.Create(new MemberId(m.Key), m.Value is { } row ? (row.Units, row.Groups) : (0, 0))),
            seatRows.Select(r => Load(campaign, r)));
        return new CampaignRows(db, campaign, skuId, sku, seatRows.ToDictionary(r => r.MemberId), members, quota);
    }

    /// <summary>Reads a seat row as Core's seat, checking it against the campaign.</summary>
    /// <exception cref="StoreSchemaException">The row is not a seat the campaign could have made.</exception>
    public static CampaignSeat Load(GroupBuyCampaign campaign, CampaignSeatRow r)
    {
        var sku = campaign.FindSku(r.SkuId);
        var amount = sku is null ? default : sku.CampaignPrice * r.Units;
        if (sku is null || r.Units < 1 || !System.Enum.IsDefined((CampaignSeatStatus)r.Status) || r.Currency != amount.Currency.Code || r.AmountMinor != amount.ToMinorUnits())
        {
            throw new StoreSchemaException($"SocialCommerce store: the seat of member {r.MemberId} in group {r.GroupId} in sc_campaign_seats is not a seat of campaign '{campaign.Name}' (SKU '{r.SkuId}', {r.Units} units, {r.AmountMinor} {r.Currency}, status {r.Status}).");
        }

        return new CampaignSeat(new GroupBuyId(r.GroupId), new MemberId(r.MemberId), r.SkuId, r.Units, amount, (CampaignSeatStatus)r.Status, StoredJson.Instant(r.ReservedAt), StoredJson.Instant(r.ChangedAt));
    }

    /// <summary>Tracks what the command moved: the seats it changed, the SKU's counts and the members' holdings, each under its version.</summary>
    public void Write(IReadOnlyList<CampaignSeat> changed)
    {
        foreach (var seat in changed)
        {
            if (!_seats.TryGetValue(seat.Member.Value, out var row))
            {
                row = new CampaignSeatRow { GroupId = seat.Group.Value, MemberId = seat.Member.Value, Campaign = _campaign.Name, SkuId = seat.SkuId, Units = seat.Units, AmountMinor = seat.Amount.ToMinorUnits(), Currency = seat.Amount.Currency.Code };
                _seats[seat.Member.Value] = row;
                _db.Add(row);
            }

            row.Status = (int)seat.Status;
            row.ReservedAt = StoredJson.Ticks(seat.ReservedAt);
            row.ChangedAt = StoredJson.Ticks(seat.ChangedAt);
        }

        var (reserved, sold, withheld) = Quota.CountsOf(_skuId);
        if ((reserved, sold, withheld) != (_sku.Reserved, _sku.Sold, _sku.Withheld))
        {
            (_sku.Reserved, _sku.Sold, _sku.Withheld) = (reserved, sold, withheld);
            _sku.Version++;
        }

        foreach (var (id, row) in _members)
        {
            var held = Quota.HeldBy(new MemberId(id));
            if (row is null)
            {
                if (held != (0, 0))
                {
                    _db.Add(new CampaignMemberRow { MemberId = id, Campaign = _campaign.Name, Units = held.Units, Groups = held.Groups, Version = 1 });
                }
            }
            else if (held != (row.Units, row.Groups))
            {
                (row.Units, row.Groups) = held;
                row.Version++;
            }
        }
    }
}
