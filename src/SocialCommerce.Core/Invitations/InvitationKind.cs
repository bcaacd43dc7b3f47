namespace SocialCommerce.Invitations;

/// <summary>What an invitation asks its helpers for.</summary>
public enum InvitationKind
{
    /// <summary>A bargain (砍价): each help cuts the price, the last one lands on the floor.</summary>
    Bargain = 0,

    /// <summary>An assist unlock (助力): a reward unlocks when enough distinct helpers assisted.</summary>
    Assist = 1,
}
