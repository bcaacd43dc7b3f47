namespace SocialCommerce.Invitations;

/// <summary>What an assist unlock gives its owner.</summary>
public enum AssistRewardKind
{
    /// <summary>A coupon of a value.</summary>
    Coupon = 0,

    /// <summary>A free item, named by the host's SKU.</summary>
    FreeItem = 1,

    /// <summary>Points.</summary>
    Points = 2,
}
