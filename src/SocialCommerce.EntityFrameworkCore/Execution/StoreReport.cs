using System;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Reports a stored command to the listener as its in-memory engine does — once, after it committed (or was refused)
/// — discarding what the listener throws: a committed command is never reported as failed.
/// </summary>
internal static class StoreReport
{
    public static void To<TArguments>(SocialCommerceListener? listener, Action<SocialCommerceListener, TArguments> report, TArguments arguments)
    {
        if (listener is null)
        {
            return;
        }

#pragma warning disable CA1031 // the command committed; a listener's failure is not the command's
        try
        {
            report(listener, arguments);
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
