using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.State;

/// <summary>Plans, rules, policies and ladders carry a content version; what was decided records it.</summary>
public sealed class VersionTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static CommissionPlan Plan(decimal percent, int windowDays = 7) =>
        CommissionPlan.CreateBuilder("p", Currency.CNY).Levels(Rate.Percent(percent)).ReturnWindow(Duration.FromDays(windowDays)).Build();

    [Fact]
    public void Equal_plans_have_one_version_and_any_change_gives_another()
    {
        Assert.Equal(Plan(10).Version, Plan(10).Version);
        Assert.Equal(Plan(10).Version, CommissionPlan.FromJson("""{"name":"p","currency":"CNY","levels":[{"level":1,"rate":0.1}],"returnWindowDays":7}""").Version);
        Assert.NotEqual(Plan(10).Version, Plan(10.00000001m).Version);
        Assert.NotEqual(Plan(10).Version, Plan(10, 8).Version);
        Assert.StartsWith("sha256:", Plan(10).Version, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_and_the_ledger_sale_booked_from_it_record_the_plan_version()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        network.AddMember(new MemberId(2), new MemberId(1), At);
        var plan = Plan(10);
        var sale = new Sale("S", new MemberId(2), At, Currency.CNY, [new SaleLine("P", "c", 1, new Money(100m, Currency.CNY))]);
        var quote = new CommissionEngine(plan).Quote(sale, network);
        Assert.Equal(plan.Version, quote.PlanVersion);
        Assert.Equal(plan.Version, LedgerSale.FromQuote(sale, quote, plan).PlanVersion);
    }

    [Fact]
    public void Group_buy_and_community_rules_and_growth_programs_have_versions()
    {
        GroupBuyRule Rule(decimal price) => GroupBuyRule.Create("r", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(1)).AddTier(2, price).Build();
        Assert.Equal(Rule(5m).Version, Rule(5m).Version);
        Assert.NotEqual(Rule(5m).Version, Rule(5.01m).Version);

        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Assert.NotEqual(new CommunityBatchRule(zone, new LocalTime(23, 0), 1, Rate.Percent(5)).Version, new CommunityBatchRule(zone, new LocalTime(22, 0), 1, Rate.Percent(5)).Version);

        var changed = GrowthPolicy.FromJson(GrowthExamples.PolicyJson.Replace("\"points\": 20", "\"points\": 21", System.StringComparison.Ordinal));
        Assert.Equal(GrowthExamples.Policy.Version, GrowthPolicy.FromJson(GrowthExamples.PolicyJson).Version);
        Assert.NotEqual(GrowthExamples.Policy.Version, changed.Version);
        Assert.NotEqual(GrowthExamples.Ladder.Version, GrowthExamples.LadderWithoutRetention.Version);

        var program = GrowthExamples.ProgramWithoutRetention;
        var member = new MemberId(5);
        var evaluation = program.Evaluate(program.Enrol(member, At), [GrowthActivity.SignIn(new ActivityId(1), member, At)], At);
        Assert.All(evaluation.Events, e => Assert.Equal(program.Version, e.ProgramVersion));
        Assert.Equal(evaluation.Events.Count, evaluation.State.Version);
        var next = program.Evaluate(evaluation.State, [GrowthActivity.SignIn(new ActivityId(2), member, At + Duration.FromDays(1))], At + Duration.FromDays(1));
        Assert.Equal(evaluation.Events.Count + next.Events.Count, next.State.Version);
    }
}
