namespace SocialCommerce.Invitations;

/// <summary>Who may help an invitation.</summary>
public enum HelperEligibility
{
    /// <summary>Any member, the owner included (e.g. the owner takes the first cut).</summary>
    Anyone = 0,

    /// <summary>Any member but the owner.</summary>
    NotOwner = 1,

    /// <summary>
    /// Only members the host reports as new, never the owner. Compliance flags it as a recruitment incentive
    /// (<c>SC502</c>): a warning, refused under the China and EU profiles.
    /// </summary>
    NewMembersOnly = 2,
}
