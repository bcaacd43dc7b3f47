using System;
using NodaTime;

namespace SocialCommerce.Network;

/// <summary>
/// The rule a <see cref="ReferralNetwork"/> applies to bindings.
/// </summary>
/// <remarks>
/// The lock period of <see cref="RebindAfter(Duration)"/> is measured from the member's last
/// binding (or its registration with a referrer); a rebind at exactly the end of the lock period is
/// allowed, one a tick before is refused. Instances are immutable.
/// </remarks>
public sealed class BindingPolicy
{
    private BindingPolicy(BindingMode mode, Duration lockPeriod)
    {
        Mode = mode;
        LockPeriod = lockPeriod;
    }

    /// <summary>Gets the policy under which the first binding of a member is final (the default).</summary>
    public static BindingPolicy FirstBindingWins { get; } = new(BindingMode.FirstBindingWins, Duration.Zero);

    /// <summary>Gets the policy under which a referrer can be given only at registration.</summary>
    public static BindingPolicy AtRegistrationOnly { get; } = new(BindingMode.AtRegistrationOnly, Duration.Zero);

    /// <summary>Gets the binding mode.</summary>
    public BindingMode Mode { get; }

    /// <summary>Gets the lock period after a binding during which a rebind is refused; zero unless <see cref="Mode"/> is <see cref="BindingMode.RebindAfterLockPeriod"/>.</summary>
    public Duration LockPeriod { get; }

    /// <summary>Creates a policy that allows rebinding once <paramref name="lockPeriod"/> has elapsed since the last binding.</summary>
    /// <param name="lockPeriod">A non-negative duration, e.g. <c>Duration.FromDays(30)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lockPeriod"/> is negative or longer than <see cref="Limits.MaxDuration"/>.</exception>
    public static BindingPolicy RebindAfter(Duration lockPeriod)
    {
        if (Limits.Problem(lockPeriod) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(lockPeriod), lockPeriod, $"Lock period {problem} Was {lockPeriod}.");
        }

        return new BindingPolicy(BindingMode.RebindAfterLockPeriod, lockPeriod);
    }

    /// <inheritdoc />
    public override string ToString() => Mode == BindingMode.RebindAfterLockPeriod ? $"{Mode} ({LockPeriod})" : Mode.ToString();
}
