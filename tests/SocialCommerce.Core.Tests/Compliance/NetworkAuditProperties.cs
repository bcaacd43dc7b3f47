using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class NetworkAuditProperties
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Property(Arbitrary = [typeof(ComplianceArbitraries), typeof(NetworkArbitraries)], MaxTest = 500)]
    public Property Audit_findings_are_the_same_whatever_the_order_members_were_added(NetworkSample tree, ComplianceProfile profile, PlanFacts plan, int seed)
    {
        var inOrder = profile.AuditNetwork(tree.Build(At), plan);
        var shuffled = profile.AuditNetwork(tree.BuildShuffled(At, seed), plan);
        var a = inOrder.Analysis;
        var b = shuffled.Analysis;
        return (inOrder.Findings.SequenceEqual(shuffled.Findings)
                && a.MembersAtDepth.SequenceEqual(b.MembersAtDepth)
                && a.FanOut.Buckets.SequenceEqual(b.FanOut.Buckets)
                && a.FanOut with { Buckets = [] } == b.FanOut with { Buckets = [] }
                && a.Chains.SequenceEqual(b.Chains)
                && a.FlaggedTeams.SequenceEqual(b.FlaggedTeams)
                && a.CoreTeams.SequenceEqual(b.CoreTeams)
                && a.Shape == b.Shape
                && a.LargestTree == b.LargestTree)
            .Label($"in order: {string.Join(" | ", inOrder.Findings)}; shuffled: {string.Join(" | ", shuffled.Findings)}");
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries), typeof(NetworkArbitraries)], MaxTest = 500)]
    public Property Team_sizes_heights_and_depths_match_a_naive_recomputation(NetworkSample tree, int seed)
    {
        var network = tree.BuildShuffled(At, seed);
        var analysis = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network).Analysis;
        var n = tree.Count;
        var depth = new int[n];
        var size = new int[n];
        var height = new int[n];
        for (var i = 0; i < n; i++)
        {
            // Walk up from every member: each ancestor's team gains it, and its height is at least the distance.
            var distance = 0;
            for (var a = i; a >= 0; a = tree.Parents[a])
            {
                size[a]++;
                height[a] = Math.Max(height[a], distance);
                distance++;
            }

            depth[i] = distance - 1;
        }

        var atDepth = new int[n == 0 ? 0 : depth.Max() + 1];
        foreach (var d in depth)
        {
            atDepth[d]++;
        }

        var teamsMatch = Enumerable.Range(0, n).All(i => analysis.GetTeam(tree.Member(i)) == new TeamSummary(tree.Member(i), size[i], height[i]));
        var fanOut = Enumerable.Range(0, n).Select(i => tree.Parents.Count(p => p == i)).ToArray();
        var recruiters = fanOut.Count(c => c > 0);
        return (teamsMatch
                && analysis.MembersAtDepth.SequenceEqual(atDepth)
                && analysis.MaxDepth == (n == 0 ? 0 : depth.Max())
                && analysis.TreeCount == tree.Parents.Count(p => p < 0)
                && analysis.FanOut.Recruiters == recruiters
                && analysis.FanOut.MaxFanOut == (n == 0 ? 0 : fanOut.Max())
                && analysis.FanOut.Buckets.Sum(b => b.Members) == n)
            .Label(tree.ToString());
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries), typeof(NetworkArbitraries)], MaxTest = 500)]
    public Property Flagged_teams_and_chains_match_a_naive_recomputation(NetworkSample tree, ComplianceProfile profile)
    {
        var analysis = profile.AuditNetwork(tree.Build(At)).Analysis;
        var n = tree.Count;
        var teams = Enumerable.Range(0, n).Select(i => Naive(tree, i)).ToArray();
        var trips = teams.Select(t =>
            (profile.FlagTeamLevels is not null || profile.FlagTeamParticipants is not null)
            && (profile.FlagTeamLevels is not { } l || t.Levels >= l)
            && (profile.FlagTeamParticipants is not { } p || t.Participants >= p)).ToArray();

        // Maximal: trips, and its referrer's team does not. Smallest: trips, and no direct recruit's team does.
        var maximal = Enumerable.Range(0, n).Where(i => trips[i] && (tree.Parents[i] < 0 || !trips[tree.Parents[i]])).Select(i => teams[i]).ToHashSet();
        var smallest = Enumerable.Range(0, n).Where(i => trips[i] && !Enumerable.Range(0, n).Any(c => tree.Parents[c] == i && trips[c])).Select(i => teams[i]).ToHashSet();
        var chains = Enumerable.Range(0, n).Where(i => tree.Parents[i] < 0 && profile.FlagChainLevels is { } limit && teams[i].Levels > limit).Select(i => teams[i]).ToHashSet();
        return (analysis.FlaggedMembers == trips.Count(t => t)
                && analysis.FlaggedTeams.Select(f => f.Team).ToHashSet().SetEquals(maximal)
                && analysis.FlaggedTeams.Count == maximal.Count
                && analysis.CoreTeams.ToHashSet().SetEquals(smallest)
                && analysis.CoreTeams.Count == smallest.Count
                && analysis.Chains.Select(c => c.Team).ToHashSet().SetEquals(chains))
            .Label($"{tree} maximal {string.Join(";", maximal)} got {string.Join(";", analysis.FlaggedTeams)}");
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries), typeof(NetworkArbitraries)], MaxTest = 500)]
    public Property The_general_path_over_IReferralNetwork_agrees_with_the_fast_path(NetworkSample tree, ComplianceProfile profile, PlanFacts plan)
    {
        var network = tree.Build(At);
        var fast = profile.AuditNetwork(network, plan);
        var members = network.Members.Reverse().ToList();
        var general = profile.AuditNetwork((IReferralNetwork)network, members, plan);
        return (fast.Findings.SequenceEqual(general.Findings)
                && fast.Analysis.MembersAtDepth.SequenceEqual(general.Analysis.MembersAtDepth)
                && fast.Analysis.CoreTeams.SequenceEqual(general.Analysis.CoreTeams))
            .Label(tree.ToString());
    }

    private static TeamSummary Naive(NetworkSample tree, int top)
    {
        var participants = 0;
        var links = 0;
        for (var i = 0; i < tree.Count; i++)
        {
            var distance = 0;
            for (var a = i; a >= 0; a = tree.Parents[a], distance++)
            {
                if (a == top)
                {
                    participants++;
                    links = Math.Max(links, distance);
                    break;
                }
            }
        }

        return new TeamSummary(tree.Member(top), participants, links);
    }
}
