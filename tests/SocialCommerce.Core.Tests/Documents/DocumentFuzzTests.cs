using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Tests.Fuzzing;

namespace SocialCommerce.Core.Tests.Documents;

/// <summary>
/// Seeded mutations of valid documents: each is either refused with the documented exception naming a JSON path, or
/// accepted and then usable — a plan quotes a sale whose quote books, completes and releases in the ledger; a
/// group-buy rule opens, fills and closes groups; a growth policy evaluates every kind of activity.
/// </summary>
public sealed class DocumentFuzzTests
{
    private const int Mutations = 10_000;

    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 10, 0);

    private const string Plan = """
        {
          "name": "full", "currency": "CNY",
          "levels": [ { "level": 1, "rate": 0.1 }, { "level": 2, "rate": 0.05 }, { "level": 3, "rate": 0.033333 } ],
          "selfPurchaseRate": 0.02,
          "overrides": [
            { "category": "books", "levels": [ { "level": 1, "rate": 0.2 } ] },
            { "product": "TEA-1", "levels": [ { "level": 1, "fixedPerUnit": 5 }, { "level": 2, "fixedPerUnit": "2.00 CNY" } ] }
          ],
          "eligibility": "enabledDistributors", "ineligibleShare": "compress",
          "caps": { "saleRatio": 0.3, "perBeneficiary": 50 },
          "includeShippingInBase": true, "returnWindowDays": 7,
          "rankDifferential": null
        }
        """;

    private const string Differential = """
        { "name": "diff", "currency": "CNY", "rankDifferential": { "depth": 3, "rankRates": [ 0, 0.05, 0.08, 0.12 ] }, "returnWindowDays": 14 }
        """;

    private const string GroupRule = """
        {
          "name": "ladder-5", "currency": "CNY", "requiredParticipants": 3, "maximumParticipants": 5,
          "timeLimit": "1:00:00:00",
          "tiers": [ { "participants": 2, "price": 9.90 }, { "participants": 3, "price": 7.90 } ],
          "leaderPerk": { "kind": "fixedDiscount", "amount": 2.00 },
          "newMembersOnly": false, "maxOpenGroupsPerMember": 3,
          "allowsSimulatedParticipants": true, "minimumRealParticipants": 2
        }
        """;

    [Fact]
    public void Every_mutated_commission_plan_is_refused_with_a_path_or_quotes_and_books()
    {
        var network = Chain();
        var refused = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var json = DocumentMutator.Mutate(seed % 4 == 0 ? Differential : Plan, seed);
            CommissionPlan plan;
            try
            {
                plan = CommissionPlan.FromJson(json);
            }
            catch (InvalidCommissionPlanException e)
            {
                AssertNamesPath(json, e.Path, e.Message);
                refused++;
                continue;
            }

            Use(plan, network, json);
        }

        AssertBothOutcomes(refused);
    }

    [Fact]
    public void Every_mutated_group_buy_rule_is_refused_with_a_path_or_opens_fills_and_closes()
    {
        var refused = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var json = DocumentMutator.Mutate(GroupRule, seed);
            GroupBuyRule rule;
            try
            {
                rule = GroupBuyRule.FromJson(json);
            }
            catch (GroupBuyRuleFormatException e)
            {
                AssertNamesPath(json, e.Path, e.Message);
                refused++;
                continue;
            }

            Use(rule, json);
        }

        AssertBothOutcomes(refused);
    }

    [Fact]
    public void Every_mutated_growth_policy_is_refused_with_a_path_or_evaluates_every_kind_of_activity()
    {
        var ladder = Growth.GrowthExamples.LadderWithoutRetention;
        var refused = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var json = DocumentMutator.Mutate(Growth.GrowthExamples.PolicyJson, seed);
            GrowthPolicy policy;
            try
            {
                policy = GrowthPolicy.FromJson(json);
            }
            catch (GrowthPolicyException e)
            {
                AssertNamesPath(json, e.Path, e.Message);
                refused++;
                continue;
            }

            Use(policy, ladder, json);
        }

        AssertBothOutcomes(refused);
    }

    [Fact]
    public void Every_mutated_coupon_template_is_refused_with_a_path_or_issues_and_allocates() =>
        // Half of the seeds mutate an amount-off template in a window, half a capped percent-off one valid for days.
        FuzzRuleDocument(seed => seed % 2 == 0 ? Coupons.CouponTemplateDocumentTests.Double11 : Coupons.CouponTemplateDocumentTests.Members, SocialCommerce.Coupons.CouponTemplate.FromJson, (template, json) =>
        {
            // Whatever was accepted issues within its limits and its coupon allocates at checkout without an exception.
            var issuance = new SocialCommerce.Coupons.CouponIssuance(template);
            var issued = issuance.Issue("C-1", new MemberId(1), Instant.FromUtc(2026, 11, 11, 6, 0), isNewMember: true, out var coupon);
            if (coupon is not null)
            {
                var currency = template.Offer.Off?.Currency ?? template.Offer.Cap?.Currency ?? template.Offer.MinimumSpend?.Currency ?? Currency.CNY;
                var cart = new SocialCommerce.Checkout.Cart(currency, [new SocialCommerce.Checkout.CartLine("TEA-1", "tea", 3, new Money(99m, currency))]);
                SocialCommerce.Checkout.CheckoutAllocator.Allocate(cart, [coupon.ToApplied()]);
            }

            Assert.True(issued.IsApplied || issued.Outcome == SocialCommerce.Coupons.CouponOutcome.Refused, json);
        });

    [Fact]
    public void Every_mutated_points_policy_is_refused_with_a_path_or_earns_and_redeems() =>
        FuzzRuleDocument(_ => Points.PointsPolicyDocumentTests.Shop, SocialCommerce.Points.PointsPolicy.FromJson, (policy, json) =>
        {
            // Whatever was accepted earns for a sale, a sign-in and each task into a wallet and pays at checkout without an exception.
            if (policy.SignIn is { } signIn)
            {
                Assert.True(new SocialCommerce.Points.PointsWallet().SignIn(signIn, At).IsApplied, json);
            }

            foreach (var task in policy.Tasks)
            {
                Assert.True(new SocialCommerce.Points.PointsWallet().CompleteTask(task, "done-1", At).IsApplied, json);
            }

            if ((policy.Earning?.Currency ?? policy.Redemption?.Currency) is not { } currency)
            {
                return;
            }


            var line = new Money(199m, currency);
            if (policy.Earning is { } earning)
            {
                var sale = new Sale("S-1", new MemberId(1), At, currency, [new SaleLine("TEA-1", "tea", 2, line)]);
                if (earning.EarningFor(sale) is { } lot)
                {
                    Assert.True(new SocialCommerce.Points.PointsWallet().Earn(lot).IsApplied, json);
                }
            }

            if (policy.Redemption is { } redemption)
            {
                var cart = new SocialCommerce.Checkout.Cart(currency, [new SocialCommerce.Checkout.CartLine("TEA-1", "tea", 2, line)]);
                SocialCommerce.Checkout.CheckoutAllocator.Allocate(cart, [], 1_000, redemption);
            }
        });

    // Mutates a rule document 10,000 times: each is refused by the document's InvalidRuleException naming a path, or is
    // used without any other exception; both happen.
    private static void FuzzRuleDocument<TRule>(Func<int, string> document, Func<string, TRule> parse, Action<TRule, string> use)
    {
        var refused = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var json = DocumentMutator.Mutate(document(seed), seed);
            TRule rule;
            try
            {
                rule = parse(json);
            }
            catch (InvalidRuleException e)
            {
                AssertNamesPath(json, e.Path, e.Message);
                refused++;
                continue;
            }

            use(rule, json);
        }

        AssertBothOutcomes(refused);
    }

    [Fact]
    public void The_mutator_is_deterministic_and_produces_variety()
    {
        Assert.Equal(DocumentMutator.Mutate(Plan, 42), DocumentMutator.Mutate(Plan, 42));
        var distinct = Enumerable.Range(0, 500).Select(s => DocumentMutator.Mutate(Plan, s)).Distinct().Count();
        Assert.True(distinct > 400, $"only {distinct} distinct mutations of 500");
    }

    [Theory]
    [InlineData("{\"name\":\"p\",\"currency\":\"CNY\",\"levels\":[{\"level\":1,\"rate\":0.1,\"rate\":0.9}]}")]
    [InlineData("{\"name\":\"p\",\"currency\":\"CNY\",\"currency\":\"USD\"}")]
    public void A_plan_document_with_a_duplicated_property_is_refused(string json) =>
        AssertNamesPath(json, Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.FromJson(json)).Path, Assert.Throws<InvalidCommissionPlanException>(() => CommissionPlan.FromJson(json)).Message);

    /// <summary>Both branches are exercised: mutations are neither all refused nor all accepted.</summary>
    private static void AssertBothOutcomes(int refused)
    {
        Assert.InRange(refused, Mutations / 10, Mutations - (Mutations / 20));
    }

    private static void AssertNamesPath(string json, string? path, string message)
    {
        Assert.False(string.IsNullOrEmpty(path), $"No path for a refusal of {json}: {message}");
        Assert.StartsWith("$", path, StringComparison.Ordinal);
        Assert.Contains(path!, message, StringComparison.Ordinal);
    }

    private sealed class RankByMember(int ranks) : IMemberRanks
    {
        public int GetRank(MemberId member) => (int)(member.Value % ranks);
    }

    private static ReferralNetwork Chain()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var m = 2; m <= 6; m++)
        {
            network.AddMember(new MemberId(m), new MemberId(m - 1), At);
        }

        return network;
    }

    private static void Use(CommissionPlan plan, ReferralNetwork network, string json)
    {
        try
        {
            var currency = plan.Currency;
            var most = Money.FromMinorUnits(Limits.MaxMinorUnits / 4, currency);
            var sale = new Sale("S", new MemberId(6), At, currency,
            [
                new SaleLine("TEA-1", "tea", Limits.MaxQuantity, most, Money.FromMinorUnits(1, currency)),
                new SaleLine("B-1", "books", 3, Money.FromMinorUnits(64426, currency)),
            ])
            { EnabledDistributors = new HashSet<MemberId> { new(2), new(4), new(6) } };
            var engine = new CommissionEngine(plan, new CommissionEngineOptions { Ranks = plan.RankDifferential is { } d ? new RankByMember(d.RankRates.Count) : null });
            var quote = engine.Quote(sale, network);
            Assert.Equal(quote.Pool, quote.Total + quote.Residual);
            var buffer = new CommissionLine[64];
            var written = engine.QuoteInto(sale, network, buffer, out var residual);
            Assert.Equal(quote.Lines.ToArray(), buffer[..written]);
            Assert.Equal(quote.Residual, residual);

            var ledger = new CommissionLedger();
            Assert.True(ledger.Post(LedgerSale.FromQuote(sale, quote, plan)).IsApplied);
            Assert.True(ledger.Complete("S", Limits.MaxInstant - Duration.Epsilon).IsApplied);
            ledger.Release(Limits.MaxInstant - Duration.Epsilon);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"Accepted plan failed in use: {json}\n{e}");
        }
    }

    private static void Use(GroupBuyRule rule, string json)
    {
        try
        {
            var book = new GroupBuyBook();
            book.AddRule(rule);
            var opened = book.Open(rule.Name, new MemberId(1), At);
            Assert.True(opened.IsAccepted);
            var group = opened.GroupId;
            for (var m = 2; m <= Math.Min(rule.Capacity, 60) + 1; m++)
            {
                book.Join(group, new MemberId(m), At + Duration.FromTicks(m), isNewMember: true);
            }

            var late = book.Open(rule.Name, new MemberId(1), Limits.MaxInstant - Duration.Epsilon);
            if (late.IsAccepted)
            {
                book.Join(late.GroupId, new MemberId(2), Limits.MaxInstant - Duration.Epsilon, isNewMember: true);
            }

            book.CloseAtDeadline(group, At + rule.TimeLimit);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"Accepted group-buy rule failed in use: {json}\n{e}");
        }
    }

    private static void Use(GrowthPolicy policy, LevelLadder ladder, string json)
    {
        try
        {
            var program = new GrowthProgram(policy, ladder);
            var member = new MemberId(5);
            var currency = policy.Currency;
            var activities = new List<GrowthActivity>();
            for (var day = 0; day < 20; day++)
            {
                var t = At + Duration.FromDays(day);
                var id = day * 10;
                activities.Add(GrowthActivity.SignIn(new ActivityId(id + 1), member, t));
                activities.Add(GrowthActivity.OrderCompleted(new ActivityId(id + 2), member, t, Money.FromMinorUnits(Limits.MaxMinorUnits, currency)));
                activities.Add(GrowthActivity.TaskCompleted(new ActivityId(id + 3), member, t, "task"));
                activities.Add(GrowthActivity.ReviewPosted(new ActivityId(id + 4), member, t));
                activities.Add(GrowthActivity.CourseCompleted(new ActivityId(id + 5), member, t, "course"));
                activities.Add(GrowthActivity.CompetitionPlaced(new ActivityId(id + 6), member, t, 1 + (day % 4)));
                activities.Add(GrowthActivity.ReferredFirstOrder(new ActivityId(id + 7), member, t, new MemberId(100 + day), Money.FromMinorUnits(1, currency)));
                activities.Add(GrowthActivity.MemberReferred(new ActivityId(id + 8), member, t, new MemberId(200 + day)));
                activities.Add(GrowthActivity.OrderRefunded(new ActivityId(id + 9), member, t, new ActivityId(id + 2)));
            }

            var evaluation = program.Evaluate(program.Enrol(member, At), activities.ToArray(), At + Duration.FromDays(20));
            Assert.InRange(evaluation.State.Balance, -Limits.MaxPoints * 200, Limits.MaxPoints * 200);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"Accepted growth policy failed in use: {json}\n{e}");
        }
    }
}
