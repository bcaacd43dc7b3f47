using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Registration;

/// <summary>The README's example, as written there (with a fake clock), so that it keeps compiling and keeps its numbers.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_quotes_19_90_and_9_95()
    {
        var services = new ServiceCollection();
        services.AddSocialCommerce(o => o.DefaultCurrency = "CNY")
            .UseComplianceProfile("cn-social-commerce")
            .AddCommissionPlan(CommissionPlan.CreateBuilder("standard", Currency.CNY)
                .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(2))
                .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)))
                .ReturnWindow(Duration.FromDays(7))   // earnings stay frozen 7 days after delivery (the default is zero)
                .Build());
        using var provider = services.BuildServiceProvider();

        var now = new FakeClock(Instant.FromUtc(2026, 11, 22, 10, 0)).GetCurrentInstant();
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), now);
        network.AddMember(new MemberId(2), new MemberId(1), now);
        network.AddMember(new MemberId(3), new MemberId(2), now);

        var engine = provider.GetRequiredService<CommissionEngine>();
        var sale = new Sale("S-1", new MemberId(3), now, Currency.CNY, [new SaleLine("TEA-1", "tea", 1, new Money(199.00m, Currency.CNY))]);
        var quote = engine.Quote(sale, network);

        Assert.Equal(new[] { 19.90m, 9.95m }, quote.Lines.Select(l => l.Amount.Amount).ToArray());
        Assert.Equal(new Money(29.85m, Currency.CNY), quote.Total);
        Assert.True(quote.Residual.IsZero);
        Assert.Equal(quote.Pool, quote.Total + quote.Residual);

        // The example's plan has the return window the profile asks for: only the team-compensation warning remains.
        Assert.Equal(["SC105"], engine.PlanFindings.Select(f => f.Code));
    }
}
