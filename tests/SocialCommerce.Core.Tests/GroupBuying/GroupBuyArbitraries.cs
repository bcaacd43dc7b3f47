using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>A generated team-up group: its rule's settings and what members try, in order.</summary>
public sealed record GroupScenario(
    int Required,
    int? Maximum,
    (int Count, long PriceMinor)[] Tiers,
    int PerkKind,
    int PerkValue,
    int? MinimumReal,
    bool NewMembersOnly,
    int TimeLimitMinutes,
    JoinAttempt[] Joins,
    int CloseOffsetMinutes)
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 9, 0);

    public static readonly MemberId Leader = new(1);

    public int Capacity => Maximum ?? Required;

    public Instant Deadline => Start + Duration.FromMinutes(TimeLimitMinutes);

    public GroupBuyRule BuildRule()
    {
        var builder = GroupBuyRule.Create("generated", Currency.CNY)
            .RequireParticipants(Required)
            .WithTimeLimit(Duration.FromMinutes(TimeLimitMinutes))
            .ForNewMembersOnly(NewMembersOnly);
        if (Maximum is int max)
        {
            builder.AllowUpTo(max);
        }

        foreach (var (count, price) in Tiers)
        {
            builder.AddTier(count, price / 100m);
        }

        builder.WithLeaderPerk(PerkKind switch
        {
            1 => LeaderPerk.Free,
            2 => LeaderPerk.FixedDiscount(Money.FromMinorUnits(PerkValue, Currency.CNY)),
            3 => LeaderPerk.Off(Rate.Percent(Math.Min(PerkValue, 100))),
            _ => LeaderPerk.None,
        });
        if (MinimumReal is int minimumReal)
        {
            builder.AllowSimulatedParticipants(minimumReal);
        }

        return builder.Build();
    }

    public override string ToString() =>
        $"required {Required}, max {Maximum}, tiers [{string.Join(", ", Tiers.Select(t => $"{t.Count}:{t.PriceMinor}"))}], perk {PerkKind}/{PerkValue}, "
        + $"minReal {MinimumReal}, newOnly {NewMembersOnly}, limit {TimeLimitMinutes} min, close +{CloseOffsetMinutes} min, joins [{string.Join(", ", Joins)}]";
}

/// <summary>One member's attempt to join, some seconds after the group opened.</summary>
public readonly record struct JoinAttempt(long Member, int OffsetSeconds, bool IsNew)
{
    public override string ToString() => $"{Member}@{OffsetSeconds}s{(IsNew ? "n" : string.Empty)}";
}

/// <summary>A generated community batch: products and orders placed around the cut-off.</summary>
public sealed record BatchScenario(ProductSpec[] Products, OrderSpec[] Orders, int RateBasisPoints)
{
    public override string ToString() =>
        $"rate {RateBasisPoints} bp, products [{string.Join(", ", Products.Select(p => p.ToString()))}], orders [{string.Join("; ", Orders.Select(o => o.ToString()))}]";
}

/// <summary>A generated product offer.</summary>
public sealed record ProductSpec(string Id, long PriceMinor, int Minimum, int? Limit);

/// <summary>A generated order: member, (product index, quantity) lines, minutes relative to the cut-off.</summary>
public sealed record OrderSpec(long Member, (int Product, int Quantity)[] Lines, int MinutesFromCutOff)
{
    public override string ToString() =>
        $"m{Member}@{MinutesFromCutOff}min [{string.Join(", ", Lines.Select(l => $"p{l.Product}x{l.Quantity}"))}]";
}

/// <summary>A local cut-off around the daylight-saving changes of a zone that has them.</summary>
public sealed record DstCutOff(string ZoneId, LocalDate DeliveryDate, LocalTime CutOffTime, int DaysBefore)
{
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public override string ToString() => $"{ZoneId} delivery {DeliveryDate:uuuu-MM-dd}, {CutOffTime:HH:mm:ss} {DaysBefore} day(s) before";
}

/// <summary>Shared generators for the group-buying properties.</summary>
public static class GroupBuyArbitraries
{
    public static Arbitrary<GroupScenario> Groups() => GroupGen.ToArbitrary();

    public static Arbitrary<BatchScenario> Batches() => BatchGen.ToArbitrary();

    public static Arbitrary<DstCutOff> DstCutOffs() => DstGen.ToArbitrary();

    private static Gen<GroupScenario> GroupGen =>
        from required in Gen.Choose(2, 6)
        from extra in Gen.Choose(0, 4)
        from hasMax in Gen.Elements(true, false)
        let capacity = hasMax ? required + extra : required
        from first in Gen.Choose(2, required)
        from more in Gen.SubListOf(Enumerable.Range(first + 1, capacity - first).ToArray())
        let counts = new[] { first }.Concat(more).OrderBy(c => c).ToArray()
        from firstPrice in Gen.Choose(0, 5000)
        from steps in Gen.ArrayOf(Gen.Choose(0, 400), counts.Length)
        from perkKind in Gen.Choose(0, 3)
        from perkValue in Gen.Choose(1, 6000)
        from simulate in Gen.Elements(true, false)
        from minimumReal in Gen.Choose(1, required - 1)
        from newOnly in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from limit in Gen.Choose(1, 120)
        from joins in Gen.ArrayOf(JoinGen(limit))
        from closeOffset in Gen.Choose(limit, limit + 30)
        select new GroupScenario(
            required,
            hasMax ? capacity : null,
            Prices(counts, firstPrice, steps),
            perkKind,
            perkValue,
            simulate ? minimumReal : null,
            newOnly,
            limit,
            joins,
            closeOffset);

    private static Gen<JoinAttempt> JoinGen(int limitMinutes) =>
        from member in Gen.Choose(1, 12)
        from offset in Gen.Frequency(
            (6, Gen.Choose(0, (limitMinutes * 60) - 1)),
            (1, Gen.Constant((limitMinutes * 60) - 1)),
            (1, Gen.Choose(limitMinutes * 60, (limitMinutes * 60) + 120)))
        from isNew in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new JoinAttempt(member, offset, isNew);

    private static (int, long)[] Prices(int[] counts, int firstPrice, int[] steps)
    {
        var tiers = new (int, long)[counts.Length];
        long price = firstPrice;
        for (var i = 0; i < counts.Length; i++)
        {
            price = Math.Max(0, price - (i == 0 ? 0 : steps[i]));
            tiers[i] = (counts[i], price);
        }

        return tiers;
    }

    private static Gen<BatchScenario> BatchGen =>
        from productCount in Gen.Choose(1, 4)
        from products in Gen.ArrayOf(ProductGen, productCount)
        from orders in Gen.ArrayOf(OrderGen(productCount))
        from rate in Gen.Choose(0, 3000)
        select new BatchScenario(products.Select((p, i) => p with { Id = "p" + i }).ToArray(), orders, rate);

    private static Gen<ProductSpec> ProductGen =>
        from price in Gen.Choose(0, 99999)
        from minimum in Gen.Choose(1, 12)
        from hasLimit in Gen.Elements(true, false)
        from limit in Gen.Choose(1, 6)
        select new ProductSpec(string.Empty, price, minimum, hasLimit ? limit : null);

    private static Gen<OrderSpec> OrderGen(int productCount) =>
        from member in Gen.Choose(1, 6)
        from products in Gen.SubListOf(Enumerable.Range(0, productCount).ToArray()).Where(l => l.Count > 0)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 5), products.Count)
        from minutes in Gen.Frequency((8, Gen.Choose(-600, -1)), (1, Gen.Choose(0, 60)))
        select new OrderSpec(member, products.Select((p, i) => (p, quantities[i])).ToArray(), minutes);

    private static Gen<DstCutOff> DstGen =>
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
        select new DstCutOff(zone, date, time, daysBefore);
}
