using System.Globalization;

namespace SocialCommerce.GroupBuying;

/// <summary>What a campaign-quota command did: its outcome, the refusal and a message naming the limit and numbers, and the seat.</summary>
public sealed class CampaignQuotaResult
{
    private string? _message;
    private readonly int _left;
    private readonly int _quota;

    internal CampaignQuotaResult(CampaignQuotaOutcome outcome, CampaignQuotaRefusal refusal, string message, CampaignSeat? seat)
    {
        Outcome = outcome;
        Refusal = refusal;
        _message = message;
        Seat = seat;
    }

    // An applied step: its message is written when first read (a join on the hot path formats nothing). For a
    // reservation, left and quota are the SKU's units after it; a released or refunded seat says where its units went.
    private CampaignQuotaResult(CampaignSeat seat, int left, int quota)
    {
        Outcome = CampaignQuotaOutcome.Applied;
        Seat = seat;
        _left = left;
        _quota = quota;
    }

    internal static CampaignQuotaResult Reserved(CampaignSeat seat, int left, int quota) => new(seat, left, quota);

    internal static CampaignQuotaResult Moved(CampaignSeat seat, bool unitsBack) => new(seat, unitsBack ? 1 : 0, -1);

    /// <summary>Gets whether the command was applied, a duplicate, or refused.</summary>
    public CampaignQuotaOutcome Outcome { get; }

    /// <summary>Gets why it was refused, or <see cref="CampaignQuotaRefusal.None"/>.</summary>
    public CampaignQuotaRefusal Refusal { get; }

    /// <summary>Gets what happened, naming the seat, the limit and the numbers.</summary>
    public string Message => _message ??= Describe();

    /// <summary>Gets the seat as it stands after the command (null when refused before one existed).</summary>
    public CampaignSeat? Seat { get; }

    /// <summary>Gets a value indicating whether the command changed the quota.</summary>
    public bool IsApplied => Outcome == CampaignQuotaOutcome.Applied;

    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Message}";

    private string Describe()
    {
        var seat = Seat!;
        if (_quota >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Member {seat.Member} reserved {seat.Units} × '{seat.SkuId}' in group {seat.Group}; {_left} of {_quota} left.");
        }

        var back = seat.Status == CampaignSeatStatus.Sold ? string.Empty : _left == 1 ? ", units back to the quota" : ", units withheld from the quota";
        return string.Create(CultureInfo.InvariantCulture, $"Member {seat.Member}'s seat in group {seat.Group} ({seat.Units} × '{seat.SkuId}') {seat.Status.ToString().ToLowerInvariant()}{back}.");
    }
}
