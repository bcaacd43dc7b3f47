using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Checkout;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Checkout;

/// <summary>A checkout over the whole supported range: 0–3-digit currencies, list totals up to 10^15 minor units, up to 40 lines, up to three coupons of every kind and scope, points with any step.</summary>
public sealed record CheckoutCase(Cart Cart, AppliedCoupon[] Coupons, long Points, PointsRedemption? Redemption)
{
    public CheckoutResult Allocate() => CheckoutAllocator.Allocate(Cart, Coupons, Points, Redemption);

    public override string ToString() =>
        $"{Cart.Currency.Code} lines=[{string.Join("; ", Cart.Lines.Select(l => $"{l.ProductId}/{l.Category} {l.Quantity}×{l.UnitPrice.Amount}{(l.CampaignUnitPrice is { } c ? "→" + c.Amount : "")}"))}] "
        + $"coupons=[{string.Join("; ", Coupons.Select(c => $"{c.CouponId} {c.Offer.Kind} off={c.Offer.Off?.Amount} pct={c.Offer.Percent.Fraction} cap={c.Offer.Cap?.Amount} min={c.Offer.MinimumSpend?.Amount} {c.Scope.Kind}:{string.Join(",", c.Scope.Keys)}"))}] "
        + $"points={Points} ppu={Redemption?.PointsPerUnit} share={Redemption?.MaxShare.Fraction} min={Redemption?.MinimumPointsPerUse} left={Redemption?.MinimumLeftToPay.Amount}";
}

public static class CheckoutGen
{
    private static readonly string[] Categories = ["tea", "fruit", "kitchen"];

    /// <summary>A magnitude-spread choice in [0, max]: a number of digits first, so small and huge values both appear.</summary>
    public static Gen<long> Spread(long max) =>
        Gen.Choose(0, 16).SelectMany(digits => MoneyGen.ChooseLong(0, Math.Min(max, digits == 0 ? 0 : (long)Math.Pow(10, digits - 1) * 10 - 1)));

    private static Gen<CartLine> Line(Currency currency, long budget) =>
        from quantity in Gen.Frequency((6, Gen.Choose(1, 5)), (2, Gen.Choose(6, 1000)), (1, Gen.Choose(1001, Limits.MaxQuantity)))
        let maxUnit = Math.Max(0, budget / quantity)
        from unit in Spread(maxUnit)
        from campaign in Gen.Frequency((3, Gen.Constant<long?>(null)), (1, Spread(unit).Select(c => (long?)c)))
        from category in Gen.Elements(Categories)
        from product in Gen.Choose(0, 6)
        select new CartLine($"P-{product}", category, quantity, Money.FromMinorUnits(unit, currency), campaign is { } c ? Money.FromMinorUnits(c, currency) : null);

    private static Gen<Func<int, AppliedCoupon>> Coupon(Currency currency) =>
        from kind in Gen.Elements(CouponOfferKind.AmountOff, CouponOfferKind.PercentOff, CouponOfferKind.SpendAndSave)
        from off in Spread(Limits.MaxMinorUnits).Select(v => Math.Max(1, v))
        from percent in MoneyGen.Rates().Where(r => !r.IsZero)
        from cap in Gen.Frequency((2, Gen.Constant<long?>(null)), (1, Spread(Limits.MaxMinorUnits).Select(v => (long?)Math.Max(1, v))))
        from minimum in Gen.Frequency((3, Gen.Constant<long?>(null)), (1, Spread(1_000_000).Select(v => (long?)Math.Max(1, v))))
        from scopeKind in Gen.Elements(CouponScopeKind.All, CouponScopeKind.All, CouponScopeKind.Categories, CouponScopeKind.Products)
        from keys in Gen.Choose(0, 6)
        select (Func<int, AppliedCoupon>)(index => new AppliedCoupon(
            $"C-{index}",
            $"T-{index}",
            kind switch
            {
                CouponOfferKind.AmountOff => CouponOffer.AmountOff(Money.FromMinorUnits(off, currency), minimum is { } m ? Money.FromMinorUnits(m, currency) : null),
                CouponOfferKind.PercentOff => CouponOffer.PercentOff(percent, cap is { } c ? Money.FromMinorUnits(c, currency) : null, minimum is { } m2 ? Money.FromMinorUnits(m2, currency) : null),
                _ => CouponOffer.SpendAndSave(Money.FromMinorUnits(Math.Max(off, minimum ?? 1), currency), Money.FromMinorUnits(off, currency)),
            },
            scopeKind switch
            {
                CouponScopeKind.Categories => CouponScope.Categories(Categories[keys % 3], Categories[(keys + 1) % 3]),
                CouponScopeKind.Products => CouponScope.Products($"P-{keys}", $"P-{(keys + 3) % 7}"),
                _ => CouponScope.All,
            }));

    public static Gen<CheckoutCase> Cases { get; } =
        from currency in MoneyGen.Currencies
        from count in Gen.Frequency((6, Gen.Choose(1, 5)), (3, Gen.Choose(6, 20)), (1, Gen.Choose(21, 40)))
        from total in Gen.Frequency((3, Spread(Limits.MaxMinorUnits)), (1, Gen.Constant(Limits.MaxMinorUnits)))
        from lines in Line(currency, total / count).ArrayOf(count)
        from couponCount in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
        from coupons in Coupon(currency).ArrayOf(couponCount)
        from usesPoints in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
        from ppu in Gen.Elements(1L, 3L, 7L, 10L, 100L, 1000L, 12_345L, Limits.MaxPointsPerUnit)
        from share in Gen.Frequency((1, Gen.Constant<Rate?>(null)), (2, MoneyGen.Rates().Where(r => !r.IsZero).Select(r => (Rate?)r)))
        from minimumPoints in Gen.Frequency((2, Gen.Constant(0L)), (1, Spread(10_000)))
        from minimumLeft in Gen.Frequency((2, Gen.Constant(0L)), (1, Spread(1_000_000)))
        from points in Spread(Limits.MaxPoints)
        select new CheckoutCase(
            new Cart(currency, lines.ToArray()),
            coupons.Select((make, i) => make(i)).ToArray(),
            usesPoints ? points : 0,
            usesPoints ? new PointsRedemption(currency, ppu, share, minimumPoints, Money.FromMinorUnits(minimumLeft, currency)) : null);

    /// <summary>Splits <paramref name="whole"/> into positive parts (a refund sequence), from one part to many.</summary>
    public static long[] Parts(long whole, int seed)
    {
        var random = new Random(seed);
        var parts = new List<long>();
        var left = whole;
        while (left > 0)
        {
            var part = random.Next(4) == 0 ? left : 1 + (long)(random.NextDouble() * Math.Min(left, (random.Next(3) + 1) * Math.Max(1, left / 3)));
            part = Math.Min(part, left);
            parts.Add(part);
            left -= part;
        }

        return [.. parts];
    }
}

public static class CheckoutArbitraries
{
    public static Arbitrary<CheckoutCase> Cases() => CheckoutGen.Cases.ToArbitrary();
}
