using System.Collections.Generic;
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
        Seats = seats;
    }

    private readonly string? _quotaMessage;

    /// <summary>Gets the group's answer; refused with <see cref="GroupBuyRefusal.CampaignRefused"/> when the campaign refused first.</summary>
    public GroupBuyResult Group { get; }

    /// <summary>Gets the group acted on.</summary>
    public GroupBuyId GroupId => Group.GroupId;

    /// <summary>Gets why the campaign refused the seat (window, SKU, a limit, the quota); <see cref="CampaignQuotaRefusal.None"/> otherwise.</summary>
    public CampaignQuotaRefusal QuotaRefusal { get; }

    /// <summary>Gets the seats this command changed, as they now stand (empty for a refusal or a duplicate).</summary>
    public IReadOnlyList<CampaignSeat> Seats { get; }

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

    internal static CampaignResult Refused(GroupBuyId group, MemberId member, CampaignQuotaResult quota) =>
        new(GroupBuyResult.Refused(group, member, GroupBuyRefusal.CampaignRefused), quota.Refusal, quota.Message, []);
}
