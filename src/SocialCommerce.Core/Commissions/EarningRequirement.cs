namespace SocialCommerce.Commissions;

/// <summary>
/// What a member must do before earning under a plan. Declared so that compliance profiles can check
/// the scheme (an entry fee is a hallmark of pyramid selling); the engine itself does not collect anything.
/// </summary>
public enum EarningRequirement
{
    /// <summary>Any member may earn; nothing must be bought or paid first.</summary>
    None = 0,

    /// <summary>A member earns only after a qualifying purchase of their own.</summary>
    QualifyingPurchase = 1,

    /// <summary>A member earns only after paying an entry (membership) fee.</summary>
    EntryFee = 2,
}
