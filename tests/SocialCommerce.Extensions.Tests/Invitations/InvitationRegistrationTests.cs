using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Invitations;

public sealed class InvitationRegistrationTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 11, 10, 0);

    private static IHost Host(Action<ISocialCommerceBuilder> register, string? json = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var sc = json is null
            ? builder.Services.AddSocialCommerce()
            : builder.Services.AddSocialCommerce(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("SocialCommerce"));
        register(sc);
        return builder.Build();
    }

    private static BargainRule Bargain(string name, Action<BargainRuleOptions>? configure = null)
    {
        var options = new BargainRuleOptions { StartPrice = new Money(99m, Currency.CNY), Floor = new Money(1m, Currency.CNY), Helpers = 3 };
        configure?.Invoke(options);
        return BargainRule.Create(name, options);
    }

    [Fact]
    public async Task Rules_from_code_documents_and_configuration_are_in_the_book_and_usable()
    {
        const string json = """
        { "SocialCommerce": { "DefaultCurrency": "USD", "InvitationRules": {
            "free-tea": { "kind": "assist", "helpers": 2, "reward": { "kind": "freeItem", "item": "TEA-1" } },
            "usd-cut": { "kind": "bargain", "startPrice": "20.00", "floor": "5.00", "helpers": 3 } } } }
        """;
        using var host = Host(
            sc => sc.AddInvitationRule(Bargain("cut-to-1"))
                .AddInvitationRuleDocument("coupon", """{"kind":"assist","currency":"CNY","helpers":3,"reward":{"kind":"coupon","value":"20.00"}}"""),
            json);
        await host.StartAsync();
        var book = host.Services.GetRequiredService<InvitationBook>();

        Assert.Equal(4, book.Rules.Count);
        Assert.Equal(new Money(5m, Currency.USD), ((BargainRule)book.GetRule("usd-cut")).Floor); // the default currency applies
        var opened = book.Open("cut-to-1", new MemberId(1), At, seed: 11);
        Assert.True(book.Help(opened.InvitationId, new MemberId(2), At).IsAccepted);
        Assert.Null(host.Services.GetService<ReferralRewardBook>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_later_registration_of_a_name_replaces_the_earlier_one()
    {
        using var host = Host(sc => sc.AddInvitationRule(Bargain("cut")).AddInvitationRule(Bargain("cut", o => o.Helpers = 5)));
        await host.StartAsync();
        Assert.Equal(5, host.Services.GetRequiredService<InvitationBook>().GetRule("cut").Helpers);
    }

    [Fact]
    public async Task A_refused_or_malformed_rule_stops_the_host_naming_it_and_every_failure_is_reported()
    {
        using var host = Host(sc => sc
            .UseComplianceProfile(ComplianceProfiles.ChinaSocialCommerce)
            .AddInvitationRule(Bargain("paid", o => o.AllowsPaidHelp = true))
            .AddInvitationRule(Bargain("new-only", o => o.Eligibility = HelperEligibility.NewMembersOnly))
            .AddInvitationRuleDocument("broken", """{"kind":"bargain","currency":"CNY","startPrice":"9","floor":"10","helpers":1}""")
            .AddInvitationRuleDocument("other", """{"kind":"assist","name":"not-other","currency":"CNY","helpers":1,"reward":{"kind":"points","points":5}}"""));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("invitation rule 'paid'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SC501", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invitation rule 'new-only'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SC502", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invitation rule 'broken' (code document) is refused: Invitation rule 'broken': Floor = 10.00 CNY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("registered as 'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_rewards_resolve_once_registered_and_are_checked_with_the_plan()
    {
        var plan = CommissionPlan.CreateBuilder("direct", Currency.CNY).Levels(Rate.Percent(25)).Build();
        var rule = ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
        {
            MinimumPurchase = new Money(50m, Currency.CNY),
            InviterReward = ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
        });
        using var host = Host(sc => sc.UseComplianceProfile(ComplianceProfiles.ChinaDirectSelling).AddCommissionPlan(plan).UseReferralRewards(rule, "default"));
        await host.StartAsync();

        var book = host.Services.GetRequiredService<ReferralRewardBook>();
        var sale = new Sale("S-1", new MemberId(2), At, Currency.CNY, [new SaleLine("P", "c", 1, new Money(100m, Currency.CNY))]);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        network.AddMember(new MemberId(2), new MemberId(1), At);
        var quote = host.Services.GetRequiredService<CommissionEngine>().Quote(sale, network);
        var claim = book.Claim(sale, new NetworkMember(new MemberId(2), new MemberId(1), At), quote);
        Assert.Equal(new Money(5m, Currency.CNY), claim.Grant!.InviterMoney); // 30 % − 25 % of 100.00
        Assert.Same(book, host.Services.GetRequiredService<ReferralRewardBook>());

        using var missing = Host(sc => sc.UseReferralRewards(rule, "nope"));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => missing.StartAsync());
        Assert.Contains("commission plan 'nope'", ex.Message, StringComparison.Ordinal);
    }
}
