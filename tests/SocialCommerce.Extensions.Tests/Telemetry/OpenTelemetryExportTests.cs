using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SocialCommerce.Commissions;
using SocialCommerce.Extensions.Telemetry;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Telemetry;

/// <summary>
/// What the OpenTelemetry SDK exports, read with its in-memory exporter: a raw MeterListener sees instruments the SDK
/// silently drops (it dropped the old Counter&lt;decimal&gt; of the quoted amount).
/// </summary>
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public void The_quoted_amount_and_the_sales_are_exported_by_the_OpenTelemetry_sdk()
    {
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddSocialCommerceInstrumentation().AddInMemoryExporter(exported).Build();
        var services = new ServiceCollection();
        services.AddSocialCommerce().AddCommissionPlan("otel-export", CommissionPlan.CreateBuilder("otel-export", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Build());
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<Commissions.ICommissionPlanProvider>().GetEngine("otel-export");
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), Instant.FromUtc(2026, 1, 1, 0, 0));
        network.AddMember(new MemberId(2), new MemberId(1), Instant.FromUtc(2026, 1, 1, 0, 0));
        network.AddMember(new MemberId(3), new MemberId(2), Instant.FromUtc(2026, 1, 1, 0, 0));
        engine.Quote(new Sale("S-1", new MemberId(3), Instant.FromUtc(2026, 3, 2, 2, 0), Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(199.00m, Currency.CNY))]), network);

        meters.ForceFlush();
        Assert.Equal(2985, SumFor(exported, "socialcommerce.commission.amount_quoted", ("socialcommerce.currency", "CNY")));
        Assert.Equal(1, SumFor(exported, "socialcommerce.commission.sales_quoted"));
        Assert.Equal("{minor_unit}", exported.Last(m => m.Name == "socialcommerce.commission.amount_quoted").Unit);
    }

    [Fact]
    public void Quotes_are_traced_through_the_OpenTelemetry_sdk()
    {
        var activities = new List<System.Diagnostics.Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSocialCommerceInstrumentation().AddInMemoryExporter(activities).Build();
        var services = new ServiceCollection();
        services.AddSocialCommerce().AddCommissionPlan("otel-trace", CommissionPlan.CreateBuilder("otel-trace", Currency.CNY).Levels(Rate.Percent(10)).Build());
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<Commissions.ICommissionPlanProvider>().GetEngine("otel-trace");
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), Instant.FromUtc(2026, 1, 1, 0, 0));
        network.AddMember(new MemberId(2), new MemberId(1), Instant.FromUtc(2026, 1, 1, 0, 0));
        engine.Quote(new Sale("S-T", new MemberId(2), Instant.FromUtc(2026, 3, 2, 2, 0), Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(10m, Currency.CNY))]), network);

        tracing.ForceFlush();
        Assert.Contains(activities, a => a.OperationName == "socialcommerce.quote");
    }

    [Fact]
    public void The_meter_comes_from_the_hosts_IMeterFactory_when_there_is_one()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSocialCommerce();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var meter = ((SocialCommerceInstrumentation)provider.GetRequiredService<SocialCommerce.Telemetry.SocialCommerceListener>()).Meter;

        Assert.Same(factory, meter.Scope);
        Assert.Equal(SocialCommerceTelemetry.MeterName, meter.Name);
    }

    // Other tests quote in parallel on meters of the same name, and the SDK exports each meter's instrument as its own
    // metric of that name: count only this test's plan, in the metric that holds it (cumulative, so the largest sum).
    private static long SumFor(List<Metric> exported, string name, params (string Key, string Value)[] tags) =>
        exported.Where(m => m.Name == name).Select(m => SumFor(m, tags)).DefaultIfEmpty(0).Max();

    private static long SumFor(Metric metric, (string Key, string Value)[] tags)
    {
        long sum = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var matches = false;
            var others = 0;
            foreach (var tag in point.Tags)
            {
                Assert.StartsWith("socialcommerce.", tag.Key, System.StringComparison.Ordinal); // namespaced attributes
                matches |= tag.Key == "socialcommerce.plan" && Equals(tag.Value, "otel-export");
                others += tags.Count(t => t.Key == tag.Key && Equals(t.Value, tag.Value));
            }

            if (matches && others == tags.Length)
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }
}
