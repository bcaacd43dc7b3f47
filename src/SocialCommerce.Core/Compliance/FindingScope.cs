namespace SocialCommerce.Compliance;

/// <summary>
/// What a <see cref="ComplianceFinding"/> is about.
/// </summary>
public enum FindingScope
{
    /// <summary>A commission plan, checked when it is registered.</summary>
    Plan = 0,

    /// <summary>A sale's quote, checked at run time.</summary>
    Sale = 1,

    /// <summary>The referral network (or a member in it), checked by an audit.</summary>
    Network = 2,

    /// <summary>A group-buy rule.</summary>
    GroupBuy = 3,

    /// <summary>An invitation rule (bargain, assist) or a referral-reward rule.</summary>
    Invitation = 4,
}
