using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Errors;

/// <summary>Inputs at the edges that used to slip through or fail with the wrong exception (issue 24).</summary>
public sealed class EdgeInputTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 11, 10, 0);

    private static InvitationBook BookWithBargain(out InvitationId id)
    {
        var book = new InvitationBook(ComplianceProfiles.ChinaSocialCommerce);
        book.AddRule(BargainRule.Create("cut", new BargainRuleOptions { StartPrice = new Money(100m, Currency.CNY), Floor = new Money(1m, Currency.CNY), Helpers = 1, TimeLimit = Duration.FromHours(24) }));
        id = book.Open("cut", new MemberId(1), T0).InvitationId;
        return book;
    }

    [Fact]
    public void A_paid_help_under_an_enforcing_profile_is_refused_in_the_documented_order()
    {
        // Completed comes before the profile's PaidHelpForbidden...
        var book = BookWithBargain(out var id);
        Assert.True(book.Help(id, new MemberId(2), T0).IsAccepted);
        Assert.Equal(InvitationRefusal.Completed, book.Help(id, new MemberId(3), T0, isPaid: true).Refusal);

        // ...and so does Expired (the deadline is exclusive)...
        book = BookWithBargain(out id);
        Assert.Equal(InvitationRefusal.Expired, book.Help(id, new MemberId(3), T0 + Duration.FromHours(24), isPaid: true).Refusal);
        Assert.Equal(InvitationRefusal.PaidHelpForbidden, book.Help(id, new MemberId(3), T0 + Duration.FromHours(24) - Duration.Epsilon, isPaid: true).Refusal);

        // ...and the instant is validated before any refusal.
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Help(id, new MemberId(3), T0 - Duration.Epsilon, isPaid: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Help(id, new MemberId(3), Instant.MaxValue, isPaid: true));
    }

    [Theory]
    [InlineData("""{ "name": "unlock", "kind": "assist", "currency": "CNY", "helpers": 3, "timeLimit": "1:00:00:00", "reward": { "kind": "freeItem", "item": "" } }""", "$.reward.item")]
    [InlineData("""{ "name": "unlock", "kind": "assist", "currency": "CNY", "helpers": 3, "timeLimit": "1:00:00:00", "reward": { "kind": "points", "points": "" } }""", "$.reward.points")]
    [InlineData("""{ "name": "unlock", "kind": "assist", "currency": "CNY", "helpers": 3, "timeLimit": "1:00:00:00", "reward": { "kind": "points", "points": 0 } }""", "$.reward.points")]
    public void An_invitation_document_with_an_empty_reward_value_is_refused_naming_its_path(string json, string path)
    {
        var e = Assert.Throws<InvitationRuleException>(() => InvitationRule.FromJson(json));
        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("0.00000001", true)]
    [InlineData("0.000000001", false)]
    [InlineData("0.0000000000000000000000000001", false)]
    public void A_percent_below_the_supported_precision_is_refused_not_read_as_zero(string percent, bool accepted)
    {
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);
        if (accepted)
        {
            Assert.Equal(value / 100m, Rate.Percent(value).Fraction);
        }
        else
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(value));
            Assert.Equal("percent", e.ParamName);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(1e-28m));
        Assert.Equal(0.0000000001m, Rate.BasisPoints(0.000001m).Fraction);
    }

    [Fact]
    public void A_community_batch_at_the_calendar_edges_is_refused_naming_the_delivery_day()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(10));
        CommunityProduct[] products = [new("durian", new Money(89m, Currency.CNY), 5)];
        foreach (var day in new[] { LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(9999, 1, 1) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityBatch("B-1", new MemberId(1), day, rule, products));
            Assert.Equal("deliveryDate", e.ParamName);
        }

        Assert.Equal(new LocalDateTime(2026, 11, 11, 23, 0), new CommunityBatch("B-1", new MemberId(1), new LocalDate(2026, 11, 12), rule, products).CutOffLocal);
    }

    [Fact]
    public void Growth_evaluated_at_an_instant_the_engines_do_not_support_names_the_argument()
    {
        var program = new GrowthProgram(GrowthPolicy.FromJson("""{ "currency": "CNY", "timeZone": "UTC", "sources": [ { "kind": "task.completed", "rule": "per-activity", "points": 5 } ] }"""), Growth.GrowthExamples.LadderWithoutRetention);
        var state = program.Enrol(new MemberId(1), T0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => program.Evaluate(state, [], Instant.MaxValue));
        Assert.Equal("asOf", e.ParamName);
    }

    [Fact]
    public void A_rewarded_sale_with_a_bad_amount_is_refused_naming_the_amount()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), T0);
        foreach (var amount in new[] { default, new Money(-1m, Currency.CNY), new Money(1e28m, Currency.CNY) })
        {
            var e = Assert.Throws<ArgumentException>(() => ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network, periodSales: [new RewardedSale(new MemberId(1), amount, false)]));
            Assert.Equal("periodSales[0].Amount", e.ParamName);
        }
    }

    [Fact]
    public void A_host_line_beyond_the_supported_precision_is_refused_naming_the_rule()
    {
        foreach (var amount in new[] { 1.0000000000001m, 123456789012345678.12m })
        {
            var rules = new CommissionRuleCatalog().Add(new Precise(amount));
            var plan = CommissionPlan.CreateBuilder("precise", Currency.CNY).Rule("precise").Build(rules);
            var engine = new CommissionEngine(plan, new CommissionEngineOptions { Rules = rules });
            var e = Assert.Throws<InvalidOperationException>(() => engine.Quote(Sale(2, Line("A", "x", 1, 80m)), Chain(1, 2)));
            Assert.Contains("Rule 'precise'", e.Message, StringComparison.Ordinal);
        }

        var fine = new CommissionRuleCatalog().Add(new Precise(1.000000000001m));
        var quote = new CommissionEngine(CommissionPlan.CreateBuilder("precise", Currency.CNY).Rule("precise").Build(fine), new CommissionEngineOptions { Rules = fine })
            .Quote(Sale(2, Line("A", "x", 1, 80m)), Chain(1, 2));
        Assert.Equal(quote.Pool, quote.Total + quote.Residual);
        Assert.Equal(new Money(1m, Currency.CNY), quote.Lines.Single().Amount);
    }

    private sealed class Precise(decimal amount) : ICommissionRule
    {
        public string Name => "precise";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(1, out var referrer))
            {
                context.Add(new CommissionLine { Beneficiary = referrer, Level = 1, Amount = new Money(amount, Currency.CNY) });
            }
        }
    }
}
