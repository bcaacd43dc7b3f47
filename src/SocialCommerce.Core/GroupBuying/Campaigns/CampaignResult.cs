using System.Collections.Generic;
using System.Threading;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The outcome of a command on a campaign's group (<see cref="CampaignBook"/>): the group's answer and what happened to
/// the campaign's quota — the seats the command reserved, sold, released or refunded — or the campaign's refusal.
/// </summary>
public sealed class CampaignResult
{
    internal CampaignResult(GroupBuyResult group, CampaignQuotaRefusal quotaRefusal, string? quotaMessage, IReadOnlyList<CampaignSeat> seats)
    {
        Group = group;
        QuotaRefusal = quotaRefusal;
        _quotaMessage = quotaMessage;
        _seats = seats;
    }

    // An applied command whose changed seats are kept as the quota keeps them: made into CampaignSeats when first read, so
    // a join on the hot path allocates nothing beyond its result and the group's events.
    internal CampaignResult(GroupBuyResult group, GroupBuyCampaign campaign, IReadOnlyList<CampaignSeatRow> rows)
    {
        Group = group;
        _campaign = campaign;
        _rows = rows;
    }

    // A join: its one changed seat is the one it reserved (kept in the result, not in a list of its own).
    internal CampaignResult(GroupBuyResult group, GroupBuyCampaign campaign, CampaignSeatRow reserved)
    {
        Group = group;
        _campaign = campaign;
        _reserved = reserved;
    }

    private readonly string? _quotaMessage;
    private readonly GroupBuyCampaign? _campaign;
    private readonly IReadOnlyList<CampaignSeatRow>? _rows;
    private readonly CampaignSeatRow _reserved;
    private IReadOnlyList<CampaignSeat>? _seats;

    /// <summary>Gets the group's answer; refused with <see cref="GroupBuyRefusal.CampaignRefused"/> when the campaign refused first.</summary>
    public GroupBuyResult Group { get; }

    /// <summary>Gets the group acted on.</summary>
    public GroupBuyId GroupId => Group.GroupId;

    /// <summary>Gets why the campaign refused the seat (window, SKU, a limit, the quota); <see cref="CampaignQuotaRefusal.None"/> otherwise.</summary>
    public CampaignQuotaRefusal QuotaRefusal { get; }

    /// <summary>Gets the seats this command changed, as they now stand (empty for a refusal or a duplicate).</summary>
    public IReadOnlyList<CampaignSeat> Seats => _seats ?? Interlocked.CompareExchange(ref _seats, Made(), null) ?? _seats;

    /// <summary>Gets a value indicating whether the command was accepted (now, or the first time when <see cref="IsDuplicate"/>).</summary>
    public bool IsAccepted => Group.IsAccepted;

    /// <summary>Gets a value indicating whether the command was seen before: nothing changed, the events are its first outcome's.</summary>
    public bool IsDuplicate => Group.IsDuplicate;

    /// <summary>Gets a value indicating whether the command changed the group and the quota now.</summary>
    public bool IsApplied => Group.IsApplied;

    /// <summary>Gets the group's events (empty when refused).</summary>
    public IReadOnlyList<GroupBuyEvent> Events => Group.Events;

    /// <summary>Gets a message naming the refusal — the campaign's (the limit and the numbers) or the group's — or null when accepted.</summary>
    public string? Message => _quotaMessage ?? Group.Message;

    /// <summary>Describes the result.</summary>
    /// <returns>The outcome and the message.</returns>
    public override string ToString() => IsAccepted ? (IsDuplicate ? "Duplicate" : "Applied") + $" ({Events.Count} events, {Seats.Count} seats)" : $"Refused: {Message}";

    private CampaignSeat[] Made()
    {
        if (_rows is null)
        {
            return [_reserved.ToSeat(_campaign!)];
        }

        var seats = new CampaignSeat[_rows!.Count];
        for (var i = 0; i < seats.Length; i++)
        {
            seats[i] = _rows[i].ToSeat(_campaign!);
        }

        return seats;
    }

    internal static CampaignResult Refused(GroupBuyId group, MemberId member, CampaignQuotaResult quota) =>
        new(GroupBuyResult.Refused(group, member, GroupBuyRefusal.CampaignRefused), quota.Refusal, quota.Message, []);
}
