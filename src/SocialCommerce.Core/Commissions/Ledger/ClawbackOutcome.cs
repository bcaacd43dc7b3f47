using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// How a clawback of released money splits under a <see cref="ClawbackPolicy"/>: what the available balance gives,
/// and how the shortfall is written off, forgiven or carried as debt. The one place the policy is decided, for the
/// single ledger and for the split accounts alike.
/// </summary>
internal readonly record struct ClawbackOutcome(long Taken, long WrittenOff, long Forgiven, long Debt)
{
    public static ClawbackOutcome Of(ClawbackPolicy policy, long delta, long available, long withdrawn, long forgivenSoFar)
    {
        var taken = Math.Min(available, delta);
        var shortfall = delta - taken;
        if (shortfall == 0)
        {
            return new ClawbackOutcome(taken, 0, 0, 0);
        }

        if (policy == ClawbackPolicy.CapAtAvailable)
        {
            return new ClawbackOutcome(taken, shortfall, 0, 0);
        }

        var forgiven = policy == ClawbackPolicy.ForgiveWithdrawn ? Math.Max(0, Math.Min(shortfall, withdrawn - forgivenSoFar)) : 0;
        return new ClawbackOutcome(taken, 0, forgiven, shortfall - forgiven);
    }
}
