using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class GroupBuyBookComplianceTests
{
    private static GroupBuyRule Rule(string name, bool simulated)
    {
        var builder = GroupBuyRule.Create(name, Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(24)).AddTier(3, 9.90m);
        return (simulated ? builder.AllowSimulatedParticipants(2) : builder).Build();
    }

    [Fact]
    public void An_enforcing_profile_refuses_a_rule_with_simulated_participants_and_adds_nothing()
    {
        var book = new GroupBuyBook(ComplianceProfiles.ChinaSocialCommerce);
        var ex = Assert.Throws<ComplianceRefusedException>(() => book.AddRule(Rule("bots", simulated: true)));
        Assert.Contains(ComplianceCodes.GroupBuySimulatedParticipants, ex.Message);
        Assert.Contains("bots", ex.Message);
        Assert.Throws<UnknownGroupBuyRuleException>(() => book.GetRule("bots"));
    }

    [Fact]
    public void A_rule_without_simulated_participants_is_accepted()
    {
        var book = new GroupBuyBook(ComplianceProfiles.ChinaSocialCommerce);
        book.AddRule(Rule("real", simulated: false));
        Assert.Equal("real", book.GetRule("real").Name);
    }

    [Fact]
    public void An_auditing_profile_accepts_the_rule()
    {
        var book = new GroupBuyBook(ComplianceProfiles.ChinaSocialCommerce with { Mode = ComplianceMode.Audit });
        book.AddRule(Rule("bots", simulated: true));
        Assert.True(book.GetRule("bots").AllowsSimulatedParticipants);
    }
}
