namespace SocialCommerce.GroupBuying;

/// <summary>What a campaign-quota command did: its outcome, the refusal and a message naming the limit and numbers, and the seat.</summary>
public sealed class CampaignQuotaResult
{
    internal CampaignQuotaResult(CampaignQuotaOutcome outcome, CampaignQuotaRefusal refusal, string message, CampaignSeat? seat)
    {
        Outcome = outcome;
        Refusal = refusal;
        Message = message;
        Seat = seat;
    }

    /// <summary>Gets whether the command was applied, a duplicate, or refused.</summary>
    public CampaignQuotaOutcome Outcome { get; }

    /// <summary>Gets why it was refused, or <see cref="CampaignQuotaRefusal.None"/>.</summary>
    public CampaignQuotaRefusal Refusal { get; }

    /// <summary>Gets what happened, naming the seat, the limit and the numbers.</summary>
    public string Message { get; }

    /// <summary>Gets the seat as it stands after the command (null when refused before one existed).</summary>
    public CampaignSeat? Seat { get; }

    /// <summary>Gets a value indicating whether the command changed the quota.</summary>
    public bool IsApplied => Outcome == CampaignQuotaOutcome.Applied;

    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Message}";
}
