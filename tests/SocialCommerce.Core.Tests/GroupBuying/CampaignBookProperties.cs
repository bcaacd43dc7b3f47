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

/// <summary>One command on a generated campaign: 0 open, 1–3 join, 4 leave, 5 refund, 6 close, 7 close due, 8 cancel.</summary>
public sealed record CampaignCommand(int Kind, int Group, int Member, int Sku, int Units, int Minutes)
{
    public override string ToString() => $"{Kind switch { 0 => "open", <= 3 => "join", 4 => "leave", 5 => "refund", 6 => "close", 7 => "close due", _ => "cancel" }}(G{Group}, member {Member}, sku {Sku}, {Units} units, +{Minutes} min)";
}

/// <summary>A generated campaign with a group rule (any supported price, 0–3-digit currencies, quotas, limits, units, hand-over terms), its commands and where a host restarts.</summary>
public sealed record CampaignBookCase(GroupBuyCampaign Campaign, CampaignCommand[] Commands, int RestartAt)
{
    public override string ToString() =>
        $"{string.Join(", ", Campaign.Skus.Select(s => $"{s.SkuId} {s.CampaignPrice} ×{s.Quota}"))}; order ≤{Campaign.MaxUnitsPerOrder?.ToString() ?? "-"}, member ≤{Campaign.MaxUnitsPerMember?.ToString() ?? "-"} units / " +
        $"{Campaign.MaxGroupsPerMember?.ToString() ?? "-"} groups, refunds return: {Campaign.RefundReturnsQuota}; {Campaign.Rule!.RequiredParticipants}..{Campaign.Rule.Capacity} seats ≤{Campaign.Rule.MaxUnitsPerParticipant} units; restart after {RestartAt}; {string.Join("; ", Commands.AsEnumerable())}";
}

public static class CampaignBookArbitraries
{
    public static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);

    private static Gen<int?> Limit(int small) => Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(1, small).Select(v => (int?)v)));

    public static Gen<CampaignBookCase> Cases { get; } =
        from currency in MoneyGen.Currencies
        from skuCount in Gen.Choose(1, 2)
        from quotas in Gen.Frequency((3, Gen.Choose(1, 10)), (2, Gen.Choose(11, 40)), (1, Gen.Choose(41, CampaignSku.MaxQuota))).ArrayOf(skuCount)
        from prices in MoneyGen.Amounts(currency, Limits.MaxMinorUnits / CampaignSku.MaxQuota).ArrayOf(skuCount)
        from perOrder in Limit(4)
        from perMember in Limit(8)
        from groups in Limit(3)
        from returns in Gen.Elements(true, false)
        from required in Gen.Choose(2, 4)
        from extra in Gen.Choose(0, 2)
        from seatUnits in Gen.Choose(1, 4)
        from reset in Gen.Elements(true, false)
        from length in Gen.Choose(0, 45)
        from commands in (from kind in Gen.Frequency((4, Gen.Constant(0)), (12, Gen.Choose(1, 3)), (5, Gen.Constant(4)), (3, Gen.Constant(5)), (2, Gen.Constant(6)), (1, Gen.Constant(7)), (1, Gen.Constant(8)))
                          from g in Gen.Choose(1, 5)
                          from member in Gen.Frequency((3, Gen.Choose(1, 3)), (2, Gen.Choose(4, 7)))
                          from sku in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
                          from units in Gen.Frequency((10, Gen.Choose(1, 2)), (2, Gen.Choose(3, 4)), (1, Gen.Choose(5, 1_000)))
                          from minutes in Gen.Frequency((12, Gen.Choose(0, 20)), (2, Gen.Choose(0, 240)), (1, Gen.Choose(0, 60 * 30)))
                          select new CampaignCommand(kind, g, member, sku, units, minutes)).ArrayOf(length)
        from restartAt in Gen.Choose(0, length)
        select new CampaignBookCase(
            GroupBuyCampaign.Create("C-9", new GroupBuyCampaignOptions
            {
                Starts = Starts,
                Ends = Starts + Duration.FromDays(2),
                Skus = Enumerable.Range(0, skuCount).Select(i => new CampaignSku($"SKU-{i}", prices[i].IsNegative ? -prices[i] : prices[i], quotas[i])).ToList(),
                MaxUnitsPerOrder = perOrder,
                MaxUnitsPerMember = perMember,
                MaxGroupsPerMember = groups,
                RefundReturnsQuota = returns,
                Rule = GroupBuyRule.Create("terms", currency).RequireParticipants(required).AllowUpTo(required + extra).WithTimeLimit(Duration.FromHours(3))
                    .AddTier(required, 0m).AllowUnitsPerParticipant(seatUnits).WithLeaderPerk(LeaderPerk.Free)
                    .OnLeaderLeaving(reset ? HandOverDeadline.Reset : HandOverDeadline.Kept).Build(),
            }),
            commands,
            restartAt);

    public static Arbitrary<CampaignBookCase> Campaigns() => Cases.ToArbitrary();
}

/// <summary>A campaign's groups and quota under random commands (issue 28): the quota adds up, every seat follows its group, no member passes a limit, and a book restored mid-stream answers like the uninterrupted one.</summary>
public sealed class CampaignBookProperties
{
    [Property(Arbitrary = [typeof(CampaignBookArbitraries)], MaxTest = 500)]
    public void The_quota_adds_up_every_seat_follows_its_group_no_member_passes_a_limit_and_a_restored_book_answers_alike(CampaignBookCase c) => Run(c, static _ => { });

    [Fact]
    public void The_generated_campaigns_form_fail_cancel_hand_over_refund_and_meet_every_campaign_refusal()
    {
        var seen = new Dictionary<string, int>();
        // The sample is random: 1,200 cases make the rarest outcome (a hand-over, ~18 times on average) reach the bar
        // below all but about once in 10,000 runs; 800 cases and a bar of 10 failed CI once (9 hand-overs).
        foreach (var c in CampaignBookArbitraries.Cases.Sample(numberOfSamples: 1_200, size: 50))
        {
            Run(c, result =>
            {
                var what = new List<string> { result.IsDuplicate ? "duplicate" : result.QuotaRefusal != CampaignQuotaRefusal.None ? result.QuotaRefusal.ToString() : result.Group.Refusal.ToString() };
                what.AddRange(result.IsApplied ? result.Events.Select(e => e is MemberLeft { NewLeader: not null } ? "hand-over" : e.GetType().Name) : []);
                what.AddRange(result.IsApplied ? result.Seats.Select(s => "seat " + s.Status) : []);
                foreach (var w in what)
                {
                    seen[w] = seen.GetValueOrDefault(w) + 1;
                }
            });
        }

        string[] expected =
        [
            nameof(CampaignQuotaRefusal.QuotaExhausted), nameof(CampaignQuotaRefusal.OrderLimitExceeded), nameof(CampaignQuotaRefusal.MemberUnitLimitReached),
            nameof(CampaignQuotaRefusal.MemberGroupLimitReached), nameof(CampaignQuotaRefusal.UnknownSku), nameof(CampaignQuotaRefusal.OutsideWindow),
            nameof(GroupBuyRefusal.TooManyUnits), nameof(GroupBuyRefusal.GroupFull), "duplicate", "hand-over", nameof(GroupFormed), nameof(GroupFailed),
            nameof(GroupCancelled), nameof(SeatRefunded), nameof(MemberLeft), "seat Reserved", "seat Sold", "seat Released", "seat Refunded",
        ];
        foreach (var what in expected)
        {
            Assert.True(seen.GetValueOrDefault(what) >= 5, $"{what}: {seen.GetValueOrDefault(what)} times in {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}");
        }
    }

    private static void Run(CampaignBookCase c, Action<CampaignResult> observe)
    {
        var book = new CampaignBook(c.Campaign);
        var restarted = new CampaignBook(c.Campaign);
        var ids = new List<GroupBuyId>();
        var histories = new Dictionary<GroupBuyId, List<GroupBuyEvent>>();
        var refunded = new HashSet<(GroupBuyId, MemberId)>();
        var options = SocialCommerceJson.CreateOptions(c.Campaign.Skus[0].CampaignPrice.Currency);
        var at = CampaignBookArbitraries.Starts - Duration.FromHours(1);
        for (var i = 0; i < c.Commands.Length; i++)
        {
            if (i == c.RestartAt)
            {
                // A host restarts: the quota's snapshot through JSON and every group from its events.
                var json = JsonSerializer.Serialize(restarted.GetQuotaSnapshot(), options);
                var groups = histories.Select(h => GroupBuy.FromHistory(c.Campaign.FindRule(((GroupOpened)h.Value[0]).RuleName)!, h.Value));
                restarted = CampaignBook.Restore(c.Campaign, JsonSerializer.Deserialize<CampaignQuotaSnapshot>(json, options)!, groups);
            }

            var command = c.Commands[i];
            at += Duration.FromMinutes(command.Minutes);
            var results = Apply(book, command, ids, at);
            Assert.Equal(Describe(results, options), Describe(Apply(restarted, command, [.. ids], at), options));
            foreach (var result in results)
            {
                observe(result);
                Follow(c, book, restarted, command, ids, at, result, histories, refunded, options);
            }

            Check(c.Campaign, book, ids, refunded);
        }
    }

    private static void Follow(CampaignBookCase c, CampaignBook book, CampaignBook restarted, CampaignCommand command, List<GroupBuyId> ids, Instant at, CampaignResult result, Dictionary<GroupBuyId, List<GroupBuyEvent>> histories, HashSet<(GroupBuyId, MemberId)> refunded, JsonSerializerOptions options)
    {
        if (result.IsApplied)
        {
            var opened = result.Events[0] is GroupOpened; // a command on a campaign without groups yet opens one
            if (opened)
            {
                ids.Add(result.GroupId);
            }

            foreach (var e in result.Events)
            {
                (histories.TryGetValue(e.GroupId, out var h) ? h : histories[e.GroupId] = []).Add(e);
                if (e is SeatRefunded r)
                {
                    refunded.Add((r.GroupId, r.Member));
                }
            }

            // Sent again, the command answers its first outcome and changes nothing.
            var before = JsonSerializer.Serialize(book.GetQuotaSnapshot(), options);
            if (!opened && command.Kind != 7)
            {
                var again = Apply(book, command, ids, at)[0];
                Assert.True(again.IsDuplicate, $"{command} sent again: {again.Message}");
                Assert.Equal(result.Events, again.Events);
                Apply(restarted, command, ids, at);
            }

            Assert.Equal(before, JsonSerializer.Serialize(book.GetQuotaSnapshot(), options));
        }
        else if (result.Group.Refusal == GroupBuyRefusal.CampaignRefused)
        {
            Assert.NotEqual(CampaignQuotaRefusal.None, result.QuotaRefusal);
            Assert.Contains(c.Campaign.Name, result.Message, StringComparison.Ordinal);
        }
    }

    // Every command answers one result, but closing the due groups answers one per group it closed (maybe none).
    private static IReadOnlyList<CampaignResult> Apply(CampaignBook book, CampaignCommand command, List<GroupBuyId> ids, Instant at)
    {
        var sku = $"SKU-{command.Sku}"; // SKU-2 is never sold: the campaign has one or two
        var member = new MemberId(command.Member);
        if (command.Kind == 7)
        {
            return book.CloseDue(at);
        }

        if (command.Kind == 0 || ids.Count == 0)
        {
            return [book.Open(sku, member, command.Units, at)];
        }

        var group = ids[ids.Count - 1 - (command.Group % ids.Count)]; // the latest groups most
        return
        [
            command.Kind switch
            {
                <= 3 => book.Join(group, member, command.Units, at),
                4 => book.Leave(group, member, at),
                5 => book.RefundSeat(group, member, at),
                6 => book.CloseAtDeadline(group, Instant.Max(at, book.GetSnapshot(group).Deadline)),
                _ => book.Cancel(group, at),
            },
        ];
    }

    private static string Describe(IReadOnlyList<CampaignResult> results, JsonSerializerOptions options) => string.Join(" | ", results.Select(result =>
        $"{result.Group.Refusal}/{result.QuotaRefusal}/{result.IsDuplicate}/{result.Message}/{JsonSerializer.Serialize(result.Events, options)}/{JsonSerializer.Serialize(result.Seats, options)}"));

    // The quota adds up per SKU; a participant's seat is reserved while its group is open, sold once it formed (refunded
    // after a refund); every other seat is released; no member holds more than the limits.
    private static void Check(GroupBuyCampaign campaign, CampaignBook book, List<GroupBuyId> ids, HashSet<(GroupBuyId, MemberId)> refunded)
    {
        var seats = book.GetQuotaSnapshot().Seats;
        foreach (var sku in campaign.Skus)
        {
            var of = seats.Where(s => s.SkuId == sku.SkuId).ToList();
            var withheld = campaign.RefundReturnsQuota ? 0 : of.Where(s => s.Status == CampaignSeatStatus.Refunded).Sum(s => s.Units);
            var taken = of.Where(s => s.HoldsUnits).Sum(s => s.Units) + withheld;
            Assert.Equal(sku.Quota - taken, book.Left(sku.SkuId));
            Assert.True(taken <= sku.Quota, $"SKU {sku.SkuId} oversold: {taken} of {sku.Quota}");
        }

        foreach (var id in ids)
        {
            var group = book.GetSnapshot(id);
            foreach (var seat in seats.Where(s => s.Group == id))
            {
                var participant = group.Participants.Contains(seat.Member);
                var expected = !participant ? CampaignSeatStatus.Released
                    : group.Status == GroupBuyStatus.Open ? CampaignSeatStatus.Reserved
                    : group.Status == GroupBuyStatus.Formed ? (refunded.Contains((id, seat.Member)) ? CampaignSeatStatus.Refunded : CampaignSeatStatus.Sold)
                    : CampaignSeatStatus.Released;
                Assert.Equal(expected, seat.Status);
            }

            Assert.All(group.Participants, p => Assert.NotNull(book.FindSeat(id, p)));
        }

        foreach (var member in seats.Select(s => s.Member).Distinct())
        {
            var (units, groups) = book.HeldBy(member);
            Assert.Equal(seats.Where(s => s.Member == member && s.HoldsUnits).Sum(s => s.Units), units);
            Assert.True(campaign.MaxUnitsPerMember is not { } most || units <= most, $"member {member} holds {units} units");
            Assert.True(campaign.MaxGroupsPerMember is not { } limit || groups <= limit, $"member {member} holds seats in {groups} groups");
        }
    }
}
