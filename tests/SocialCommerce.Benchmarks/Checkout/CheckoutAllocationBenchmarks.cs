using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SocialCommerce.Checkout;

namespace SocialCommerce.Benchmarks.Checkout;

/// <summary>
/// Issue 27: allocating a 20-line cart with campaign prices, three coupons (a category amount-off, a spend-and-save and
/// a capped percent-off) and a points deduction in at most 2 µs, allocating nothing beyond the result (its lines and
/// the coupon shares; each line's trace is written when first read, measured with the traces read too). The agreement check before timing: the payable amounts and the points add up.
/// </summary>
[MemoryDiagnoser]
public class CheckoutAllocationBenchmarks
{
    private static readonly Currency Cny = Currency.CNY;

    private readonly Cart _cart = new(Cny, Enumerable.Range(0, 20).Select(i => new CartLine(
        $"SKU-{i}",
        (i % 3) switch { 0 => "tea", 1 => "fruit", _ => "kitchen" },
        1 + (i % 4),
        Money.FromMinorUnits(999 + (i * 137), Cny),
        i % 5 == 0 ? Money.FromMinorUnits(899 + (i * 137), Cny) : null)).ToArray());

    private readonly AppliedCoupon[] _coupons =
    [
        new("C-tea", "T-tea", CouponOffer.AmountOff(new Money(5m, Cny)), CouponScope.Categories("tea")),
        new("C-300", "T-300", CouponOffer.SpendAndSave(new Money(300m, Cny), new Money(30m, Cny))),
        new("C-10pct", "T-10pct", CouponOffer.PercentOff(Rate.Percent(10), cap: new Money(50m, Cny))),
    ];

    private readonly PointsRedemption _points = new(Cny, pointsPerUnit: 100, maxShare: Rate.Percent(50), minimumPointsPerUse: 100);

    [GlobalSetup]
    public void Check()
    {
        var a = CheckoutAllocator.Allocate(_cart, _coupons, 3_000, _points).Allocation
            ?? throw new InvalidOperationException("The benchmark cart was refused.");
        var payable = a.Lines.Aggregate(Money.Zero(Cny), (sum, l) => sum + l.Payable);
        if (payable != a.Payable || a.ListTotal != a.CampaignDiscount + a.CouponDiscount + a.PointsValue + a.Payable || a.PointsUsed != 3_000)
        {
            throw new InvalidOperationException($"The allocation does not add up: {a.Payable} payable, {a.PointsUsed} points.");
        }
    }

    /// <summary>One checkout: 20 lines, 3 coupons, 3,000 points.</summary>
    /// <returns>The result (kept alive so nothing is optimised away).</returns>
    [Benchmark(Baseline = true)]
    public CheckoutResult Allocate() => CheckoutAllocator.Allocate(_cart, _coupons, 3_000, _points);

    /// <summary>One checkout and every line's trace read (each line writes its trace when first read).</summary>
    /// <returns>The number of trace entries.</returns>
    [Benchmark]
    public int AllocateAndReadTheTraces()
    {
        var entries = 0;
        foreach (var line in CheckoutAllocator.Allocate(_cart, _coupons, 3_000, _points).Allocation!.Lines)
        {
            entries += line.Discounts.Count;
        }

        return entries;
    }

    /// <summary>
    /// What a host would otherwise write (the open mall systems' way): decimal shares rounded per line, the last eligible
    /// line taking the rest; no trace, no refund shares, no checks. The comparison point, not a correct allocation.
    /// </summary>
    /// <returns>The payable amounts.</returns>
    [Benchmark]
    public decimal[] LastLineTakesTheRest()
    {
        var lines = _cart.Lines;
        var payable = new decimal[lines.Count];
        for (var i = 0; i < payable.Length; i++)
        {
            payable[i] = (lines[i].CampaignUnitPrice ?? lines[i].UnitPrice).Amount * lines[i].Quantity;
        }

        Split(payable, 5m, i => lines[i].Category == "tea");
        var all = 0m;
        foreach (var p in payable)
        {
            all += p;
        }

        Split(payable, all >= 300m ? 30m : 0m, _ => true);
        var subtotal = 0m;
        foreach (var p in payable)
        {
            subtotal += p;
        }

        Split(payable, Math.Min(50m, Math.Round(subtotal * 0.10m, 2, MidpointRounding.ToZero)), _ => true);
        Split(payable, 30m, _ => true);
        return payable;
    }

    private static void Split(decimal[] payable, decimal discount, Func<int, bool> eligible)
    {
        var total = 0m;
        var last = -1;
        for (var i = 0; i < payable.Length; i++)
        {
            if (eligible(i))
            {
                total += payable[i];
                last = i;
            }
        }

        var given = 0m;
        for (var i = 0; i < payable.Length && total > 0m; i++)
        {
            if (!eligible(i))
            {
                continue;
            }

            var share = i == last ? discount - given : Math.Round(discount * payable[i] / total, 2, MidpointRounding.AwayFromZero);
            payable[i] -= share;
            given += share;
        }
    }
}
