namespace SocialCommerce.Extensions.Telemetry;

/// <summary>
/// The names under which the SDK publishes its metrics and traces; subscribe to them with
/// OpenTelemetry (<c>AddMeter(SocialCommerceTelemetry.MeterName)</c>,
/// <c>AddSource(SocialCommerceTelemetry.ActivitySourceName)</c>) or a <c>MeterListener</c>.
/// </summary>
/// <remarks>
/// Instruments (all counters unless noted; tags in brackets):
/// <list type="bullet">
/// <item><c>socialcommerce.commission.sales_quoted</c> [plan]</item>
/// <item><c>socialcommerce.commission.amount_quoted</c> (decimal, in the currency's units) [plan, currency]</item>
/// <item><c>socialcommerce.commission.lines</c> (histogram of lines per quote) [plan]</item>
/// <item><c>socialcommerce.compliance.lines_truncated</c>, <c>socialcommerce.compliance.lines_capped</c> [plan]</item>
/// <item><c>socialcommerce.compliance.findings</c> [code, severity, scope]</item>
/// <item><c>socialcommerce.groupbuy.groups_opened</c>, <c>.groups_formed</c>, <c>.groups_failed</c> [rule]</item>
/// <item><c>socialcommerce.community.products_confirmed</c>, <c>.products_refunded</c></item>
/// <item><c>socialcommerce.growth.promotions</c>, <c>socialcommerce.growth.demotions</c> [level]</item>
/// </list>
/// Nothing is measured while nobody listens: each instrument is checked for listeners before any tag is built.
/// </remarks>
public static class SocialCommerceTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "SocialCommerce";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "SocialCommerce";
}
