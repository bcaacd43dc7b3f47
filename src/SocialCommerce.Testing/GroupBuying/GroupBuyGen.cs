using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and shrinkers for group buying: team-up groups with their join sequences, community batches with
/// orders around the cut-off, and local cut-offs around daylight-saving changes.
/// </summary>
public static class GroupBuyGen
{
    /// <summary>
    /// Gets a generator of team-up groups: 2 to 6 required participants, sometimes room for up to 4 more, 1 to n price
    /// tiers (non-increasing prices), every leader perk, sometimes simulated participants, sometimes new members only,
    /// a 1 to 120 minute limit (sometimes up to <see cref="Limits.MaxDuration"/>), prices up to 50.00 (sometimes up to
    /// <see cref="Limits.MaxMinorUnits"/>), join attempts by members 1 to 12 (the leader and repeats included, some at or after the
    /// deadline), and a close at or up to 30 minutes after the deadline.
    /// </summary>
    public static Gen<GroupBuyScenario> Groups { get; } =
        from required in Gen.Choose(2, 6)
        from extra in Gen.Choose(0, 4)
        from hasMax in Gen.Elements(true, false)
        let capacity = hasMax ? required + extra : required
        from first in Gen.Choose(2, required)
        from more in Gen.SubListOf(Enumerable.Range(first + 1, capacity - first).ToArray())
        let counts = new[] { first }.Concat(more).OrderBy(c => c).ToArray()
        from firstPrice in Gen.Frequency((6, MoneyGen.ChooseLong(0, 5000)), (1, MoneyGen.ChooseLong(0, Limits.MaxMinorUnits)))
        from steps in Gen.ArrayOf(Gen.Choose(0, 400), counts.Length)
        from perk in Gen.Elements(LeaderPerkSample.None, LeaderPerkSample.Free, LeaderPerkSample.FixedDiscount, LeaderPerkSample.PercentOff)
        from perkValue in Gen.Choose(1, 6000)
        from simulate in Gen.Elements(true, false)
        from minimumReal in Gen.Choose(1, required - 1)
        from newOnly in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from limit in Gen.Frequency((8, Gen.Choose(1, 120)), (1, Gen.Choose(121, (int)Limits.MaxDuration.TotalMinutes)))
        from joins in Gen.ListOf(Joins(limit))
        from closeOffset in Gen.Choose(limit, limit + 30)
        select new GroupBuyScenario(required, hasMax ? capacity : null, Prices(counts, firstPrice, steps), perk, perkValue, simulate ? minimumReal : null, newOnly, limit, joins.ToArray(), closeOffset);

    /// <summary>
    /// Gets a generator of community batches: 1 to 4 products (price up to 999.99, minimum 1 to 12, sometimes a
    /// per-member limit), orders by members 1 to 6 mostly before the cut-off and some at or after it, and a leader
    /// commission of 0 to 30 %.
    /// </summary>
    public static Gen<CommunityBatchScenario> Batches { get; } =
        from productCount in Gen.Choose(1, 4)
        from products in Gen.ArrayOf(Products, productCount)
        from orders in Gen.ListOf(Orders(productCount))
        from rate in Gen.Choose(0, 3000)
        select new CommunityBatchScenario(products.Select((p, i) => p with { Id = "p" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(), orders.ToArray(), rate);

    /// <summary>
    /// Gets a generator of local cut-offs in Europe/Berlin and America/New_York, half of them on or next to the 2026
    /// daylight-saving changes at times inside or at the edge of the gap or the overlap.
    /// </summary>
    public static Gen<LocalCutOff> CutOffs { get; } =
        from zone in Gen.Elements("Europe/Berlin", "America/New_York")
        from date in Gen.OneOf(
            Gen.Elements(
                new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 30), new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 26),
                new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 9), new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 2)),
            Gen.Choose(0, 729).Select(d => new LocalDate(2026, 1, 1).PlusDays(d)))
        from time in Gen.OneOf(
            Gen.Elements(new LocalTime(2, 0), new LocalTime(2, 30), new LocalTime(1, 30), new LocalTime(1, 59, 59), new LocalTime(3, 0), new LocalTime(23, 0), new LocalTime(0, 0)),
            Gen.Choose(0, (24 * 60) - 1).Select(m => new LocalTime(m / 60, m % 60)))
        from daysBefore in Gen.Choose(0, 2)
        select new LocalCutOff(zone, date, time, daysBefore);

    private static Gen<BatchProductSample> Products =>
        from price in Gen.Choose(0, 99_999)
        from minimum in Gen.Choose(1, 12)
        from hasLimit in Gen.Elements(true, false)
        from limit in Gen.Choose(1, 6)
        select new BatchProductSample(string.Empty, price, minimum, hasLimit ? limit : null);

    /// <summary>Shrinks a group: fewer join attempts (half, then each one dropped), no simulated participants, one tier.</summary>
    /// <param name="scenario">The group.</param>
    /// <returns>Smaller valid candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static IEnumerable<GroupBuyScenario> Shrink(GroupBuyScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return ShrinkGroup(scenario);
    }

    /// <summary>Shrinks a batch: fewer orders (half, then each one dropped).</summary>
    /// <param name="scenario">The batch.</param>
    /// <returns>Smaller valid candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static IEnumerable<CommunityBatchScenario> Shrink(CommunityBatchScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Fewer.Of(scenario.Orders).Select(orders => scenario with { Orders = orders });
    }

    private static IEnumerable<GroupBuyScenario> ShrinkGroup(GroupBuyScenario s)
    {
        foreach (var joins in Fewer.Of(s.Joins))
        {
            yield return s with { Joins = joins };
        }

        if (s.MinimumReal is not null)
        {
            yield return s with { MinimumReal = null };
        }

        if (s.Tiers.Count > 1)
        {
            yield return s with { Tiers = [s.Tiers[0]] };
        }
    }

    private static Gen<JoinAttempt> Joins(int limitMinutes) =>
        from member in Gen.Choose(1, 12)
        from offset in Gen.Frequency(
            (6, Gen.Choose(0, (limitMinutes * 60) - 1)),
            (1, Gen.Constant((limitMinutes * 60) - 1)),
            (1, Gen.Choose(limitMinutes * 60, (limitMinutes * 60) + 120)))
        from isNew in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new JoinAttempt(member, offset, isNew);

    private static GroupBuyTierSample[] Prices(int[] counts, long firstPrice, int[] steps)
    {
        var tiers = new GroupBuyTierSample[counts.Length];
        long price = firstPrice;
        for (var i = 0; i < counts.Length; i++)
        {
            price = Math.Max(0, price - (i == 0 ? 0 : steps[i]));
            tiers[i] = new GroupBuyTierSample(counts[i], price);
        }

        return tiers;
    }

    private static Gen<BatchOrderSample> Orders(int productCount) =>
        from member in Gen.Choose(1, 6)
        from products in Gen.SubListOf(Enumerable.Range(0, productCount).ToArray()).Where(l => l.Count > 0)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 5), products.Count)
        from minutes in Gen.Frequency((8, Gen.Choose(-600, -1)), (1, Gen.Choose(0, 60)))
        select new BatchOrderSample(member, products.Select((p, i) => new BatchOrderLine(p, quantities[i])).ToArray(), minutes);
}
