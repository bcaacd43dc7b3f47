using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialCommerce.Extensions;

namespace SocialCommerce.Extensions.Tests.Registration;

public sealed class AddSocialCommerceTests
{
    private static IHost BuildHost(Action<SocialCommerceOptions>? configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSocialCommerce(configure);
        return builder.Build();
    }

    [Fact]
    public async Task Valid_options_start_the_host()
    {
        using var host = BuildHost(o => { o.DefaultCurrency = "USD"; o.DefaultTimeZone = "America/New_York"; });
        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<SocialCommerceOptions>>().Value;
        Assert.Equal("USD", options.DefaultCurrency);
        Assert.Equal("America/New_York", options.DefaultTimeZone);
        await host.StopAsync();
    }

    [Fact]
    public async Task Defaults_are_yuan_and_shanghai()
    {
        using var host = BuildHost(null);
        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<SocialCommerceOptions>>().Value;
        Assert.Equal("CNY", options.DefaultCurrency);
        Assert.Equal("Asia/Shanghai", options.DefaultTimeZone);
        await host.StopAsync();
    }

    [Fact]
    public async Task Unknown_currency_stops_the_host_naming_the_value()
    {
        using var host = BuildHost(o => o.DefaultCurrency = "XYZ");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DefaultCurrency 'XYZ'", ex.Message);
    }

    [Fact]
    public async Task Unknown_time_zone_stops_the_host_naming_the_value_and_every_failure_is_reported()
    {
        using var host = BuildHost(o => { o.DefaultTimeZone = "Mars/Olympus_Mons"; o.DefaultCurrency = "cny"; });
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DefaultTimeZone 'Mars/Olympus_Mons'", ex.Message);
        Assert.Contains("DefaultCurrency 'cny'", ex.Message);
    }

    [Fact]
    public void Validation_also_runs_through_a_plain_service_provider()
    {
        var services = new ServiceCollection();
        services.AddSocialCommerce(o => o.DefaultTimeZone = "Nowhere/Land");
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SocialCommerceOptions>>().Value);
        Assert.Contains("Nowhere/Land", ex.Message);
    }

    [Fact]
    public void Calling_it_twice_registers_the_validator_once()
    {
        var services = new ServiceCollection();
        services.AddSocialCommerce();
        services.AddSocialCommerce(o => o.DefaultCurrency = "EUR");
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<SocialCommerceOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("EUR", provider.GetRequiredService<IOptions<SocialCommerceOptions>>().Value.DefaultCurrency);
    }

    [Fact]
    public void Null_services_are_refused() =>
        Assert.Throws<ArgumentNullException>(() => SocialCommerceServiceCollectionExtensions.AddSocialCommerce(null!));
}
