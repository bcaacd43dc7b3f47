using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace SocialCommerce.Samples.WebApi.Clock;

/// <summary>
/// A clock ahead of (or behind) another by a fixed offset: in Development, <c>Shop:ClockOffset</c> (e.g.
/// <c>8.00:00:00</c>) runs the shop eight days in the future, so a 7-day return window can be watched closing by hand.
/// </summary>
internal sealed class OffsetClock(IClock inner, Duration offset) : IClock
{
    public Duration Offset => offset;

    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + offset;

    /// <summary>Registers the offset clock when <c>Shop:ClockOffset</c> is set; refuses it outside Development.</summary>
    public static void AddIfConfigured(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Shop:ClockOffset"] is not { Length: > 0 } text)
        {
            return;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Shop:ClockOffset = '{text}' is for Development only (the environment is {environment.EnvironmentName}); remove it.");
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var offset))
        {
            throw new InvalidOperationException($"Shop:ClockOffset = '{text}' is not a time span (days.hh:mm:ss, e.g. 8.00:00:00).");
        }

        services.AddSingleton<IClock>(new OffsetClock(SystemClock.Instance, Duration.FromTimeSpan(offset)));
    }
}
