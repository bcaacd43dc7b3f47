namespace SocialCommerce.Network;

/// <summary>
/// Why a referral binding was refused.
/// </summary>
public enum BindingRefusalReason
{
    /// <summary>Not refused: the binding was made (or already existed).</summary>
    None = 0,

    /// <summary>A member cannot refer itself.</summary>
    SelfReferral = 1,

    /// <summary>The member being bound is not in the network.</summary>
    UnknownMember = 2,

    /// <summary>The referrer is not in the network.</summary>
    UnknownReferrer = 3,

    /// <summary>The referrer is in the member's own downline: the link would close a cycle.</summary>
    Cycle = 4,

    /// <summary>The member already has a referrer and the policy forbids changing it.</summary>
    RebindForbidden = 5,

    /// <summary>The member already has a referrer and the policy's lock period has not elapsed.</summary>
    LockPeriodNotElapsed = 6,

    /// <summary>The policy allows binding only at registration, and the member is already registered.</summary>
    RegistrationOnly = 7,

    /// <summary>A member with this id is already registered.</summary>
    AlreadyRegistered = 8,
}
