namespace SocialCommerce.Network;

/// <summary>
/// When a member may be bound to a referrer. See <see cref="BindingPolicy"/>.
/// </summary>
public enum BindingMode
{
    /// <summary>A member without a referrer may be bound once, at any time; the first binding is final.</summary>
    FirstBindingWins = 0,

    /// <summary>The referrer can be given only when the member registers; later bindings are refused.</summary>
    AtRegistrationOnly = 1,

    /// <summary>A member may be re-bound once the lock period since its last binding has elapsed.</summary>
    RebindAfterLockPeriod = 2,
}
