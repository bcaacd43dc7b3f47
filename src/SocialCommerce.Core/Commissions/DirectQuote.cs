using System;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// The batch path's arithmetic for the commonest plan — level rates, overrides and a self-purchase rebate, with no
/// eligibility, caps, rank differential, host rule or compliance profile — in whole minor units: each line's amount is
/// <c>floor(base in minor units × rate in millionths / 10^6)</c>, written once into the caller's span. It gives exactly
/// the lines of the rule pipeline (same order, same fields, amounts of the same value and scale) and the same residual
/// value; the engine uses it only when every rate is a whole number of millionths, every fixed amount and every line
/// base a whole number of minor units, and the bases small enough that the products stay within 64 bits.
/// </summary>
internal sealed class DirectQuote
{
    private const long Millionths = 1_000_000;

    /// <summary>Bases above this many minor units take the general path (so base × rate stays below 2^63).</summary>
    private const long MaxBaseMinor = 9_000_000_000_000;

    private const int MaxDepth = 32;

    private readonly CompiledPlan _plan;
    private readonly long[][] _rates;
    private readonly long[][] _fixed;
    private readonly long _selfRate;
    private readonly byte _digits;

    private DirectQuote(CompiledPlan plan, long[][] rates, long[][] fixedMinor, long selfRate)
    {
        _plan = plan;
        _rates = rates;
        _fixed = fixedMinor;
        _selfRate = selfRate;
        _digits = (byte)plan.MinorDigits;
    }

    /// <summary>Returns the direct path for a plan that qualifies, or null.</summary>
    public static DirectQuote? For(CompiledPlan plan, bool hasHostRules, bool hasProfile)
    {
        if (hasHostRules || hasProfile || plan.IsDifferential || plan.NeedsEligibility || plan.HasSaleCap || plan.HasPerBeneficiaryCap
            || plan.PaidDepth > MaxDepth || plan.MinorDigits > 9)
        {
            return null;
        }

        var selfRate = 0L;
        if (plan.HasSelfRate && !TryMillionths(plan.SelfRate, out selfRate))
        {
            return null;
        }

        var schedules = plan.Schedules;
        var rates = new long[schedules.Length][];
        var fixedMinor = new long[schedules.Length][];
        for (var s = 0; s < schedules.Length; s++)
        {
            var schedule = schedules[s];
            rates[s] = new long[schedule.Length];
            fixedMinor[s] = new long[schedule.Length];
            for (var level = 0; level < schedule.Length; level++)
            {
                if (!schedule.Pays[level])
                {
                    continue;
                }

                if (schedule.IsFixed[level])
                {
                    var minor = schedule.Fixed[level] * plan.MinorUnitsPerUnit;
                    if (minor != decimal.Truncate(minor) || minor > MaxBaseMinor || schedule.Fixed[level].Scale > plan.MinorDigits)
                    {
                        return null;
                    }

                    fixedMinor[s][level] = (long)minor;
                }
                else if (!TryMillionths(schedule.Rates[level], out rates[s][level]))
                {
                    return null;
                }
            }
        }

        return new DirectQuote(plan, rates, fixedMinor, selfRate);
    }

    /// <summary>
    /// Quotes into <paramref name="destination"/>; returns false (writing nothing) when a line base is not a whole number
    /// of minor units or too large, so the caller takes the general path. Throws like the general path when the
    /// destination is too short, before writing anything.
    /// </summary>
    public bool TryQuote(Sale sale, IReferralNetwork network, Span<CommissionLine> destination, out int written, out decimal residual)
    {
        written = 0;
        residual = 0m;
        var lines = sale.LineArray;
        Span<long> bases = lines.Length <= 16 ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<decimal> amounts = lines.Length <= 16 ? stackalloc decimal[lines.Length] : new decimal[lines.Length];
        Span<int> scheduleOf = lines.Length <= 16 ? stackalloc int[lines.Length] : new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var b = _plan.IncludeShipping ? line.PaidAmount.Amount + line.Shipping.Amount : line.PaidAmount.Amount;
            var minor = b * _plan.MinorUnitsPerUnit;
            if (minor != decimal.Truncate(minor) || minor > MaxBaseMinor || minor < 0m)
            {
                return false;
            }

            bases[i] = (long)minor;
            amounts[i] = b;
            scheduleOf[i] = _plan.ScheduleOf(line);
        }

        var depth = _plan.PaidDepth;
        Span<MemberId> upline = stackalloc MemberId[MaxDepth];
        int uplines;
        if (depth > 0)
        {
            uplines = network.CopyUpline(sale.Buyer, upline[..depth]);
        }
        else
        {
            if (!network.Contains(sale.Buyer))
            {
                throw new UnknownMemberException(sale.Buyer);
            }

            uplines = 0;
        }

        // First pass: how many lines (amounts that do not round to zero), so a short destination is refused untouched.
        var count = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1 && count > destination.Length)
            {
                throw new ArgumentException(FormattableString.Invariant($"Destination has room for {destination.Length} lines; sale '{sale.Id}' needs {count}."), nameof(destination));
            }

            var write = pass == 1;
            long leftMillionths = 0;
            var n = 0;

            // The rule pipeline's order: level rates (and the self-purchase rebate) line by line, then overrides.
            for (var i = 0; i < lines.Length; i++)
            {
                if (_plan.HasSelfRate)
                {
                    Emit(destination, write, ref n, ref leftMillionths, sale.Buyer, 0, i, bases[i], amounts[i], _selfRate, _plan.SelfRate, CommissionRuleNames.LevelRates);
                }

                if (scheduleOf[i] == 0)
                {
                    EmitSchedule(destination, write, ref n, ref leftMillionths, upline, uplines, i, bases[i], amounts[i], 0, lines[i].Quantity, CommissionRuleNames.LevelRates);
                }
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (scheduleOf[i] != 0)
                {
                    EmitSchedule(destination, write, ref n, ref leftMillionths, upline, uplines, i, bases[i], amounts[i], scheduleOf[i], lines[i].Quantity, CommissionRuleNames.Overrides);
                }
            }

            count = n;
            if (write)
            {
                residual = leftMillionths / (Millionths * _plan.MinorUnitsPerUnit);
            }
        }

        written = count;
        return true;
    }

    private static bool TryMillionths(Rate rate, out long millionths)
    {
        var scaled = rate.Fraction * Millionths;
        if (scaled != decimal.Truncate(scaled))
        {
            millionths = 0;
            return false;
        }

        millionths = (long)scaled;
        return true;
    }

    private void EmitSchedule(Span<CommissionLine> destination, bool write, ref int n, ref long left, ReadOnlySpan<MemberId> upline, int uplines, int saleLine, long baseMinor, decimal baseAmount, int scheduleIndex, int quantity, string rule)
    {
        var schedule = _plan.Schedules[scheduleIndex];
        var rates = _rates[scheduleIndex];
        var fixedMinor = _fixed[scheduleIndex];
        var levels = schedule.Length < uplines ? schedule.Length : uplines;
        for (var level = 1; level <= levels; level++)
        {
            if (!schedule.Pays[level - 1])
            {
                continue;
            }

            if (schedule.IsFixed[level - 1])
            {
                var amount = checked(fixedMinor[level - 1] * quantity);
                if (amount == 0)
                {
                    continue;
                }

                if (write)
                {
                    destination[n] = new CommissionLine
                    {
                        Beneficiary = upline[level - 1],
                        Level = level,
                        SaleLineIndex = saleLine,
                        Base = new Money(baseAmount, _plan.Currency),
                        FixedPerUnit = schedule.FixedMoney[level - 1],
                        Units = quantity,
                        Amount = Display(amount),
                        Rule = rule,
                    };
                }

                n++;
            }
            else
            {
                Emit(destination, write, ref n, ref left, upline[level - 1], level, saleLine, baseMinor, baseAmount, rates[level - 1], schedule.Rates[level - 1], rule);
            }
        }
    }

    private void Emit(Span<CommissionLine> destination, bool write, ref int n, ref long left, MemberId beneficiary, int level, int saleLine, long baseMinor, decimal baseAmount, long millionths, Rate rate, string rule)
    {
        var product = baseMinor * millionths;
        var amount = product / Millionths;
        left += product - (amount * Millionths);
        if (amount == 0)
        {
            return;
        }

        if (write)
        {
            destination[n] = new CommissionLine
            {
                Beneficiary = beneficiary,
                Level = level,
                SaleLineIndex = saleLine,
                Base = new Money(baseAmount, _plan.Currency),
                Rate = rate,
                Amount = Display(amount),
                Rule = rule,
            };
        }

        n++;
    }

    /// <summary>Whole minor units as money with exactly the currency's minor digits (the scale the rounding stage gives).</summary>
    private Money Display(long minor) => new(new decimal(unchecked((int)minor), unchecked((int)(minor >> 32)), 0, false, _digits), _plan.Currency);
}
