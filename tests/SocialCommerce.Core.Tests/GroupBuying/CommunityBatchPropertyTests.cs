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

public sealed class CommunityBatchPropertyTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static CommunityBatchRun Play(CommunityBatchScenario s) => s.Play();

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Orders_are_accepted_exactly_before_the_cut_off_and_within_member_limits(CommunityBatchScenario s)
    {
        var run = Play(s);
        var perMember = new Dictionary<(long, int), int>();
        foreach (var (spec, result) in run.Orders)
        {
            var expected = CommunityBatchRefusal.None;
            if (spec.MinutesFromCutOff >= 0)
            {
                expected = CommunityBatchRefusal.CutOffPassed;
            }
            else if (spec.Lines.Any(l => s.Products[l.Product].Limit is int limit && perMember.GetValueOrDefault((spec.Member, l.Product)) + l.Quantity > limit))
            {
                expected = CommunityBatchRefusal.PerMemberLimitExceeded;
            }

            Assert.Equal(expected, result.Refusal);
            if (expected == CommunityBatchRefusal.None)
            {
                foreach (var (product, quantity) in spec.Lines)
                {
                    perMember[(spec.Member, product)] = perMember.GetValueOrDefault((spec.Member, product)) + quantity;
                }
            }
        }

        foreach (var ((_, product), quantity) in perMember)
        {
            Assert.True(s.Products[product].Limit is not int limit || quantity <= limit);
        }
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void A_batch_confirms_exactly_the_products_that_met_their_threshold_and_quantities_are_conserved(CommunityBatchScenario s)
    {
        var run = Play(s);
        var ordered = new int[s.Products.Count];
        foreach (var (spec, result) in run.Orders.Where(o => o.Result.IsAccepted))
        {
            foreach (var (product, quantity) in spec.Lines)
            {
                ordered[product] += quantity;
            }
        }

        for (var p = 0; p < s.Products.Count; p++)
        {
            var outcome = run.Settlement.Products[p];
            Assert.Equal(s.Products[p].Id, outcome.ProductId);
            Assert.Equal(ordered[p], outcome.OrderedQuantity);
            Assert.Equal(ordered[p] >= s.Products[p].Minimum, outcome.IsConfirmed);
            var lines = run.Settlement.Lines.Where(l => l.ProductId == s.Products[p].Id).ToList();
            var confirmedQuantity = lines.Where(l => l.IsConfirmed).Sum(l => l.Quantity);
            var refundedQuantity = lines.Where(l => !l.IsConfirmed).Sum(l => l.Quantity);
            Assert.Equal(ordered[p], confirmedQuantity + refundedQuantity);
            Assert.True(confirmedQuantity == 0 || refundedQuantity == 0);
            Assert.All(lines, l => Assert.Equal(outcome.IsConfirmed, l.IsConfirmed));
        }
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Money_is_conserved_and_the_leader_commission_plus_residual_is_exactly_rate_times_confirmed_sales(CommunityBatchScenario s)
    {
        var run = Play(s);
        long totalMinor = 0;
        long confirmedMinor = 0;
        foreach (var (spec, result) in run.Orders.Where(o => o.Result.IsAccepted))
        {
            foreach (var (product, quantity) in spec.Lines)
            {
                var amount = s.Products[product].PriceMinorUnits * quantity;
                totalMinor += amount;
                if (run.Settlement.Products[product].IsConfirmed)
                {
                    confirmedMinor += amount;
                }
            }
        }

        var settlement = run.Settlement;
        Assert.Equal(Money.FromMinorUnits(confirmedMinor, Currency.CNY), settlement.ConfirmedSales);
        Assert.Equal(Money.FromMinorUnits(totalMinor - confirmedMinor, Currency.CNY), settlement.Refunded);

        var commission = settlement.Commission;
        var exact = confirmedMinor * (decimal)s.RateBasisPoints / 10000m / 100m;
        Assert.Equal(exact, commission.Exact.Amount);
        Assert.Equal(commission.Exact, commission.Amount + commission.Residual);
        Assert.True(commission.Amount.IsWholeMinorUnits);
        Assert.Equal(decimal.Floor(exact * 100m) / 100m, commission.Amount.Amount);
        Assert.False(commission.Residual.IsNegative);
        Assert.True(commission.Residual.Amount < 0.01m);
        Assert.Equal(new MemberId(100), commission.Leader);
    }

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Cut_off_evaluation_is_correct_across_daylight_saving_changes(LocalCutOff c)
    {
        var zone = c.Zone;
        var rule = new CommunityBatchRule(zone, c.CutOffTime, c.DaysBefore, Rate.Zero);
        var local = c.DeliveryDate.PlusDays(-c.DaysBefore) + c.CutOffTime;
        var cutOff = rule.ResolveCutOff(c.DeliveryDate);

        // Expected instant, from the zone's own mapping of the local time.
        var mapping = zone.MapLocal(local);
        var expected = mapping.Count switch
        {
            1 => mapping.Single().ToInstant(),
            2 => mapping.First().ToInstant(),
            _ => mapping.LateInterval.Start,
        };
        Assert.Equal(expected, cutOff);
        if (mapping.Count == 0)
        {
            // The first instant after the gap reads later than the cut-off, the tick before reads earlier.
            Assert.True(cutOff.InZone(zone).LocalDateTime > local);
            Assert.True((cutOff - Duration.Epsilon).InZone(zone).LocalDateTime < local);
        }
        else
        {
            Assert.Equal(local, cutOff.InZone(zone).LocalDateTime);
        }

        var product = new CommunityProduct("p", new Money(1m, Currency.EUR), 1);
        var batch = new CommunityBatch("b", new MemberId(1), c.DeliveryDate, rule, [product]);
        Assert.True(batch.PlaceOrder("before", new MemberId(2), [new CommunityOrderLine("p", 1)], cutOff - Duration.Epsilon).IsAccepted);
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, batch.PlaceOrder("at", new MemberId(3), [new CommunityOrderLine("p", 1)], cutOff).Refusal);
        Assert.Equal(CommunityBatchRefusal.CutOffPassed, batch.PlaceOrder("after", new MemberId(4), [new CommunityOrderLine("p", 1)], cutOff + Duration.FromHours(1)).Refusal);
        Assert.Equal(CommunityBatchRefusal.NotYetDue, batch.CloseAtCutOff(cutOff - Duration.Epsilon).Refusal);
        Assert.True(batch.CloseAtCutOff(cutOff).IsClosed);
    }
}
