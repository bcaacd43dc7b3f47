using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console;

/// <summary>Checks plans and a group-buy rule against built-in profiles and prints the audit of a small generated network.</summary>
internal static class ComplianceDemo
{
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var profile = ComplianceProfiles.ChinaSocialCommerce;
        output.WriteLine($"== Compliance: profile '{profile.Name}' ==");

        // Plans are checked when they are registered: a refused plan never runs.
        var plans = new[]
        {
            new PlanFacts("three-level", PaidDepth: 3, Rate.Percent(15m), RewardsRecruitment: false, RequiresEntryFee: false),
            new PlanFacts("vip-club", PaidDepth: 4, Rate.Percent(40m), RewardsRecruitment: true, RequiresEntryFee: true),
        };
        foreach (var plan in plans)
        {
            output.WriteLine(profile.CheckPlan(plan));
        }

        output.WriteLine(profile.CheckGroupBuyRule("fill-with-bots", allowsSimulatedParticipants: true));
        output.WriteLine();

        var network = Generate(members: 240, seed: 2026);
        var report = profile.AuditNetwork(network, plans[0]);
        Print(report, output);

        // The US-oriented profile looks at who bought the rewarded volume of a period.
        var sales = new List<RewardedSale>
        {
            new(new MemberId(2), new Money(1200m, Currency.USD), BuyerIsParticipant: true),
            new(new MemberId(3), new Money(800m, Currency.USD), BuyerIsParticipant: true),
            new(new MemberId(90001), new Money(700m, Currency.USD), BuyerIsParticipant: false),
        };
        var us = ComplianceProfiles.UnitedStatesFtc.AuditNetwork(network, periodSales: sales);
        output.WriteLine();
        output.WriteLine($"== Retail share under '{us.Profile}' ==");
        var share = us.Analysis.RetailShare!;
        output.WriteLine($"Customers bought {share.CustomerVolume} of {share.RewardedVolume} ({Percent(share.CustomerShare)}) in {share.Sales} rewarded sales");
        foreach (var finding in us.Findings)
        {
            output.WriteLine($"  {finding}");
        }
    }

    private static ReferralNetwork Generate(int members, int seed)
    {
        // Deterministic: the same seed always builds the same network. Early members recruit more.
        var random = new Random(seed);
        var network = new ReferralNetwork(capacity: members);
        var at = Instant.FromUtc(2026, 11, 1, 9, 0);
        network.AddMember(new MemberId(1), at);
        network.AddMember(new MemberId(2), at);
        for (var i = 3; i <= members; i++)
        {
            var referrer = random.Next(4) == 0 ? i - 1 : 1 + random.Next(Math.Max(1, (i - 1) / 3));
            network.AddMember(new MemberId(i), new MemberId(referrer), at + Duration.FromMinutes(i));
        }

        return network;
    }

    private static void Print(NetworkAuditReport report, TextWriter output)
    {
        var a = report.Analysis;
        output.WriteLine($"== Network audit under '{report.Profile}' ==");
        output.WriteLine($"Members {a.MemberCount}, trees {a.TreeCount}, max depth {a.MaxDepth} links, shape {a.Shape}");
        output.WriteLine($"Largest tree: {a.LargestTree}");
        output.WriteLine("Depth distribution (links from the top of the tree):");
        for (var d = 0; d < a.MembersAtDepth.Count; d++)
        {
            var count = a.MembersAtDepth[d];
            output.WriteLine($"  depth {d,2} (team level {d + 1,2}): {count,4} {new string('#', (count + 4) / 5)}");
        }

        output.WriteLine($"Fan-out: {a.FanOut.Recruiters} recruiters, {a.FanOut.MeanFanOut.ToString(CultureInfo.InvariantCulture)} recruits each on average, widest {a.FanOut.WidestRecruiter} with {a.FanOut.MaxFanOut}");
        foreach (var bucket in a.FanOut.Buckets)
        {
            output.WriteLine($"  {bucket.Min,3}-{bucket.Max,-3} recruits: {bucket.Members,4} members");
        }

        output.WriteLine($"Members whose own team reaches {a.TeamParticipantsThreshold} participants over {a.TeamLevelsThreshold} team levels: {a.FlaggedMembers}");
        output.WriteLine($"Smallest such teams ({a.CoreTeams.Count}, largest first):");
        for (var i = 0; i < a.CoreTeams.Count && i < 5; i++)
        {
            output.WriteLine($"  {a.CoreTeams[i]}");
        }

        output.WriteLine($"Findings ({report.Findings.Count}):");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  {finding}");
        }
    }

    private static string Percent(Rate rate) => Math.Round(rate.AsPercent, 2, MidpointRounding.ToZero).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
