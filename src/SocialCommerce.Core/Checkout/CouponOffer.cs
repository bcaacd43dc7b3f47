using System;

namespace SocialCommerce.Checkout;

/// <summary>
/// The offer of a coupon template: an amount off, a percent off with an optional cap, or spend-X-get-Y-off (满减); each
/// with an optional minimum spend on the eligible lines. Amounts are whole minor units, positive, at most
/// <see cref="Limits.MaxMinorUnits"/>; a percent is in (0, 100 %] with at most <see cref="Limits.MaxRateDecimals"/>
/// decimals of a fraction.
/// </summary>
public sealed record CouponOffer
{
    private CouponOffer(CouponOfferKind kind, Money? off, Rate percent, Money? cap, Money? minimumSpend)
    {
        Kind = kind;
        Off = off;
        Percent = percent;
        Cap = cap;
        MinimumSpend = minimumSpend;
        OffMinor = off?.ToMinorUnits() ?? 0;
        CapMinor = cap?.ToMinorUnits() ?? long.MaxValue;
        MinimumMinor = minimumSpend?.ToMinorUnits() ?? 0;
    }

    /// <summary>Gets what the coupon takes off.</summary>
    public CouponOfferKind Kind { get; }

    /// <summary>Gets the amount off (<see cref="CouponOfferKind.AmountOff"/>, <see cref="CouponOfferKind.SpendAndSave"/>), or null.</summary>
    public Money? Off { get; }

    /// <summary>Gets the share off (<see cref="CouponOfferKind.PercentOff"/>), or zero.</summary>
    public Rate Percent { get; }

    /// <summary>Gets the most a percent-off coupon takes off, or null for no cap.</summary>
    public Money? Cap { get; }

    /// <summary>Gets the least the eligible lines must cost (after campaign prices and earlier coupons) for the coupon to apply, or null.</summary>
    public Money? MinimumSpend { get; }

    /// <summary>A fixed amount off.</summary>
    /// <param name="off">The amount off.</param>
    /// <param name="minimumSpend">The least the eligible lines must cost, or null.</param>
    /// <returns>The offer.</returns>
    /// <exception cref="ArgumentException">An amount is not positive whole minor units within the supported range, or the currencies differ.</exception>
    public static CouponOffer AmountOff(Money off, Money? minimumSpend = null) =>
        new(CouponOfferKind.AmountOff, Positive(off, nameof(off)), Rate.Zero, null, Optional(minimumSpend, off, nameof(minimumSpend)));

    /// <summary>A share off, rounded down to whole minor units, up to a cap.</summary>
    /// <param name="percent">The share, in (0, 100 %].</param>
    /// <param name="cap">The most it takes off, or null.</param>
    /// <param name="minimumSpend">The least the eligible lines must cost, or null.</param>
    /// <returns>The offer.</returns>
    /// <exception cref="ArgumentException">The share is zero, or an amount is out of range, or the currencies differ.</exception>
    public static CouponOffer PercentOff(Rate percent, Money? cap = null, Money? minimumSpend = null)
    {
        if (percent.IsZero)
        {
            throw new ArgumentException("A percent-off coupon takes off more than 0 %.", nameof(percent));
        }

        var checkedCap = cap is { } c ? Positive(c, nameof(cap)) : (Money?)null;
        var currency = checkedCap ?? minimumSpend;
        return new(CouponOfferKind.PercentOff, null, percent, checkedCap, currency is { } reference ? Optional(minimumSpend, reference, nameof(minimumSpend)) : null);
    }

    /// <summary>Spend at least <paramref name="threshold"/> on the eligible lines, get <paramref name="off"/> off (满减).</summary>
    /// <param name="threshold">The least the eligible lines must cost.</param>
    /// <param name="off">The amount off, at most the threshold.</param>
    /// <returns>The offer.</returns>
    /// <exception cref="ArgumentException">An amount is out of range, the currencies differ, or the amount off exceeds the threshold.</exception>
    public static CouponOffer SpendAndSave(Money threshold, Money off)
    {
        Positive(threshold, nameof(threshold));
        Positive(off, nameof(off));
        if (!off.Currency.Equals(threshold.Currency) || off.Amount > threshold.Amount)
        {
            throw new ArgumentException($"Spend {threshold} save {off}: the amount off should be in {threshold.Currency.Code} and at most the threshold.", nameof(off));
        }

        return new(CouponOfferKind.SpendAndSave, off, Rate.Zero, null, threshold);
    }

    internal long OffMinor { get; }

    internal long CapMinor { get; }

    internal long MinimumMinor { get; }

    /// <summary>The currency of the offer's amounts, or null for a percent off without any.</summary>
    internal Currency? Currency => (Off ?? Cap ?? MinimumSpend)?.Currency;

    private static Money Positive(Money amount, string name)
    {
        if (!Limits.IsSupported(amount) || amount.Amount <= 0m)
        {
            throw new ArgumentException($"{name} is {(amount == default ? "the default Money (no currency)" : amount.ToString())}; it should be positive whole minor units, at most {Limits.MaxMinorUnits} of them.", name);
        }

        return amount;
    }

    private static Money? Optional(Money? amount, Money reference, string name)
    {
        if (amount is not { } value)
        {
            return null;
        }

        Positive(value, name);
        if (!value.Currency.Equals(reference.Currency))
        {
            throw new ArgumentException($"{name} is in {value.Currency.Code}; the offer is in {reference.Currency.Code}.", name);
        }

        return value;
    }
}
