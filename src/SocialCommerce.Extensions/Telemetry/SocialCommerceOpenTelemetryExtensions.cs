using System;
using SocialCommerce.Extensions.Telemetry;

namespace OpenTelemetry.Metrics
{
    /// <summary>Subscribes an OpenTelemetry meter provider to the SDK's metrics.</summary>
    public static class SocialCommerceMeterProviderBuilderExtensions
    {
        /// <summary>Adds the SDK's meter (<see cref="SocialCommerceTelemetry.MeterName"/>) to the provider.</summary>
        /// <param name="builder">The provider's builder, e.g. from <c>services.AddOpenTelemetry().WithMetrics(...)</c>.</param>
        /// <returns>The builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        public static MeterProviderBuilder AddSocialCommerceInstrumentation(this MeterProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddMeter(SocialCommerceTelemetry.MeterName);
        }
    }
}

namespace OpenTelemetry.Trace
{
    /// <summary>Subscribes an OpenTelemetry tracer provider to the SDK's activities.</summary>
    public static class SocialCommerceTracerProviderBuilderExtensions
    {
        /// <summary>Adds the SDK's activity source (<see cref="SocialCommerceTelemetry.ActivitySourceName"/>) to the provider.</summary>
        /// <param name="builder">The provider's builder, e.g. from <c>services.AddOpenTelemetry().WithTracing(...)</c>.</param>
        /// <returns>The builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        public static TracerProviderBuilder AddSocialCommerceInstrumentation(this TracerProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddSource(SocialCommerceTelemetry.ActivitySourceName);
        }
    }
}
