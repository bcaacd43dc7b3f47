using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>SC106: a return window shorter than the buyers' legal right to return goods is a warning, with the law cited.</summary>
public sealed class ReturnWindowCheckTests
{
    private static CommissionPlan Plan(Duration window) =>
        CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(10)).ReturnWindow(window).Build();

    [Theory]
    [InlineData("cn-social-commerce", 0, true)]
    [InlineData("cn-social-commerce", 6, true)]
    [InlineData("cn-social-commerce", 7, false)]
    [InlineData("cn-direct-selling", 3, true)]
    [InlineData("two-level-distribution", 0, true)]
    [InlineData("eu-ucpd", 7, true)]
    [InlineData("eu-ucpd", 14, false)]
    [InlineData("us-ftc-mlm", 0, false)]
    public void A_plan_that_releases_before_the_legal_return_period_gets_a_warning(string profileName, int days, bool warned)
    {
        var profile = ComplianceProfiles.Get(profileName);
        var decision = profile.CheckPlan(Plan(Duration.FromDays(days)).ToPlanFacts());
        var finding = decision.Findings.SingleOrDefault(f => f.Code == ComplianceCodes.PlanReturnWindowShort);
        Assert.Equal(warned, finding is not null);
        if (finding is not null)
        {
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
            Assert.Contains($"releases commissions {days} day(s) after a sale completes", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains($"at least {profile.MinReturnWindow!.Value.TotalDays} days", finding.Message, System.StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(finding.Citation));
            Assert.False(decision.IsRefused);
        }
    }

    [Fact]
    public void Facts_without_a_return_window_and_windows_of_hours_are_handled()
    {
        Assert.DoesNotContain(
            ComplianceProfiles.ChinaSocialCommerce.CheckPlan(new PlanFacts("host-plan", 1, Rate.Percent(10), false, false)).Findings,
            f => f.Code == ComplianceCodes.PlanReturnWindowShort);
        var halfDay = ComplianceProfiles.ChinaSocialCommerce.CheckPlan(Plan(Duration.FromHours(12)).ToPlanFacts()).Findings.Single(f => f.Code == ComplianceCodes.PlanReturnWindowShort);
        Assert.Contains("0.5 day(s)", halfDay.Message, System.StringComparison.Ordinal);
        Assert.Equal(Duration.FromDays(3), Plan(Duration.FromDays(3)).ToPlanFacts().ReturnWindow);
    }
}
