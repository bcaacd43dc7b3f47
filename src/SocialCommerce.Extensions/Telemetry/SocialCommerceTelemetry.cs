namespace SocialCommerce.Extensions.Telemetry;

/// <summary>
/// The names under which the SDK publishes its metrics and traces; subscribe to them with
/// OpenTelemetry (<c>AddMeter(SocialCommerceTelemetry.MeterName)</c>,
/// <c>AddSource(SocialCommerceTelemetry.ActivitySourceName)</c>) or a <c>MeterListener</c>.
/// </summary>
/// <remarks>
/// The instruments, their units and tags (<see cref="SocialCommerceTelemetryTags"/>) are listed in docs/telemetry.md;
/// OpenTelemetry hosts subscribe with <c>AddSocialCommerceInstrumentation()</c> on the meter and tracer provider builders.
/// Nothing is measured while nobody listens: each instrument is checked for listeners before any tag is built.
/// </remarks>
public static class SocialCommerceTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "SocialCommerce";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "SocialCommerce";
}
