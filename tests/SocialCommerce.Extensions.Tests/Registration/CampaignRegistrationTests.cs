using System;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Registration;

public sealed class CampaignRegistrationTests
{
    private static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);

    private static GroupBuyCampaign Campaign(int quota, bool simulated = false)
    {
        var rule = GroupBuyRule.Create("terms", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(2)).AddTier(3, 0m);
        return GroupBuyCampaign.Create("double-12", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("TEA", new Money(39.90m, Currency.CNY), quota)],
            Rule = (simulated ? rule.AllowSimulatedParticipants(2) : rule).Build(),
        });
    }

    [Fact]
    public void A_campaign_resolves_with_one_book_by_its_name_and_another_under_its_name_is_refused()
    {
        var campaign = Campaign(5);
        var services = new ServiceCollection();
        var builder = services.AddSocialCommerce().AddGroupBuyCampaign(campaign).AddGroupBuyCampaign(campaign);
        Assert.Contains("'double-12' is registered twice", Assert.Throws<InvalidOperationException>(() => builder.AddGroupBuyCampaign(Campaign(6))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => builder.AddGroupBuyCampaign(GroupBuyCampaign.Create("bare", new GroupBuyCampaignOptions
        {
            Starts = Starts,
            Ends = Starts + Duration.FromDays(1),
            Skus = [new CampaignSku("TEA", new Money(1m, Currency.CNY), 1)],
        })));

        using var provider = services.BuildServiceProvider();
        var book = provider.GetRequiredKeyedService<CampaignBook>("double-12");
        Assert.Same(book, provider.GetRequiredKeyedService<CampaignBook>("double-12"));
        Assert.Same(campaign, book.Campaign);
        Assert.Equal(GroupBuyRefusal.TooManyUnits, book.Open("TEA", new MemberId(1), 2, Starts + Duration.FromHours(1)).Group.Refusal); // the rule allows one unit a seat
        Assert.True(book.Open("TEA", new MemberId(1), 1, Starts + Duration.FromHours(1)).IsApplied);
        Assert.Equal(4, provider.GetRequiredKeyedService<CampaignBook>("double-12").Left("TEA"));
    }

    [Fact]
    public void The_registered_compliance_profile_refuses_a_campaign_that_simulates_participants()
    {
        var services = new ServiceCollection();
        services.AddSocialCommerce().UseComplianceProfile(ComplianceProfiles.ChinaSocialCommerce).AddGroupBuyCampaign(Campaign(5, simulated: true));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<ComplianceRefusedException>(() => provider.GetRequiredKeyedService<CampaignBook>("double-12"));
        Assert.Contains(ComplianceCodes.GroupBuySimulatedParticipants, error.Message, StringComparison.Ordinal);
    }
}
