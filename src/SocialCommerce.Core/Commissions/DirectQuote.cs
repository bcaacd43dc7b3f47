using System;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// The batch path's arithmetic for the commonest plans — level rates, overrides and a self-purchase rebate, with or
/// without eligibility (forfeit or compression) and a compliance profile, but no caps, rank differential or host
/// rule — in whole minor units: each line's amount is
/// <c>floor(base in minor units × rate in millionths / 10^6)</c>, written once into the caller's span. It gives exactly
/// the lines of the rule pipeline (same order, same fields, amounts of the same value and scale) and the same residual
/// value; the engine uses it only when every rate is a whole number of millionths, every fixed amount and every line
/// base a whole number of minor units, and the bases small enough that the products stay within 64 bits. A sale whose
/// lines an enforced payout ratio would scale down takes the general path (the scaling is the pipeline's).
/// </summary>
internal sealed class DirectQuote
{
    private const long Millionths = 1_000_000;

    /// <summary>Bases above this many minor units take the general path (so base × rate stays below 2^63).</summary>
    private const long MaxBaseMinor = 9_000_000_000_000;

    private const int MaxDepth = 32;

    /// <summary>The most minor units fixed amounts may add to one sale on this path (far below 2^63).</summary>
    private const long FixedHeadroom = 1L << 61;

    private readonly CompiledPlan _plan;
    private readonly IDistributorStatus? _distributors;
    private readonly Compliance.ComplianceProfile? _profile;
    private readonly long[][] _rates;
    private readonly long[][] _fixed;
    private readonly long _selfRate;
    private readonly byte _digits;

    private DirectQuote(CompiledPlan plan, IDistributorStatus? distributors, Compliance.ComplianceProfile? profile, long[][] rates, long[][] fixedMinor, long selfRate)
    {
        _plan = plan;
        _distributors = distributors;
        _profile = profile;
        _rates = rates;
        _fixed = fixedMinor;
        _selfRate = selfRate;
        _digits = (byte)plan.MinorDigits;
    }

    /// <summary>Returns the direct path for a plan that qualifies, or null.</summary>
    public static DirectQuote? For(CompiledPlan plan, bool hasHostRules, Compliance.ComplianceProfile? profile, IDistributorStatus? distributors)
    {
        // An enforced profile's sale stage only matters here if it could truncate (a custom profile may accept a plan
        // deeper than its paid depth) or scale (checked per sale in TryQuote).
        var mayTruncate = profile is { Mode: Compliance.ComplianceMode.Enforce, MaxPaidDepth: { } maxDepth } && maxDepth < plan.PaidDepth;
        if (hasHostRules || mayTruncate || plan.IsDifferential || plan.HasSaleCap || plan.HasPerBeneficiaryCap
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

        return new DirectQuote(plan, distributors, profile, rates, fixedMinor, selfRate);
    }

    /// <summary>
    /// Quotes into <paramref name="destination"/>; returns false (writing nothing) when a line base is not a whole number
    /// of minor units or too large, or an enforced payout ratio would scale the sale, so the caller takes the general
    /// path. Throws like the general path when the destination is too short, before writing anything.
    /// </summary>
    public bool TryQuote(Sale sale, IReferralNetwork network, Span<CommissionLine> destination, out int written, out decimal residual)
    {
        written = 0;
        residual = 0m;
        var lines = sale.LineArray;
        Span<long> bases = lines.Length <= 16 ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<decimal> amounts = lines.Length <= 16 ? stackalloc decimal[lines.Length] : new decimal[lines.Length];
        Span<int> scheduleOf = lines.Length <= 16 ? stackalloc int[lines.Length] : new int[lines.Length];
        var saleBase = 0m;
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
            saleBase += b;
            scheduleOf[i] = _plan.ScheduleOf(line);
        }

        var depth = _plan.PaidDepth;
        var pass = new Pass(stackalloc MemberId[MaxDepth], stackalloc int[MaxDepth + 1]);
        if (depth > 0)
        {
            pass.Uplines = network.CopyUpline(sale.Buyer, pass.Upline[..depth]);
        }
        else if (!network.Contains(sale.Buyer))
        {
            throw new UnknownMemberException(sale.Buyer);
        }

        if (_plan.NeedsEligibility)
        {
            // As the rule context prepares it: the buyer, then the eligible upline levels in order.
            pass.SelfEligible = MayEarn(sale, sale.Buyer);
            for (var level = 1; level <= pass.Uplines; level++)
            {
                if (MayEarn(sale, pass.Upline[level - 1]))
                {
                    pass.EligibleLevels[pass.EligibleCount++] = level;
                }
            }
        }

        // Pass 0 counts the lines (and the total, for the payout ratio), so nothing is written before a refusal;
        // pass 1 writes them in the rule pipeline's order: level rates and the rebate line by line, then overrides.
        for (var round = 0; round < 2; round++)
        {
            pass.Write = round == 1;
            pass.Count = 0;
            pass.LeftMillionths = 0;
            pass.LeftMinor = 0;
            pass.TotalMinor = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (_plan.HasSelfRate)
                {
                    EmitRate(ref pass, destination, sale.Buyer, 0, 0, i, bases[i], amounts[i], _selfRate, _plan.SelfRate, CommissionRuleNames.LevelRates);
                }

                if (scheduleOf[i] == 0)
                {
                    EmitSchedule(ref pass, destination, i, bases[i], amounts[i], 0, lines[i].Quantity, CommissionRuleNames.LevelRates);
                }
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (scheduleOf[i] != 0)
                {
                    EmitSchedule(ref pass, destination, i, bases[i], amounts[i], scheduleOf[i], lines[i].Quantity, CommissionRuleNames.Overrides);
                }
            }

            if (round == 0)
            {
                if (pass.TooLarge)
                {
                    return false;
                }

                if (_profile is { Mode: Compliance.ComplianceMode.Enforce, MaxPayoutRatio: { } ratio }
                    && pass.TotalMinor / _plan.MinorUnitsPerUnit > ratio.Fraction * saleBase)
                {
                    return false;
                }

                if (pass.Count > destination.Length)
                {
                    throw new ArgumentException(FormattableString.Invariant($"Destination has room for {destination.Length} lines; sale '{sale.Id}' needs {pass.Count}."), nameof(destination));
                }
            }
        }

        written = pass.Count;
        residual = (pass.LeftMillionths / (Millionths * _plan.MinorUnitsPerUnit)) + (pass.LeftMinor / _plan.MinorUnitsPerUnit);
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

    private void EmitSchedule(ref Pass pass, Span<CommissionLine> destination, int saleLine, long baseMinor, decimal baseAmount, int scheduleIndex, int quantity, string rule)
    {
        var schedule = _plan.Schedules[scheduleIndex];
        var rates = _rates[scheduleIndex];
        var fixedMinor = _fixed[scheduleIndex];
        var levels = schedule.Length < pass.Uplines ? schedule.Length : pass.Uplines;
        for (var slot = 1; slot <= levels; slot++)
        {
            if (!schedule.Pays[slot - 1])
            {
                continue;
            }

            // Eligibility: forfeit drops an ineligible member's line; compression gives plan level (slot) j to the
            // j-th eligible member of the upline, or drops it when there are fewer.
            var level = slot;
            if (_plan.NeedsEligibility)
            {
                if (_plan.Compress)
                {
                    level = slot <= pass.EligibleCount ? pass.EligibleLevels[slot - 1] : 0;
                }
                else if (!IsEligible(ref pass, slot))
                {
                    level = 0;
                }
            }

            if (schedule.IsFixed[slot - 1])
            {
                // Fixed amounts times large quantities can leave 64 bits: such a sale takes the general path.
                if (fixedMinor[slot - 1] > (FixedHeadroom - pass.TotalMinor - pass.LeftMinor) / quantity)
                {
                    pass.TooLarge = true;
                    continue;
                }

                var amount = fixedMinor[slot - 1] * quantity;
                if (level == 0)
                {
                    pass.LeftMinor = checked(pass.LeftMinor + amount);
                    continue;
                }

                if (amount == 0)
                {
                    continue;
                }

                if (pass.Write)
                {
                    destination[pass.Count] = new CommissionLine
                    {
                        Beneficiary = pass.Upline[level - 1],
                        Level = level,
                        SaleLineIndex = saleLine,
                        Base = new Money(baseAmount, _plan.Currency),
                        FixedPerUnit = schedule.FixedMoney[slot - 1],
                        Units = quantity,
                        Amount = Display(amount),
                        Rule = rule,
                        Marks = level != slot ? CommissionLineMarks.Compressed : CommissionLineMarks.None,
                    };
                }

                pass.TotalMinor += amount;
                pass.Count++;
            }
            else if (level == 0)
            {
                Forfeit(ref pass, baseMinor * rates[slot - 1]);
            }
            else
            {
                EmitRate(ref pass, destination, pass.Upline[level - 1], level, slot, saleLine, baseMinor, baseAmount, rates[slot - 1], schedule.Rates[slot - 1], rule);
            }
        }
    }

    private void EmitRate(ref Pass pass, Span<CommissionLine> destination, MemberId beneficiary, int level, int slot, int saleLine, long baseMinor, decimal baseAmount, long millionths, Rate rate, string rule)
    {
        var product = baseMinor * millionths;
        if (level == 0 && _plan.NeedsEligibility && !pass.SelfEligible)
        {
            Forfeit(ref pass, product);
            return;
        }

        var amount = product / Millionths;
        pass.LeftMillionths += product - (amount * Millionths);
        if (amount == 0)
        {
            return;
        }

        if (pass.Write)
        {
            destination[pass.Count] = new CommissionLine
            {
                Beneficiary = beneficiary,
                Level = level,
                SaleLineIndex = saleLine,
                Base = new Money(baseAmount, _plan.Currency),
                Rate = rate,
                Amount = Display(amount),
                Rule = rule,
                Marks = level != slot ? CommissionLineMarks.Compressed : CommissionLineMarks.None,
            };
        }

        pass.TotalMinor += amount;
        pass.Count++;
    }

    /// <summary>
    /// A forfeited share in millionths of a minor unit: its whole minor units and the rest are summed apart, so that
    /// neither sum can leave 64 bits for sales within <see cref="Limits.MaxMinorUnits"/>.
    /// </summary>
    private static void Forfeit(ref Pass pass, long product)
    {
        var whole = product / Millionths;
        pass.LeftMinor += whole;
        pass.LeftMillionths += product - (whole * Millionths);
    }

    private static bool IsEligible(ref Pass pass, int level)
    {
        for (var k = 0; k < pass.EligibleCount; k++)
        {
            if (pass.EligibleLevels[k] == level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rule context's <c>MayEarn</c>: the sale's enabled distributors, else the engine's status source.</summary>
    private bool MayEarn(Sale sale, MemberId member)
    {
        if (sale.EnabledDistributors is { } set)
        {
            return set.Contains(member);
        }

        return _distributors is not null
            ? _distributors.IsEnabledDistributor(member)
            : throw new InvalidOperationException($"Plan '{_plan.Plan.Name}' pays only enabled distributors, but sale '{sale.Id}' has no EnabledDistributors and the engine has no IDistributorStatus.");
    }

    /// <summary>Whole minor units as money with exactly the currency's minor digits (the scale the rounding stage gives).</summary>
    private Money Display(long minor) => new(new decimal(unchecked((int)minor), unchecked((int)(minor >> 32)), 0, false, _digits), _plan.Currency);

    /// <summary>The state of one quote's two passes, on the stack.</summary>
    private ref struct Pass(Span<MemberId> upline, Span<int> eligibleLevels)
    {
        public Span<MemberId> Upline = upline;
        public Span<int> EligibleLevels = eligibleLevels;
        public int Uplines;
        public int EligibleCount;
        public bool SelfEligible = true;
        public bool Write;
        public int Count;
        public long LeftMillionths;
        public long LeftMinor;
        public long TotalMinor;
        public bool TooLarge;
    }
}
