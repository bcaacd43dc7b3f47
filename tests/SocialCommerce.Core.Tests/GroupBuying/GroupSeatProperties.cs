using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>One command on a generated group: 0 join, 3 leave, 4 refund after formation, 5 close (at the deadline for odd units), 6 cancel.</summary>
public sealed record SeatStep(int Kind, int Member, int Units, int Minutes)
{
    public override string ToString() => $"{Kind switch { <= 2 => "join", 3 => "leave", 4 => "refund", 5 => "close", _ => "cancel" }}(member {Member}, {Units} units, +{Minutes} min)";
}

/// <summary>A generated rule (any supported price, 0–3-digit currencies, units, tiers by participants or units, hand-over terms, a simulation threshold) and a history.</summary>
public sealed record SeatCase(GroupBuyRule Rule, int LeaderUnits, SeatStep[] Steps)
{
    public override string ToString() =>
        $"{Rule.Name}: {Rule.RequiredParticipants}..{Rule.Capacity} seats, tiers {string.Join(", ", Rule.Tiers)} by {Rule.TierBasis}, ≤{Rule.MaxUnitsPerParticipant} units, perk {Rule.LeaderPerk} " +
        $"(moves: {Rule.PerkMovesToNewLeader}), deadline {Rule.HandOverDeadline} on hand-over, simulation from {Rule.MinimumRealParticipants} ({Rule.MinimumRealShare}); leader takes {LeaderUnits}; {string.Join("; ", Steps.AsEnumerable())}";
}

public static class SeatArbitraries
{
    public static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 8, 0);

    private static Gen<LeaderPerk> Perks(Money price) => Gen.OneOf(
        Gen.Constant(LeaderPerk.None),
        Gen.Constant(LeaderPerk.Free),
        MoneyGen.Rates().Where(r => !r.IsZero && r <= Rate.Full).Select(LeaderPerk.Off),
        MoneyGen.Amounts(price.Currency, Math.Max(1, (long)(price.Amount / price.Currency.MinorUnitSize))).Where(m => !m.IsNegative && !m.IsZero).Select(LeaderPerk.FixedDiscount));

    public static Gen<SeatCase> Cases { get; } =
        from currency in MoneyGen.Currencies
        from maxUnits in Gen.Frequency((3, Gen.Constant(1)), (4, Gen.Choose(2, 5)), (1, Gen.Choose(6, GroupBuyRuleBuilder.MaxUnitsLimit)))
        from top in MoneyGen.Amounts(currency, Limits.MaxMinorUnits / maxUnits).Select(m => m.IsNegative ? -m : m)
        from lower in MoneyGen.Amounts(currency, Math.Max(1, (long)(top.Amount / currency.MinorUnitSize))).Select(m => m.IsNegative ? -m : m)
        from required in Gen.Choose(2, 5)
        from extra in Gen.Choose(0, 3)
        from byUnits in Gen.Elements(false, true)
        from secondAt in Gen.Choose(required + 1, required + extra + (byUnits ? 8 : 0) + 1)
        from perk in Perks(top)
        from reset in Gen.Elements(false, true)
        from perkMoves in Gen.Elements(true, false)
        from simulation in Gen.Choose(0, 2)
        from share in Gen.Choose(1, 99)
        from leaderUnits in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(1, Math.Min(maxUnits, 6))))
        from length in Gen.Frequency((1, Gen.Choose(0, 5)), (4, Gen.Choose(6, 40)))
        from steps in (from kind in Gen.Frequency((24, Gen.Constant(0)), (8, Gen.Constant(3)), (6, Gen.Constant(4)), (3, Gen.Constant(5)), (1, Gen.Constant(6)))
                       from member in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Choose(2, 4)), (3, Gen.Choose(5, 8)))
                       from units in Gen.Frequency((6, Gen.Choose(1, Math.Min(maxUnits, 4))), (1, Gen.Choose(1, maxUnits + 1)))
                       from minutes in Gen.Frequency((6, Gen.Choose(0, 30)), (1, Gen.Choose(0, 600)))
                       select new SeatStep(kind, member, units, minutes)).ArrayOf(length)
        select new SeatCase(Build(currency, maxUnits, top, lower, required, extra, byUnits, secondAt, perk, reset, perkMoves, simulation, share), leaderUnits, steps);

    private static GroupBuyRule Build(Currency currency, int maxUnits, Money top, Money lower, int required, int extra, bool byUnits, int secondAt, LeaderPerk perk, bool reset, bool perkMoves, int simulation, int share)
    {
        var builder = GroupBuyRule.Create("seats", currency).RequireParticipants(required).WithTimeLimit(Duration.FromHours(3))
            .AddTier(required, top.Amount).AllowUnitsPerParticipant(maxUnits).WithLeaderPerk(perk)
            .TierBy(byUnits ? GroupBuyTierBasis.Units : GroupBuyTierBasis.Participants)
            .OnLeaderLeaving(reset ? HandOverDeadline.Reset : HandOverDeadline.Kept, perkMoves);
        if (extra > 0)
        {
            builder.AllowUpTo(required + extra);
        }

        if (byUnits || secondAt <= required + extra)
        {
            builder.AddTier(secondAt, Money.Min(lower, top).Amount);
        }

        if (simulation == 1)
        {
            builder.AllowSimulatedParticipants(Math.Max(1, required - 1 - (share % Math.Max(1, required - 1))));
        }
        else if (simulation == 2 && Math.Ceiling(share / 100m * required) < required)
        {
            builder.AllowSimulatedParticipants(Rate.Percent(share));
        }

        return builder.Build();
    }

    public static Arbitrary<SeatCase> Seats() => Cases.ToArbitrary();
}

/// <summary>Groups whose seats take units, whose members leave and whose seats are refunded after formation, against a model.</summary>
public sealed class GroupSeatProperties
{
    private static readonly MemberId Leader = new(1);

    [Property(Arbitrary = [typeof(SeatArbitraries)], MaxTest = 500)]
    public void Money_is_conserved_per_member_the_seats_follow_the_model_and_a_restored_group_answers_like_the_live_one(SeatCase c) => Run(c, static (_, _) => { });

    [Fact]
    public void The_generated_histories_leave_hand_over_refund_after_formation_simulate_and_meet_every_refusal()
    {
        var seen = new Dictionary<string, int>();
        void Count(string what) => seen[what] = seen.GetValueOrDefault(what) + 1;
        foreach (var c in SeatArbitraries.Cases.Sample(numberOfSamples: 1500, size: 60))
        {
            Run(c, (step, result) =>
            {
                Count(result.IsDuplicate ? "duplicate" : result.Refusal.ToString());
                foreach (var e in result.IsApplied ? result.Events : [])
                {
                    Count(e switch
                    {
                        MemberLeft { NewLeader: not null, PerkMoved: true } => "hand-over with the perk",
                        MemberLeft { NewLeader: not null } l when l.Deadline != result.Events[0].At + c.Rule.TimeLimit => "hand-over keeping the deadline",
                        MemberLeft { NewLeader: not null } => "hand-over resetting the deadline",
                        MemberLeft { Participants: 0 } => "last one leaving",
                        GroupFormed { SimulationShare: not null } => "simulated from a share",
                        GroupFormed { SimulatedParticipants: > 0 } => "simulated from a count",
                        GroupFormed { TierBasis: GroupBuyTierBasis.Units, Tier.Participants: > 2 } f when f.Tier != c.Rule.Tiers[0] => "a lower tier by units",
                        MemberJoined { Units: > 1 } => "several units",
                        _ => e.GetType().Name,
                    });
                }
            });
        }

        string[] expected =
        [
            "duplicate", nameof(GroupBuyRefusal.ConflictingDuplicate), nameof(GroupBuyRefusal.TooManyUnits), nameof(GroupBuyRefusal.LeftGroup),
            nameof(GroupBuyRefusal.NotParticipant), nameof(GroupBuyRefusal.NotFormed), nameof(GroupBuyRefusal.GroupFull), nameof(GroupBuyRefusal.Expired),
            nameof(GroupBuyRefusal.AlreadyFormed), nameof(GroupBuyRefusal.Failed), nameof(GroupBuyRefusal.Cancelled), nameof(GroupBuyRefusal.NotYetDue),
            "hand-over with the perk", "hand-over keeping the deadline", "hand-over resetting the deadline", "last one leaving", "simulated from a share",
            "simulated from a count", "a lower tier by units", "several units", nameof(SeatRefunded), nameof(GroupFailed), nameof(GroupCancelled), nameof(MemberLeft),
        ];
        foreach (var what in expected)
        {
            Assert.True(seen.GetValueOrDefault(what) >= 10, $"{what}: {seen.GetValueOrDefault(what)} times in {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}");
        }
    }

    private static void Run(SeatCase c, Action<SeatStep, GroupBuyResult> observe)
    {
        var id = new GroupBuyId(1);
        var opening = GroupBuy.TryOpen(id, c.Rule, Leader, SeatArbitraries.Start, out var group, default, c.LeaderUnits);
        Assert.True(opening.IsApplied);
        var history = new List<GroupBuyEvent>(opening.Events);
        var seats = new List<(MemberId Member, int Units)> { (Leader, c.LeaderUnits) };
        var joined = new Dictionary<MemberId, int>();
        var at = SeatArbitraries.Start;
        foreach (var step in c.Steps)
        {
            at += Duration.FromMinutes(step.Minutes);
            var member = new MemberId(step.Member);
            var wasOpen = group!.Status == GroupBuyStatus.Open;
            var units = Math.Min(step.Units, GroupBuyRuleBuilder.MaxUnitsLimit);
            Func<GroupBuy, GroupBuyResult> command = step.Kind switch
            {
                <= 2 => g => g.Join(member, at, default, units),
                3 => g => g.Leave(member, at),
                4 => g => g.RefundSeat(member, at),
                5 => g => g.CloseAtDeadline(at < g.Deadline && step.Units % 2 == 1 ? g.Deadline : at),
                _ => g => g.Cancel(at),
            };
            var result = command(group);
            observe(step, result);
            if (result.IsApplied)
            {
                history.AddRange(result.Events);
                switch (step.Kind)
                {
                    case <= 2:
                        Assert.True(wasOpen);
                        Assert.True(units <= c.Rule.MaxUnitsPerParticipant);
                        seats.Add((member, units));
                        joined[member] = units;
                        break;
                    case 3:
                        var index = seats.FindIndex(s => s.Member == member);
                        Assert.True(index >= 0 && wasOpen);
                        seats.RemoveAt(index);
                        break;
                }

                // A resend answers its first outcome with the same events and changes nothing.
                var version = group.Version;
                var resend = command(group);
                Assert.True(resend.IsDuplicate, $"{step} sent again: {resend.Refusal}");
                Assert.Equal(result.Events, resend.Events);

                Assert.Equal(version, group.Version);
            }
            else if (!result.IsDuplicate)
            {
                Assert.Empty(result.Events);
                if (step.Kind <= 2 && joined.TryGetValue(member, out var first))
                {
                    // A join seen again (the member may have left since) is answered as its first outcome, or as a conflict for other units.
                    Assert.NotEqual(first, units);
                    Assert.Equal(GroupBuyRefusal.ConflictingDuplicate, result.Refusal);
                }
            }

            Assert.Equal(seats.Select(s => s.Member), group.GetParticipants());
            Assert.Equal(seats.Select(s => s.Units), seats.Select(s => group.UnitsOf(s.Member)));
            Assert.True(group.ParticipantCount <= c.Rule.Capacity);
            if (seats.Count > 0)
            {
                Assert.Equal(seats[0].Member, group.Leader);
            }

            // Restored from what was stored, the group is the live one and answers the same command the same way.
            var restored = GroupBuy.FromHistory(c.Rule, history);
            Assert.Equal((group.Leader, group.Deadline, group.Status, group.Version, group.Units), (restored.Leader, restored.Deadline, restored.Status, restored.Version, restored.Units));
            Assert.Equal(group.GetParticipants(), restored.GetParticipants());
            var again = command(restored);
            var liveAgain = command(group);
            Assert.Equal((liveAgain.Refusal, liveAgain.IsDuplicate), (again.Refusal, again.IsDuplicate));
            Assert.Equal(liveAgain.Events, again.Events);
        }

        CheckMoney(group!, history);
        var options = SocialCommerceJson.CreateOptions(c.Rule.Currency);
        var json = JsonSerializer.Serialize<IReadOnlyList<GroupBuyEvent>>(history, options);
        var read = JsonSerializer.Deserialize<IReadOnlyList<GroupBuyEvent>>(json, options)!;
        Assert.Equal(group!.Version, GroupBuy.FromHistory(c.Rule, read).Version);
    }

    // What every member was charged less what it was refunded is what it finally pays: its settlement's price when the
    // group formed and its seat was neither left nor refunded, its charge while the group is open, otherwise nothing. No refund is negative or above a charge.
    private static void CheckMoney(GroupBuy group, List<GroupBuyEvent> history)
    {
        var currency = group.Rule.Currency;
        var net = new Dictionary<MemberId, Money>();
        void Add(MemberId member, Money amount) => net[member] = net.GetValueOrDefault(member, Money.Zero(currency)) + amount;
        GroupFormed? formed = null;
        foreach (var e in history)
        {
            switch (e)
            {
                case GroupOpened o:
                    Add(o.Leader, o.Charged);
                    break;
                case MemberJoined j:
                    Add(j.Member, j.Charged);
                    break;
                case MemberLeft l:
                    Assert.False(l.Refund.IsNegative);
                    Add(l.Member, -l.Refund);
                    break;
                case GroupFormed f:
                    formed = f;
                    foreach (var s in f.Settlements)
                    {
                        Assert.False(s.Refund.IsNegative, $"{s.Member} refunded {s.Refund} at formation");
                        Assert.False(s.Price.IsNegative);
                        Assert.Equal(s.Charged, s.Price + s.Refund);
                        Add(s.Member, -s.Refund);
                    }

                    break;
                case GroupFailed failed:
                    failed.Refunds.ToList().ForEach(r => Add(r.Member, -r.Amount));
                    break;
                case GroupCancelled cancelled:
                    cancelled.Refunds.ToList().ForEach(r => Add(r.Member, -r.Amount));
                    break;
                case SeatRefunded r:
                    Add(r.Member, -r.Refund);
                    break;
            }
        }

        foreach (var (member, paid) in net)
        {
            var owes = group.Status switch
            {
                GroupBuyStatus.Open when group.Contains(member) => group.Rule.JoinPrice * group.UnitsOf(member), // held until the group settles
                GroupBuyStatus.Formed when group.Contains(member) && !group.IsRefunded(member) => formed!.Settlements.Single(s => s.Member == member).Price,
                _ => Money.Zero(currency),
            };
            Assert.Equal(owes, paid);
        }
    }
}
