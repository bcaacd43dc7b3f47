namespace SocialCommerce.GroupBuying;

/// <summary>What a campaign-quota command did.</summary>
public enum CampaignQuotaOutcome
{
    /// <summary>The command changed the quota.</summary>
    Applied = 0,

    /// <summary>The command was seen before (the same seat and step): it answers with the seat as it stands and changes nothing.</summary>
    Duplicate = 1,

    /// <summary>The command was refused; nothing changed.</summary>
    Refused = 2,
}
