using System;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The leader's perk in a formed group: none, a free seat, a fixed discount or a rate off.
/// </summary>
/// <remarks>
/// The perk applies only when the group forms; a failed or cancelled group refunds the leader
/// what the leader was charged, like every participant. A fixed discount larger than the tier price
/// makes the seat free, never negative. A rate off is rounded toward zero to the minor unit
/// (the leader's discount never exceeds the exact rate).
/// </remarks>
public readonly record struct LeaderPerk
{
    private LeaderPerk(LeaderPerkKind kind, Money discount, Rate rateOff)
    {
        Kind = kind;
        Discount = discount;
        RateOff = rateOff;
    }

    /// <summary>Gets no perk.</summary>
    public static LeaderPerk None => default;

    /// <summary>Gets a free seat for the leader.</summary>
    public static LeaderPerk Free => new(LeaderPerkKind.Free, default, Rate.Full);

    /// <summary>Gets the kind of perk.</summary>
    public LeaderPerkKind Kind { get; }

    /// <summary>Gets the fixed discount when <see cref="Kind"/> is <see cref="LeaderPerkKind.FixedDiscount"/>; the default value otherwise.</summary>
    public Money Discount { get; }

    /// <summary>Gets the rate off when <see cref="Kind"/> is <see cref="LeaderPerkKind.RateOff"/> (100 % for <see cref="LeaderPerkKind.Free"/>); zero otherwise.</summary>
    public Rate RateOff { get; }

    /// <summary>Creates a fixed discount off the leader's tier price.</summary>
    /// <param name="discount">A positive amount in whole minor units.</param>
    /// <returns>The perk.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discount"/> is the default value, zero, negative, not whole minor units or above <see cref="Limits.MaxMinorUnits"/>.</exception>
    public static LeaderPerk FixedDiscount(Money discount)
    {
        if (discount.IsNegative || discount.IsZero || !Limits.IsSupported(discount))
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, $"Leader discount should be a positive amount in whole minor units, at most {Limits.MaxMinorUnits} of them; was {discount}.");
        }

        return new LeaderPerk(LeaderPerkKind.FixedDiscount, discount, Rate.Zero);
    }

    /// <summary>Creates a rate off the leader's tier price.</summary>
    /// <param name="rate">A rate above zero.</param>
    /// <returns>The perk.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero.</exception>
    public static LeaderPerk Off(Rate rate)
    {
        if (rate.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Leader rate off should be above 0 %; was 0 %.");
        }

        return new LeaderPerk(LeaderPerkKind.RateOff, default, rate);
    }

    /// <summary>Returns what the leader pays for a seat priced at <paramref name="tierPrice"/>.</summary>
    /// <param name="tierPrice">The tier price everyone else pays.</param>
    /// <returns>The leader's price, in whole minor units, between zero and <paramref name="tierPrice"/>.</returns>
    /// <exception cref="CurrencyMismatchException">A fixed discount is in another currency.</exception>
    public Money LeaderPrice(Money tierPrice) => Kind switch
    {
        LeaderPerkKind.Free => tierPrice - tierPrice, // zero, at the price's scale ("0.00")
        LeaderPerkKind.FixedDiscount => Money.Max(tierPrice - Discount, Money.Zero(tierPrice.Currency)),
        LeaderPerkKind.RateOff => tierPrice - RateOff.ApplyTo(tierPrice).Round(RoundingMode.TowardZero),
        _ => tierPrice,
    };

    /// <summary>Describes the perk, e.g. <c>"free"</c>, <c>"2.00 CNY off"</c>, <c>"50 % off"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        LeaderPerkKind.Free => "free",
        LeaderPerkKind.FixedDiscount => $"{Discount} off",
        LeaderPerkKind.RateOff => $"{RateOff} off",
        _ => "none",
    };
}
