using System;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

// The main job, natively compiled: register a plan (and a custom rule, created by the container), quote a sale, book
// it, and round-trip the ledger's state through the JSON contract. Exit code 1 if anything differs from the expected.
var services = new ServiceCollection();
services.AddSocialCommerce(o => o.DefaultCurrency = "CNY")
    .UseComplianceProfile(ComplianceProfiles.ChinaSocialCommerce)
    .AddCommissionRule<WelcomeBonus>()
    .AddCommissionPlanDocument("default", """{ "currency": "CNY", "levels": [ { "level": 1, "rate": 0.1 }, { "level": 2, "rate": 0.05 } ], "rules": ["welcome-bonus"] }""");
using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<CommissionEngine>();

var at = Instant.FromUtc(2026, 11, 11, 2, 0);
var network = new ReferralNetwork();
network.AddMember(new MemberId(1), at);
network.AddMember(new MemberId(2), new MemberId(1), at);
network.AddMember(new MemberId(3), new MemberId(2), at);
var sale = new Sale("S-1", new MemberId(3), at, Currency.CNY, [new SaleLine("TEA-1", "tea", 1, new Money(199.00m, Currency.CNY))]);
var quote = engine.Quote(sale, network);

var ledger = new CommissionLedger(new LedgerOptions());
var posted = ledger.Post(LedgerSale.FromQuote(sale, quote, engine.Plan));
var json = SocialCommerceJson.Serialize(ledger.ToSnapshot());
var restored = CommissionLedger.FromSnapshot(SocialCommerceJson.Deserialize<LedgerSnapshot>(json)!, new LedgerOptions());
var pending = restored.GetBalance(new MemberId(2), Currency.CNY).Pending;

foreach (var line in quote.Lines)
{
    Console.WriteLine(line.Explanation);
}

Console.WriteLine($"total {quote.Total}, posting {posted.Outcome}, member 2 pending after restore {pending}");
var expected = new Money(19.90m + 1.00m, Currency.CNY);
if (quote.Total != new Money(19.90m + 9.95m + 1.00m, Currency.CNY) || pending != expected)
{
    Console.Error.WriteLine($"AOT SMOKE FAILED: expected total 30.85 CNY and 20.90 CNY pending, got {quote.Total} and {pending}");
    return 1;
}

return 0;

/// <summary>A host rule built by the container: 1.00 CNY to the buyer's referrer on every sale.</summary>
internal sealed class WelcomeBonus : ICommissionRule
{
    public string Name => "welcome-bonus";

    public void Apply(CommissionRuleContext context)
    {
        if (context.TryGetUpline(1, out var referrer))
        {
            var amount = new Money(1.00m, context.Sale.Currency);
            context.Add(new CommissionLine { Beneficiary = referrer, Level = 1, SaleLineIndex = 0, Base = amount, Amount = amount, Note = "welcome bonus" });
        }
    }
}
