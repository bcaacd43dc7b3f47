using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Points;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>The points wallet (issue 27) under random histories.</summary>
public sealed class PointsWalletProperties
{
    [Property(Arbitrary = [typeof(WalletArbitraries)], MaxTest = 600)]
    public void Earned_equals_available_frozen_reserved_spent_expired_and_taken_back_after_every_command(WalletStep[] history)
    {
        var wallet = new PointsWallet();
        var at = WalletGen.Start;
        foreach (var step in history)
        {
            at += Duration.FromHours(step.Hours);
            var before = wallet.GetBalance();
            var version = wallet.Version;
            var result = step.Apply(wallet, at);
            var after = wallet.GetBalance();

            Assert.True(after.IsConserved, $"{step}: {after}");
            Assert.True(after is { Available: >= 0, Frozen: >= 0, Reserved: >= 0, Spent: >= 0, Expired: >= 0, TakenBack: >= 0, Debt: >= 0, WrittenOff: >= 0 }, $"{step}: {after}");
            Assert.All(wallet.GetLots(), l => Assert.Equal(l.Earning.Points, l.Available + l.Frozen + l.Reserved + l.Spent + l.Expired + l.TakenBack));
            if (result.Outcome != PointsOutcome.Applied)
            {
                // Nothing changed: not the balance, not the version.
                Assert.Equal(before, after);
                Assert.Equal(version, wallet.Version);
                Assert.Empty(result.Entries);
                continue;
            }

            Assert.Equal(version + 1, wallet.Version);
            if (step.Kind == WalletStepKind.Reserve)
            {
                AssertSoonestExpiringFirst(wallet, result);
                Assert.Equal(step.Points, result.Entries.Where(e => e.Kind == PointsEntryKind.Reserved).Sum(e => e.Points));
            }

            // A resend answers as a duplicate and changes nothing.
            if (step.Kind is not (WalletStepKind.Expire or WalletStepKind.Complete))
            {
                var again = step.Apply(wallet, at);
                Assert.Equal(PointsOutcome.Duplicate, again.Outcome);
                Assert.Equal(after, wallet.GetBalance());
            }
        }
    }

    [Fact]
    public void The_generated_histories_apply_every_kind_of_command_and_meet_every_refusal()
    {
        var applied = new System.Collections.Generic.Dictionary<WalletStepKind, int>();
        var refusals = new System.Collections.Generic.HashSet<PointsRefusal>();
        var entryKinds = new System.Collections.Generic.HashSet<PointsEntryKind>();
        foreach (var history in WalletGen.Histories.Sample(60, 1_500)) // enough that each kind is applied ~30 times or more: the sample is random
        {
            var wallet = new PointsWallet();
            var at = WalletGen.Start;
            foreach (var step in history)
            {
                at += Duration.FromHours(step.Hours);
                var result = step.Apply(wallet, at);
                if (result.IsApplied)
                {
                    applied[step.Kind] = applied.GetValueOrDefault(step.Kind) + 1;
                    entryKinds.UnionWith(result.Entries.Select(e => e.Kind));
                }
                else if (result.Outcome == PointsOutcome.Refused)
                {
                    refusals.Add(result.Refusal);
                }
            }
        }

        Assert.All(Enum.GetValues<WalletStepKind>(), k => Assert.True(applied.GetValueOrDefault(k) >= 10, $"{k} applied {applied.GetValueOrDefault(k)} times; {string.Join(", ", applied)}"));
        Assert.Equal(Enum.GetValues<PointsEntryKind>().Order(), entryKinds.Order());
        Assert.Superset(new System.Collections.Generic.HashSet<PointsRefusal> { PointsRefusal.InsufficientPoints, PointsRefusal.Unknown, PointsRefusal.StateConflict, PointsRefusal.ExceedsAmount, PointsRefusal.ConflictingDuplicate, PointsRefusal.CapReached }, refusals);
    }

    private static void AssertSoonestExpiringFirst(PointsWallet wallet, PointsResult reserve)
    {
        var lots = wallet.GetLots().ToDictionary(l => l.Earning.LotId);
        var used = reserve.Entries.Where(e => e.Kind == PointsEntryKind.Reserved).Select(e => lots[e.LotId!]).ToArray();
        var latestUsed = used.Max(l => l.Earning.ExpiresAt ?? Instant.MaxValue);
        var untouched = lots.Values.Where(l => l.Available > 0 && !used.Contains(l));
        Assert.All(untouched, l => Assert.True((l.Earning.ExpiresAt ?? Instant.MaxValue) >= latestUsed, $"lot {l.Earning.LotId} (expires {l.Earning.ExpiresAt}) was left while a later one was used"));
    }
}
