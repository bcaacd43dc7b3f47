using System;

namespace SocialCommerce.Telemetry;

/// <summary>
/// Tells a listener about a change that is already committed. A listener that throws must not make the change look
/// failed (a retry would then see its own effect): telemetry is observation, and its failure is discarded. The one
/// guard: the in-memory engines and the EF Core stores (after their commit) report through it.
/// </summary>
internal static class CommittedReport
{
    /// <summary>Calls <paramref name="report"/> when there is a listener, discarding what it throws; no allocation (pass a static lambda).</summary>
    public static void To<TArguments>(SocialCommerceListener? listener, Action<SocialCommerceListener, TArguments> report, TArguments arguments)
    {
        if (listener is null)
        {
            return;
        }

        try
        {
            report(listener, arguments);
        }
#pragma warning disable CA1031 // a committed change is never reported as failed because a listener threw
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
