namespace SocialCommerce.Invitations;

/// <summary>Where an invitation is in its life.</summary>
public enum InvitationStatus
{
    /// <summary>Open: helpers may still help before the deadline.</summary>
    Open = 0,

    /// <summary>Every required help arrived: a bargain reached its floor, an assist unlocked its reward.</summary>
    Completed = 1,

    /// <summary>Closed at the deadline with the price reached purchasable (a bargain whose rule buys at the reached price).</summary>
    Expired = 2,

    /// <summary>Closed at the deadline with nothing to claim.</summary>
    Failed = 3,
}
