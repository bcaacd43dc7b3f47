using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>Sale-scope findings cite the profile's own citations, as plan and network findings do.</summary>
public sealed class SaleCitationTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);

    private sealed class ThirdLevelBonus : ICommissionRule
    {
        public string Name => "third-level-bonus";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(3, out var member))
            {
                context.Add(new CommissionLine { Beneficiary = member, Level = 3, SaleLineIndex = 0, Amount = new Money(1m, context.Sale.Currency) });
            }
        }
    }

    private static ReferralNetwork Chain()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var m = 2; m <= 5; m++)
        {
            network.AddMember(new MemberId(m), new MemberId(m - 1), At);
        }

        return network;
    }

    private static readonly ComplianceProfile HostProfile = new()
    {
        Name = "host",
        MaxPaidDepth = 1,
        MaxPayoutRatio = Rate.Percent(10),
        Citations = new Dictionary<string, string>
        {
            [ComplianceCodes.SaleLineBeyondPaidDepth] = "Host policy 4.1 (one level)",
            [ComplianceCodes.SalePayoutRatioCapped] = "Host policy 4.2 (10 % of the sale)",
        },
    };

    [Fact]
    public void Truncation_and_capping_cite_the_hosts_own_citations()
    {
        var catalog = new CommissionRuleCatalog().Add(new ThirdLevelBonus());
        var plan = CommissionPlan.CreateBuilder("p", Currency.CNY)
            .Levels(Rate.Percent(5))
            .ProductOverride("P", o => o.FixedPerUnit(1, new Money(50m, Currency.CNY)))
            .Rule("third-level-bonus")
            .Build(catalog);
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = HostProfile, Rules = catalog });
        var sale = new Sale("S", new MemberId(5), At, Currency.CNY, [new SaleLine("P", "c", 1, new Money(100m, Currency.CNY))]);

        var quote = engine.Quote(sale, Chain());

        Assert.Equal("Host policy 4.1 (one level)", quote.Findings.Single(f => f.Code == ComplianceCodes.SaleLineBeyondPaidDepth).Citation);
        Assert.Equal("Host policy 4.2 (10 % of the sale)", quote.Findings.Single(f => f.Code == ComplianceCodes.SalePayoutRatioCapped).Citation);
        Assert.Equal(10m, quote.Total.Amount);
    }
}
