using System;
using System.Numerics;

namespace SocialCommerce;

/// <summary>
/// Largest-remainder allocation in exact integer arithmetic.
/// </summary>
internal static class Allocation
{
    public static Money[] Allocate(Money total, ReadOnlySpan<decimal> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("Weights should not be empty.", nameof(weights));
        }

        if (total == default)
        {
            throw new ArgumentException("The amount to allocate is the default Money, which has no currency.", nameof(total));
        }

        var currency = total.Currency;
        if (!total.IsWholeMinorUnits)
        {
            throw new ArgumentException($"Amount {total} is not a whole number of minor units of {currency.Code}; round it before allocating.", nameof(total));
        }

        var maxScale = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0m)
            {
                throw new ArgumentException($"Weight at index {i} is {weights[i]}; weights should not be negative.", nameof(weights));
            }

            maxScale = Math.Max(maxScale, weights[i].Scale);
        }

        // Scale every weight to a common integer so that shares are computed exactly.
        var scaled = new BigInteger[weights.Length];
        var sum = BigInteger.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            var mantissa = new BigInteger(w * Currency.Pow10(w.Scale));
            scaled[i] = mantissa * BigInteger.Pow(10, maxScale - w.Scale);
            sum += scaled[i];
        }

        if (sum.IsZero)
        {
            throw new ArgumentException("Weights should not all be zero.", nameof(weights));
        }

        var units = new BigInteger(total.Amount * currency.MinorUnitsPerUnit);
        var sign = units.Sign < 0 ? -1 : 1;
        units = BigInteger.Abs(units);

        var parts = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        var allocated = BigInteger.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = BigInteger.DivRem(units * scaled[i], sum, out remainders[i]);
            allocated += parts[i];
        }

        // Hand out the units left over, one each, to the largest remainders (earlier index on ties).
        var leftOver = (int)(units - allocated);
        for (var n = 0; n < leftOver; n++)
        {
            var best = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (remainders[i].Sign > 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            parts[best] += 1;
            remainders[best] = BigInteger.Zero;
        }

        var result = new Money[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            result[i] = new Money(sign * (decimal)parts[i] * currency.MinorUnitSize, currency);
        }

        return result;
    }
}
