using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class ProfileCompositionTests
{
    [Fact]
    public void A_host_composes_a_profile_from_built_in_checks_and_its_own()
    {
        var profile = new ComplianceProfile
        {
            Name = "shop",
            MaxPaidDepth = 1,
            MaxPayoutRatio = Rate.Percent(10m),
            Checks = [ComplianceChecks.PaidDepth, new NoPlanNamedTest()],
            Citations = new Dictionary<string, string> { [ComplianceCodes.PlanPaidDepthExceeded] = "House rule 7" },
        };

        var decision = profile.CheckPlan(new PlanFacts("test", 2, Rate.Percent(50m), true, true));

        // Only the listed checks run: the ratio, recruitment and fee checks are not in the profile.
        Assert.Equal(["SC101", "HOST1"], decision.Findings.Select(f => f.Code));
        Assert.Equal("House rule 7", decision.Findings[0].Citation);
        Assert.True(decision.IsRefused);
    }

    [Fact]
    public void A_finding_without_a_citation_cites_the_profile_by_name()
    {
        var profile = new ComplianceProfile { Name = "bare", MaxPaidDepth = 0 };

        var finding = Assert.Single(profile.CheckPlan(new PlanFacts("p", 1, Rate.Zero, false, false)).Findings);

        Assert.Equal("Compliance profile 'bare'", finding.Citation);
        Assert.Equal("Plan 'p' pays upline level 1 (paid depth 1), but profile 'bare' allows no upline level (paid depth 0: self-purchase rebates only).", finding.Message);
    }

    [Fact]
    public void Audit_mode_accepts_what_enforce_refuses_and_keeps_the_findings()
    {
        var profile = ComplianceProfiles.ChinaDirectSelling with { Mode = ComplianceMode.Audit };

        var decision = profile.CheckPlan(new PlanFacts("p", 3, Rate.Percent(45m), false, false));

        Assert.True(decision.IsAccepted);
        Assert.True(decision.HasErrors);
        decision.EnsureAccepted();
    }

    [Fact]
    public void Built_in_profiles_are_listed_and_named_distinctly()
    {
        Assert.Equal(
            ["cn-social-commerce", "cn-direct-selling", "two-level-distribution", "us-ftc-mlm", "eu-ucpd"],
            ComplianceProfiles.All.Select(p => p.Name));
        Assert.All(ComplianceProfiles.All, p => Assert.Same(ComplianceChecks.All, p.Checks));
    }

    [Fact]
    public void A_negative_paid_depth_is_misuse()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceProfiles.ChinaSocialCommerce.CheckPlan(new PlanFacts("p", -1, Rate.Zero, false, false)));
        Assert.Equal("plan.PaidDepth", exception.ParamName);
    }

    [Fact]
    public void Profile_limits_out_of_range_are_misuse()
    {
        var depth = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceProfiles.ChinaSocialCommerce with { MaxPaidDepth = -1 });
        var levels = Assert.Throws<ArgumentOutOfRangeException>(() => new ComplianceProfile { Name = "x", FlagTeamLevels = 0 });
        Assert.Throws<ArgumentNullException>(() => new ComplianceProfile { Name = "x", Checks = null! });
        Assert.Throws<ArgumentException>(() => new ComplianceProfile { Name = "x", Checks = [ComplianceChecks.PaidDepth, null!] });

        Assert.Equal("MaxPaidDepth", depth.ParamName);
        Assert.StartsWith("MaxPaidDepth should be at least 0 or null (no limit); was -1.", depth.Message, StringComparison.Ordinal);
        Assert.Equal("FlagTeamLevels", levels.ParamName);
    }

    [Fact]
    public void The_general_path_refuses_an_incomplete_or_duplicated_member_list()
    {
        var network = ScenarioNetwork.Build();
        var profile = ComplianceProfiles.ChinaSocialCommerce;

        var missing = Assert.Throws<ArgumentException>(() => profile.AuditNetwork((IReferralNetwork)network, network.Members.Where(m => m != new MemberId(2))));
        var twice = Assert.Throws<ArgumentException>(() => profile.AuditNetwork((IReferralNetwork)network, network.Members.Append(new MemberId(1))));

        Assert.StartsWith("Referrer 2 of member 10 is not among the members to audit", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("Member 1 is listed twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sales_in_two_currencies_or_negative_amounts_are_misuse()
    {
        var network = ScenarioNetwork.Build();
        var mixed = new[] { new RewardedSale(new MemberId(1), new Money(1m, Currency.USD), false), new RewardedSale(new MemberId(2), new Money(1m, Currency.CNY), false) };
        var negative = new[] { new RewardedSale(new MemberId(1), new Money(-1m, Currency.USD), false) };

        Assert.Throws<CurrencyMismatchException>(() => ComplianceProfiles.UnitedStatesFtc.AuditNetwork(network, periodSales: mixed));
        var exception = Assert.Throws<ArgumentException>(() => ComplianceProfiles.UnitedStatesFtc.AuditNetwork(network, periodSales: negative));
        Assert.Contains("Amount -1.00 USD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTeam_of_an_unknown_member_throws()
    {
        var analysis = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(ScenarioNetwork.Build()).Analysis;

        Assert.Equal(new TeamSummary(new MemberId(2), 13, 4), analysis.GetTeam(new MemberId(2)));
        Assert.Throws<UnknownMemberException>(() => analysis.GetTeam(new MemberId(12345)));
    }

    [Theory]
    [InlineData("empty", NetworkShape.Empty)]
    [InlineData("cells", NetworkShape.ManySmallCells)]
    [InlineData("tower", NetworkShape.DeepTower)]
    [InlineData("umbrella", NetworkShape.WideUmbrella)]
    [InlineData("layered", NetworkShape.Layered)]
    public void Shapes_are_classified_as_documented(string name, NetworkShape expected)
    {
        var network = new ReferralNetwork();
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        var next = 1L;
        MemberId Add(MemberId? referrer)
        {
            var id = new MemberId(next++);
            if (referrer is { } r)
            {
                network.AddMember(id, r, at);
            }
            else
            {
                network.AddMember(id, at);
            }

            return id;
        }

        switch (name)
        {
            case "cells": // 10 trees of 3: the largest holds 3 participants (and 10 % of 30).
                for (var t = 0; t < 10; t++)
                {
                    var top = Add(null);
                    Add(top);
                    Add(top);
                }

                break;
            case "tower": // a chain of 10 with one extra recruit at each step: S = 19, H = 9, 81 >= 19.
                var node = Add(null);
                for (var k = 0; k < 9; k++)
                {
                    Add(node);
                    node = Add(node);
                }

                break;
            case "umbrella": // one top with 20 recruits: H = 1, 20 recruits per recruiter.
                var boss = Add(null);
                for (var k = 0; k < 20; k++)
                {
                    Add(boss);
                }

                break;
            case "layered": // binary tree of 4 levels: S = 15, H = 3, 14 recruits / 7 recruiters = 2 < 4.
                var layer = new List<MemberId> { Add(null) };
                for (var d = 0; d < 3; d++)
                {
                    layer = layer.SelectMany(m => new[] { Add(m), Add(m) }).ToList();
                }

                break;
        }

        Assert.Equal(expected, ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network).Analysis.Shape);
    }

    private sealed class NoPlanNamedTest : IComplianceCheck
    {
        public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
        {
            if (arguments.Scope == FindingScope.Plan && arguments.Plan?.Name == "test")
            {
                findings.Add(new ComplianceFinding("HOST1", FindingSeverity.Error, "Plans may not be named 'test'.", "House rule 1", FindingScope.Plan, arguments.Subject));
            }
        }
    }
}
