using System;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Testing;

namespace Shop.Payouts;

/// <summary>
/// The shop proves its campaign rule with the SocialCommerce.Testing kit: generated networks, plans and sales;
/// the SDK's invariants as checks. This file is the example in docs/testing-your-rules.md.
/// </summary>
public sealed class CategoryCampaignBonusProperties
{
    private static readonly Rate Bonus = Rate.Percent(2);

    private static readonly CommissionRuleCatalog Rules = new CommissionRuleCatalog().Add(new CategoryCampaignBonus("c0", Bonus));

    // 1. Nothing created, nothing lost: the pool is exactly the plan's own proposals plus 2 % of every c0 line.
    [Property(Arbitrary = [typeof(CommissionArbitraries)], MaxTest = 1000)]
    public Property The_campaign_pays_exactly_its_share(CommissionCase sale)
    {
        var quote = sale.Quote(rules: Rules, hostRules: CategoryCampaignBonus.RuleName);
        return CommissionInvariants.Conservation(quote, Entitlement(sale)).ToProperty();
    }

    // 2. Under the China social-commerce profile the bonus never pays deeper than three levels or above the ratio,
    //    and every line goes to the member its level names.
    [Property(MaxTest = 500)]
    public Property The_campaign_stays_within_the_compliance_profile() =>
        Prop.ForAll(
            Arb.From(CommissionCaseGen.Cases(ComplianceProfiles.ChinaSocialCommerce, Currency.CNY), CommissionCaseGen.Shrink),
            sale =>
            {
                var quote = sale.Quote(ComplianceProfiles.ChinaSocialCommerce, Rules, CategoryCampaignBonus.RuleName);
                return CommissionInvariants.RespectsProfile(quote, ComplianceProfiles.ChinaSocialCommerce)
                    .And(CommissionInvariants.PaysTheUpline(quote, sale.BuildNetwork()))
                    .And(CommissionInvariants.Conservation(quote))
                    .ToProperty();
            });

    // 3. The deliberately wrong version (it rounds the bonus up) is caught, and FsCheck shrinks the counterexample.
    [Fact]
    public void A_bonus_that_rounds_up_is_caught_with_a_shrunk_counterexample()
    {
        var wrong = new CommissionRuleCatalog().Add(new RoundedUpCampaignBonus("c0", Bonus));
        var property = Prop.ForAll(
            CommissionArbitraries.Cases(),
            sale => CommissionInvariants.Conservation(sale.Quote(rules: wrong, hostRules: CategoryCampaignBonus.RuleName), Entitlement(sale)).ToProperty());

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property));

        Assert.Contains("commission conservation violated", failure.Message, StringComparison.Ordinal);
        Assert.Contains("created", failure.Message, StringComparison.Ordinal);
        var shrinks = Regex.Match(failure.Message, @"\((\d+) shrinks?\)");
        Assert.True(shrinks.Success && int.Parse(shrinks.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, failure.Message);

        // The shrunk case is small: one sale line is enough to show the extra money.
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk:", StringComparison.Ordinal)..];
        Assert.Matches(@"Sale\(CNY: [^;]*\)", shrunk);
    }

    /// <summary>
    /// What the plan and the campaign may propose, from their specifications rather than from the rule's code: the
    /// plan's own pool (the same case quoted without the campaign), plus 2 % of the base of every c0 line when the
    /// buyer has a referrer who may earn.
    /// </summary>
    private static Money Entitlement(CommissionCase sale)
    {
        var planOnly = sale.Quote().Pool;
        var referrer = sale.Network.ParentOf(sale.Buyer);
        if (referrer < 0 || (sale.Plan.OnlyEnabledDistributors && !sale.Enabled[referrer]))
        {
            return planOnly;
        }

        var campaignBase = sale.Sale.Lines
            .Where(line => line.Category == "c0")
            .Sum(line => line.PaidMinorUnits + (sale.Plan.IncludeShipping ? line.ShippingMinorUnits : 0));
        return planOnly + (Money.FromMinorUnits(campaignBase, Currency.CNY) * Bonus.Fraction);
    }
}
