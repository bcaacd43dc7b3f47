using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialCommerce.Commissions;

namespace SocialCommerce.Extensions.Tests.Configuration;

/// <summary>The ledger's money policy in the SDK's own configuration (issue 26): one LedgerOptions for every ledger, checked at start.</summary>
public sealed class LedgerConfigurationTests
{
    private static IConfigurationSection Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("SocialCommerce");

    private static IHost Host(IConfiguration configuration, Action<ISocialCommerceBuilder>? more = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var sc = builder.Services.AddSocialCommerce().BindConfiguration(configuration);
        more?.Invoke(sc);
        return builder.Build();
    }

    [Fact]
    public async Task The_Ledger_section_is_the_LedgerOptions_singleton()
    {
        using var host = Host(Section("""
            { "SocialCommerce": { "DefaultCurrency": "CNY", "Ledger": {
                "Clawback": "CapAtAvailable", "WithdrawalFee": "0.006",
                "MinimumWithdrawals": [ { "Amount": "1.00" }, { "Amount": "100", "Currency": "JPY" } ],
                "AutoApproveUpTo": [ { "Amount": "50.00", "Currency": "CNY" } ] } } }
            """));
        await host.StartAsync();

        var options = host.Services.GetRequiredService<LedgerOptions>();
        Assert.Equal(ClawbackPolicy.CapAtAvailable, options.Clawback);
        Assert.Equal(Rate.FromFraction(0.006m), options.WithdrawalFee);
        Assert.Equal([new Money(1.00m, Currency.CNY), new Money(100m, Currency.JPY)], options.MinimumWithdrawals);
        Assert.Equal([new Money(50.00m, Currency.CNY)], options.AutoApproveUpTo);
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_ledger_policy_the_singleton_is_the_default_and_code_can_set_it()
    {
        using (var plain = Host(Section("""{ "SocialCommerce": { } }""")))
        {
            Assert.Same(LedgerOptions.Default, plain.Services.GetRequiredService<LedgerOptions>());
        }

        var mine = new LedgerOptions { WithdrawalFee = Rate.Percent(1) };
        using var coded = Host(Section("""{ "SocialCommerce": { } }"""), sc => sc.UseLedgerOptions(mine));
        await coded.StartAsync();
        Assert.Same(mine, coded.Services.GetRequiredService<LedgerOptions>());
        await coded.StopAsync();
    }

    [Fact]
    public async Task Every_bad_ledger_value_stops_the_host_naming_its_path_and_value()
    {
        using var host = Host(Section("""
            { "SocialCommerce": { "Ledger": {
                "Clawback": "Forget", "WithdrawalFee": "1.5", "Minimum": "1",
                "MinimumWithdrawals": [ { "Amount": "1.001", "Currency": "CNY" }, { "Amount": "5", "Currency": "XXX" } ] } } }
            """));
        var message = (await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).Message;

        Assert.Contains("SocialCommerce:Ledger:Clawback 'Forget' is not a clawback policy", message, StringComparison.Ordinal);
        Assert.Contains("SocialCommerce:Ledger:WithdrawalFee '1.5' is not a fraction from 0 to 1", message, StringComparison.Ordinal);
        Assert.Contains("configuration SocialCommerce:Ledger:Minimum is not a ledger setting", message, StringComparison.Ordinal);
        Assert.Contains("SocialCommerce:Ledger:MinimumWithdrawals:0:Amount '1.001' is not a non-negative amount of whole minor units of CNY", message, StringComparison.Ordinal);
        Assert.Contains("SocialCommerce:Ledger:MinimumWithdrawals:1:Currency 'XXX' is not a built-in currency code", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_the_ledger_refuses_stop_the_host_naming_where_they_came_from()
    {
        var twice = new LedgerOptions { MinimumWithdrawals = [new Money(1m, Currency.CNY), new Money(2m, Currency.CNY)] };
        using var host = Host(Section("""{ "SocialCommerce": { } }"""), sc => sc.UseLedgerOptions(twice));
        var message = (await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).Message;
        Assert.Contains("the ledger options (code) are refused", message, StringComparison.Ordinal);
        Assert.Contains("two minimums for CNY", message, StringComparison.Ordinal);
    }
}
