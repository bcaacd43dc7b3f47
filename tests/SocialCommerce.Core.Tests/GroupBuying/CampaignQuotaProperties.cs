using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>One command of a generated campaign history: 0–1 reserve, 2 sell, 3 release, 4 refund.</summary>
public sealed record CampaignStep(int Kind, int Group, int Member, int Sku, int Units, int Minutes)
{
    public override string ToString() => $"{(Kind switch { 0 or 1 => "reserve", 2 => "sell", 3 => "release", _ => "refund" })}(G{Group}, member {Member}, sku {Sku}, {Units} units, +{Minutes} min)";
}

/// <summary>A generated campaign (any supported price, 0–3-digit currencies, quotas to 10^8, limits or none) and its history.</summary>
public sealed record CampaignCase(GroupBuyCampaign Campaign, CampaignStep[] Steps)
{
    public override string ToString() =>
        $"{string.Join(", ", Campaign.Skus.Select(s => $"{s.SkuId} {s.CampaignPrice} ×{s.Quota}"))}; per order {Campaign.MaxUnitsPerOrder?.ToString() ?? "-"}, " +
        $"per member {Campaign.MaxUnitsPerMember?.ToString() ?? "-"} units / {Campaign.MaxGroupsPerMember?.ToString() ?? "-"} groups, refunds return quota: {Campaign.RefundReturnsQuota}; {string.Join("; ", Steps.AsEnumerable())}";
}

public static class CampaignArbitraries
{
    public static readonly Instant Starts = Instant.FromUtc(2026, 12, 1, 0, 0);

    private static Gen<int?> Limit(int small) => Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(1, small).Select(v => (int?)v)), (1, Gen.Choose(1, CampaignSku.MaxQuota).Select(v => (int?)v)));

    public static Gen<CampaignCase> Cases { get; } =
        from currency in MoneyGen.Currencies
        from skuCount in Gen.Choose(1, 3)
        from quotas in Gen.Frequency((5, Gen.Choose(1, 12)), (1, Gen.Choose(13, CampaignSku.MaxQuota))).ArrayOf(skuCount)
        from prices in MoneyGen.Amounts(currency, Limits.MaxMinorUnits / CampaignSku.MaxQuota).ArrayOf(skuCount)
        from perOrder in Limit(4)
        from perMember in Limit(8)
        from groups in Limit(3)
        from returns in Gen.Elements(true, false)
        from steps in (from kind in Gen.Choose(0, 4)
                       from g in Gen.Choose(1, 6)
                       from member in Gen.Choose(1, 4)
                       from sku in Gen.Choose(0, 3)
                       from units in Gen.Frequency((6, Gen.Choose(1, 4)), (1, Gen.Choose(5, CampaignSku.MaxQuota)))
                       from minutes in Gen.Frequency((8, Gen.Choose(0, 120)), (1, Gen.Choose(0, 60 * 24 * 10)))
                       select new CampaignStep(kind, g, member, sku, units, minutes)).ArrayOf()
        select new CampaignCase(
            GroupBuyCampaign.Create("C-1", new GroupBuyCampaignOptions
            {
                Starts = Starts,
                Ends = Starts + Duration.FromDays(7),
                Skus = Enumerable.Range(0, skuCount).Select(i => new CampaignSku($"SKU-{i}", prices[i].IsNegative ? -prices[i] : prices[i], quotas[i])).ToList(),
                MaxUnitsPerOrder = perOrder,
                MaxUnitsPerMember = perMember,
                MaxGroupsPerMember = groups,
                RefundReturnsQuota = returns,
            }),
            steps.Take(100).ToArray());

    public static Arbitrary<CampaignCase> Campaign() => Cases.ToArbitrary();
}

/// <summary>A campaign's quota (issue 28) under random histories, against a model of its seats.</summary>
public sealed class CampaignQuotaProperties
{
    [Property(Arbitrary = [typeof(CampaignArbitraries)], MaxTest = 600)]
    public void Left_reserved_sold_and_withheld_add_up_to_the_quota_no_member_passes_a_limit_and_a_resend_answers_its_first_outcome(CampaignCase c)
    {
        var quota = new CampaignQuota(c.Campaign);
        var seats = new Dictionary<(int Group, int Member), (string Sku, int Units, CampaignSeatStatus Status)>();
        var at = CampaignArbitraries.Starts - Duration.FromHours(1); // the first steps may fall before the window
        foreach (var step in c.Steps)
        {
            at += Duration.FromMinutes(step.Minutes);
            var group = new GroupBuyId(step.Group);
            var member = new MemberId(step.Member);
            var sku = $"SKU-{step.Sku}"; // SKU-3 is never sold by the campaign
            var before = State(quota, c.Campaign);
            var result = Apply(quota, step, at);

            // The model: what the step should do.
            var key = (step.Group, step.Member);
            var known = seats.TryGetValue(key, out var seat);
            if (step.Kind is 0 or 1)
            {
                if (known)
                {
                    Assert.Equal(seat.Sku == sku && seat.Units == step.Units ? CampaignQuotaOutcome.Duplicate : CampaignQuotaOutcome.Refused, result.Outcome);
                }
                else if (result.IsApplied)
                {
                    seats[key] = (sku, step.Units, CampaignSeatStatus.Reserved);
                    Assert.True(c.Campaign.IsOpenAt(at), c.ToString());
                }
                else
                {
                    Assert.Equal(Expected(c.Campaign, seats, step, sku, at), result.Refusal);
                }
            }
            else
            {
                var to = step.Kind switch { 2 => CampaignSeatStatus.Sold, 3 => CampaignSeatStatus.Released, _ => CampaignSeatStatus.Refunded };
                var from = to == CampaignSeatStatus.Refunded ? CampaignSeatStatus.Sold : CampaignSeatStatus.Reserved;
                var expected = !known ? CampaignQuotaRefusal.UnknownSeat
                    : seat.Status == to || (to == CampaignSeatStatus.Sold && seat.Status == CampaignSeatStatus.Refunded) ? CampaignQuotaRefusal.None
                    : seat.Status != from ? CampaignQuotaRefusal.StateConflict : CampaignQuotaRefusal.None;
                Assert.Equal(expected, result.Refusal);
                if (result.IsApplied)
                {
                    seats[key] = seat with { Status = to };
                }
                else if (expected == CampaignQuotaRefusal.None)
                {
                    Assert.Equal(CampaignQuotaOutcome.Duplicate, result.Outcome);
                }
            }

            if (!result.IsApplied)
            {
                Assert.Equal(before, State(quota, c.Campaign)); // a refusal or a duplicate changes nothing
            }

            // Conservation and limits, from the quota and from the model.
            foreach (var s in c.Campaign.Skus)
            {
                var held = seats.Values.Where(v => v.Sku == s.SkuId).ToArray();
                Assert.Equal(held.Where(v => v.Status == CampaignSeatStatus.Reserved).Sum(v => (long)v.Units), quota.Reserved(s.SkuId));
                Assert.Equal(held.Where(v => v.Status == CampaignSeatStatus.Sold).Sum(v => (long)v.Units), quota.Sold(s.SkuId));
                Assert.Equal(c.Campaign.RefundReturnsQuota ? 0 : held.Where(v => v.Status == CampaignSeatStatus.Refunded).Sum(v => (long)v.Units), quota.Withheld(s.SkuId));
                Assert.True(quota.Left(s.SkuId) >= 0);
                Assert.Equal(s.Quota, quota.Left(s.SkuId) + quota.Reserved(s.SkuId) + quota.Sold(s.SkuId) + quota.Withheld(s.SkuId));
            }

            foreach (var m in Enumerable.Range(1, 4))
            {
                var mine = seats.Where(kv => kv.Key.Member == m && kv.Value.Status is CampaignSeatStatus.Reserved or CampaignSeatStatus.Sold).ToArray();
                var (units, groups) = quota.HeldBy(new MemberId(m));
                Assert.Equal((mine.Sum(kv => kv.Value.Units), mine.Length), (units, groups));
                Assert.True(units <= (c.Campaign.MaxUnitsPerMember ?? int.MaxValue) && groups <= (c.Campaign.MaxGroupsPerMember ?? int.MaxValue), c.ToString());
            }

            // A resend of the step answers without changing anything: a duplicate of an applied step, the same refusal otherwise.
            var state = State(quota, c.Campaign);
            var again = Apply(quota, step, at);
            Assert.NotEqual(CampaignQuotaOutcome.Applied, again.Outcome);
            if (result.Outcome != CampaignQuotaOutcome.Refused)
            {
                Assert.Equal(CampaignQuotaOutcome.Duplicate, again.Outcome);
                Assert.Equal(result.Seat, again.Seat);
            }

            Assert.Equal(state, State(quota, c.Campaign));
        }
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)], MaxTest = 500)]
    public void A_quota_restored_through_json_mid_stream_answers_like_the_uninterrupted_one(CampaignCase c, PositiveInt cut)
    {
        var straight = new CampaignQuota(c.Campaign);
        var restarted = new CampaignQuota(c.Campaign);
        var split = cut.Get % (c.Steps.Length + 1);
        var at = CampaignArbitraries.Starts - Duration.FromHours(1);
        var options = SocialCommerce.Serialization.SocialCommerceJson.CreateOptions(c.Campaign.Skus[0].CampaignPrice.Currency); // generated currencies are the host's
        for (var i = 0; i < c.Steps.Length; i++)
        {
            if (i == split)
            {
                var json = SocialCommerce.Serialization.SocialCommerceJson.Serialize(restarted.ToSnapshot(), options);
                restarted = CampaignQuota.FromSnapshot(SocialCommerce.Serialization.SocialCommerceJson.Deserialize<CampaignQuotaSnapshot>(json, options)!, c.Campaign);
            }

            var step = c.Steps[i];
            at += Duration.FromMinutes(step.Minutes);
            var expected = Apply(straight, step, at);
            var actual = Apply(restarted, step, at);
            Assert.Equal((expected.Outcome, expected.Refusal, expected.Message, expected.Seat), (actual.Outcome, actual.Refusal, actual.Message, actual.Seat));
        }

        Assert.Equal(State(straight, c.Campaign), State(restarted, c.Campaign));
        Assert.Equal(straight.ToSnapshot().Seats, restarted.ToSnapshot().Seats);
    }

    [Fact]
    public void A_snapshot_that_no_history_could_leave_is_refused_naming_the_field()
    {
        // A SKU with a price: at a zero price a seat's amount is zero whatever its units, so the amount check has nothing to catch.
        var campaign = CampaignArbitraries.Cases.Sample(numberOfSamples: 200, size: 1).First(c => c.Campaign.Skus[0].CampaignPrice.Amount > 0m).Campaign;
        var sku = campaign.Skus[0];
        var at = CampaignArbitraries.Starts;
        CampaignSeat Seat(int group, int units, CampaignSeatStatus status = CampaignSeatStatus.Reserved) =>
            new(new GroupBuyId(group), new MemberId(1), sku.SkuId, units, sku.CampaignPrice * units, status, at, at);
        CampaignQuotaSnapshot Of(params CampaignSeat[] seats) => new(SocialCommerce.Serialization.SocialCommerceJson.SchemaVersion, campaign.Name, seats);

        Assert.Contains("$.seats[1].member", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, 1), Seat(1, 1)), campaign)).Message);
        Assert.Contains("$.seats[0].skuId", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, 1) with { SkuId = "SKU-9" }), campaign)).Message);
        Assert.Contains("$.seats[0].amount", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, 1) with { Units = 2 }), campaign)).Message);
        Assert.Contains("$.seats[0].changedAt", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, 1) with { ChangedAt = at - Duration.Epsilon }), campaign)).Message);
        Assert.Contains("$.seats[0].status", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, 1) with { Status = (CampaignSeatStatus)9 }), campaign)).Message);
        Assert.Contains("$.campaignName", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of() with { CampaignName = "other" }, campaign)).Message);
        if (sku.Quota < CampaignSku.MaxQuota)
        {
            Assert.Contains("quota", Assert.Throws<CorruptStateException>(() => CampaignQuota.FromSnapshot(Of(Seat(1, sku.Quota), Seat(2, 1, CampaignSeatStatus.Sold)), campaign)).Message);
        }

        var restored = CampaignQuota.FromSnapshot(Of(Seat(1, 1), Seat(2, 1, CampaignSeatStatus.Released)), campaign);
        Assert.Equal((sku.Quota - 1, 1, (1, 1)), (restored.Left(sku.SkuId), restored.Reserved(sku.SkuId), restored.HeldBy(new MemberId(1))));
    }

    [Fact]
    public void The_generator_reaches_every_refusal_and_status()
    {
        var refusals = new HashSet<CampaignQuotaRefusal>();
        var statuses = new HashSet<CampaignSeatStatus>();
        foreach (var c in CampaignArbitraries.Cases.Sample(numberOfSamples: 600, size: 100))
        {
            var quota = new CampaignQuota(c.Campaign);
            var at = CampaignArbitraries.Starts - Duration.FromHours(1);
            foreach (var step in c.Steps)
            {
                at += Duration.FromMinutes(step.Minutes);
                var r = Apply(quota, step, at);
                refusals.Add(r.Refusal);
                if (r.Seat is { } seat)
                {
                    statuses.Add(seat.Status);
                }
            }
        }

        Assert.Equal(Enum.GetValues<CampaignQuotaRefusal>().ToHashSet(), refusals);
        Assert.Equal(Enum.GetValues<CampaignSeatStatus>().ToHashSet(), statuses);
    }

    // The refusal a new seat should get, in the documented order.
    private static CampaignQuotaRefusal Expected(GroupBuyCampaign campaign, Dictionary<(int Group, int Member), (string Sku, int Units, CampaignSeatStatus Status)> seats, CampaignStep step, string sku, Instant at)
    {
        var held = seats.Where(kv => kv.Key.Member == step.Member && kv.Value.Status is CampaignSeatStatus.Reserved or CampaignSeatStatus.Sold).ToArray();
        var taken = seats.Values.Where(v => v.Sku == sku && (v.Status is CampaignSeatStatus.Reserved or CampaignSeatStatus.Sold || (v.Status == CampaignSeatStatus.Refunded && !campaign.RefundReturnsQuota))).Sum(v => (long)v.Units);
        return !campaign.IsOpenAt(at) ? CampaignQuotaRefusal.OutsideWindow
            : campaign.FindSku(sku) is not { } s ? CampaignQuotaRefusal.UnknownSku
            : step.Units > (campaign.MaxUnitsPerOrder ?? int.MaxValue) ? CampaignQuotaRefusal.OrderLimitExceeded
            : held.Sum(kv => (long)kv.Value.Units) + step.Units > (campaign.MaxUnitsPerMember ?? int.MaxValue) ? CampaignQuotaRefusal.MemberUnitLimitReached
            : held.Length >= (campaign.MaxGroupsPerMember ?? int.MaxValue) ? CampaignQuotaRefusal.MemberGroupLimitReached
            : taken + step.Units > s.Quota ? CampaignQuotaRefusal.QuotaExhausted
            : CampaignQuotaRefusal.None;
    }

    private static CampaignQuotaResult Apply(CampaignQuota quota, CampaignStep step, Instant at) => step.Kind switch
    {
        0 or 1 => quota.Reserve(new GroupBuyId(step.Group), new MemberId(step.Member), $"SKU-{step.Sku}", step.Units, at),
        2 => quota.Sell(new GroupBuyId(step.Group), new MemberId(step.Member), at),
        3 => quota.Release(new GroupBuyId(step.Group), new MemberId(step.Member), at),
        _ => quota.Refund(new GroupBuyId(step.Group), new MemberId(step.Member), at),
    };

    private static string State(CampaignQuota quota, GroupBuyCampaign campaign) =>
        string.Join("|", campaign.Skus.Select(s => $"{quota.Left(s.SkuId)},{quota.Reserved(s.SkuId)},{quota.Sold(s.SkuId)},{quota.Withheld(s.SkuId)}"))
        + "|" + string.Join(",", Enumerable.Range(1, 4).Select(m => quota.HeldBy(new MemberId(m))));
}
