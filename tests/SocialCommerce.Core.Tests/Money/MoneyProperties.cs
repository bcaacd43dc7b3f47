using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests;

public sealed class MoneyProperties
{
    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 1000)]
    public bool Allocation_sums_exactly_to_the_whole(long minorUnits, NonEmptyArray<NonNegativeInt> rawWeights, Currency currency, byte weightScale)
    {
        var total = Money.FromMinorUnits(minorUnits % 10_000_000_000L, currency);
        var scale = weightScale % 4;
        var weights = rawWeights.Get.Select(w => (decimal)w.Get / (decimal)Math.Pow(10, scale)).ToArray();
        if (weights.All(w => w == 0m))
        {
            weights[0] = 1m;
        }

        var parts = total.Allocate(weights);

        var sum = parts.Aggregate(Money.Zero(currency), (a, b) => a + b);
        return sum == total
            && parts.Length == weights.Length
            && parts.All(p => p.IsWholeMinorUnits)
            && parts.All(p => total.IsNegative ? p.Amount <= 0m : p.Amount >= 0m)
            && weights.Select((w, i) => (w, p: parts[i])).Where(x => x.w == 0m).All(x => x.p.IsZero);
    }

    [Property(MaxTest = 500)]
    public bool Allocation_parts_are_within_one_minor_unit_of_the_exact_share(PositiveInt units, NonEmptyArray<PositiveInt> rawWeights)
    {
        var total = Money.FromMinorUnits(units.Get, Currency.CNY);
        var weights = rawWeights.Get.Select(w => (decimal)w.Get).ToArray();
        var parts = total.Allocate(weights);
        var sumWeights = weights.Sum();
        return parts.Select((p, i) => Math.Abs(p.Amount - (total.Amount * weights[i] / sumWeights))).All(d => d < 0.01m);
    }

    [Property(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 500)]
    public bool Money_never_mixes_currencies(decimal a, decimal b, Currency left, Currency right)
    {
        var l = new Money(a / 1000m, left);
        var r = new Money(b / 1000m, right);
        var same = l.Currency == r.Currency;
        Func<object>[] operations = [() => l + r, () => l - r, () => l < r, () => l >= r, () => l.CompareTo(r), () => Money.Max(l, r)];
        foreach (var operation in operations)
        {
            try
            {
                operation();
                if (!same)
                {
                    return false;
                }
            }
            catch (CurrencyMismatchException)
            {
                if (same)
                {
                    return false;
                }
            }
        }

        return same ? (l + r).Currency == l.Currency : true;
    }

    [Property(MaxTest = 500)]
    public bool Rounding_toward_zero_never_increases_magnitude_and_lands_on_minor_units(decimal amount)
    {
        var money = new Money(amount / 1000m, Currency.CNY);
        var rounded = money.Round(RoundingMode.TowardZero);
        return Math.Abs(rounded.Amount) <= Math.Abs(money.Amount)
            && Math.Abs(money.Amount - rounded.Amount) < 0.01m
            && rounded.IsWholeMinorUnits;
    }
}
