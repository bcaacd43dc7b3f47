using System.Collections.Generic;
using System.IO;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

/// <summary>Prints a commission statement for a small referral network.</summary>
internal static class CommissionsDemo
{
    public static void Run(TextWriter output)
    {
        // Alice (1) invited Bob (2), Bob invited Carol (3), Carol invited Dave (4); Eve (5) came through Dave.
        var start = Instant.FromUtc(2026, 11, 1, 9, 0);
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), start);
        network.AddMember(new MemberId(2), new MemberId(1), start);
        network.AddMember(new MemberId(3), new MemberId(2), start);
        network.AddMember(new MemberId(4), new MemberId(3), start);
        network.AddMember(new MemberId(5), new MemberId(4), start);
        var names = new Dictionary<MemberId, string>
        {
            [new MemberId(1)] = "Alice",
            [new MemberId(2)] = "Bob",
            [new MemberId(3)] = "Carol",
            [new MemberId(4)] = "Dave",
            [new MemberId(5)] = "Eve",
        };

        const string document = """
            {
              "name": "autumn-2026",
              "currency": "CNY",
              "levels": [ { "level": 1, "rate": 0.10 }, { "level": 2, "rate": 0.05 } ],
              "overrides": [
                { "category": "books", "levels": [ { "level": 1, "rate": 0.15 }, { "level": 2, "rate": 0.05 } ] },
                { "product": "TEA-GIFT", "levels": [ { "level": 1, "fixedPerUnit": 8.00 }, { "level": 2, "fixedPerUnit": 3.00 } ] }
              ],
              "eligibility": "enabledDistributors",
              "ineligibleShare": "compress",
              "caps": { "saleRatio": 0.25 },
              "returnWindowDays": 7
            }
            """;
        var plan = CommissionPlan.FromJson(document);
        var profile = new ComplianceProfile { Name = "two-level-distribution", MaxPaidDepth = 2, MaxPayoutRatio = Rate.Percent(30) };
        var engine = new CommissionEngine(plan, new CommissionEngineOptions { Compliance = profile });

        // Dave is not an enabled distributor: a share meant for him passes up to the next enabled member,
        // but never more than two network links above the buyer (the plan's paid depth).
        var enabled = new HashSet<MemberId> { new(1), new(2), new(3) };
        var bookAndTea = new Sale(
            "ORDER-1001",
            new MemberId(5),
            start + Duration.FromDays(3),
            Currency.CNY,
            [
                new SaleLine("BOOK-42", "books", 1, new Money(68.00m, Currency.CNY)),
                new SaleLine("TEA-GIFT", "tea", 2, new Money(176.00m, Currency.CNY), shipping: new Money(12.00m, Currency.CNY)),
            ])
        { EnabledDistributors = enabled };
        var mug = new Sale(
            "ORDER-1002",
            new MemberId(4),
            start + Duration.FromDays(4),
            Currency.CNY,
            [new SaleLine("MUG-7", "kitchen", 1, new Money(39.90m, Currency.CNY))])
        { EnabledDistributors = enabled };

        output.WriteLine($"Commission statement — plan '{plan.Name}' (paid depth {plan.PaidDepth}, return window {plan.ReturnWindow.Days} days), profile '{profile.Name}'");
        var totals = new SortedDictionary<string, Money>(System.StringComparer.Ordinal);
        foreach (var sale in new[] { bookAndTea, mug })
        {
            var quote = engine.Quote(sale, network);
            output.WriteLine($"Sale {quote.SaleId} by {names[quote.Buyer]}: base {quote.Base} (shipping excluded)");
            foreach (var line in quote.Lines)
            {
                output.WriteLine($"  {names[line.Beneficiary],-6} {line.Amount,10}  {line.Explanation}");
                var name = names[line.Beneficiary];
                totals[name] = totals.TryGetValue(name, out var sum) ? sum + line.Amount : line.Amount;
            }

            output.WriteLine($"  Pool {quote.Pool}, paid {quote.Total}, kept by the platform {quote.Residual} (of which rounding {quote.RoundingResidual})");
            foreach (var adjustment in quote.Adjustments)
            {
                output.WriteLine($"  Adjustment: {adjustment}");
            }

            foreach (var finding in quote.Findings)
            {
                output.WriteLine($"  Finding: {finding}");
            }
        }

        output.WriteLine("Totals (pending until each order completes, then frozen for the return window):");
        foreach (var (name, total) in totals)
        {
            output.WriteLine($"  {name,-6} {total,10}");
        }
    }
}
