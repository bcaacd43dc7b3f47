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
    private readonly bool[] _hasFixed;
    private readonly long _selfRate;
    private readonly byte _digits;

    /// <summary>An audited profile's paid depth when it is shallower than the plan's (lines beyond it are findings), else <see cref="int.MaxValue"/>.</summary>
    private readonly int _auditedDepth;

    private DirectQuote(CompiledPlan plan, IDistributorStatus? distributors, Compliance.ComplianceProfile? profile, long[][] rates, long[][] fixedMinor, long selfRate)
    {
        _plan = plan;
        _distributors = distributors;
        _profile = profile;
        _rates = rates;
        _fixed = fixedMinor;
        _hasFixed = Array.ConvertAll(plan.Schedules, static schedule => Array.IndexOf(schedule.IsFixed, true) >= 0);
        _selfRate = selfRate;
        _digits = (byte)plan.MinorDigits;
        _auditedDepth = profile is { Mode: Compliance.ComplianceMode.Audit, MaxPaidDepth: { } audited } && audited < plan.PaidDepth ? audited : int.MaxValue;
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
    /// Quotes into <paramref name="destination"/>; returns false when a line base is too large, a fixed amount would
    /// leave 64 bits, or an enforced payout ratio would scale the sale, so the caller takes the general path (anything
    /// written is cleared first). Throws like the general path when the destination is too short, before writing
    /// anything.
    /// </summary>
    /// <remarks>
    /// What a <see cref="Sale"/> and a compiled plan guarantee is not checked again here: line amounts are whole minor
    /// units, not negative and at most <see cref="Limits.MaxMinorUnits"/> (checked by <see cref="SaleLine"/>, which
    /// keeps them as minor units), rates are whole millionths and fixed amounts whole minor units (checked once by
    /// <see cref="For"/>). When the destination has room for every line the sale could produce, the lines are written
    /// in one pass; otherwise a counting pass runs first, so a short destination is refused with nothing written.
    /// </remarks>
    public bool TryQuote(Sale sale, IReferralNetwork network, Span<CommissionLine> destination, out Totals totals) =>
        TryQuote(sale, network, destination, allocate: false, out _, out totals);

    /// <summary>
    /// Quotes into a new array of exactly the lines in their compact form (for <see cref="CommissionEngine.Quote"/>,
    /// whose <see cref="CommissionLines"/> composes each line when it is read): sized once the upline is known, written
    /// in one pass, trimmed only when a line rounds to zero. Returns false as the other overload.
    /// </summary>
    public bool TryQuote(Sale sale, IReferralNetwork network, out DirectLine[] lines, out Totals totals) =>
        TryQuote(sale, network, default, allocate: true, out lines, out totals);

    /// <summary>
    /// The line a compact line stands for: the fields the pipeline writes (the base as the sale states it, the plan's
    /// own <see cref="Rate"/> or fixed amount, the rule's name), equal to what <see cref="TryQuote(Sale, IReferralNetwork, Span{CommissionLine}, out Totals)"/>
    /// writes for it.
    /// </summary>
    public CommissionLine Compose(in DirectLine line, Sale sale)
    {
        var saleLine = sale.LineArray[line.SaleLineIndex];
        var marks = line.Level != line.Slot ? CommissionLineMarks.Compressed : CommissionLineMarks.None;
        var rule = line.Schedule == 0 ? CommissionRuleNames.LevelRates : CommissionRuleNames.Overrides;
        CommissionLine composed = default;
        if (line.Slot == 0)
        {
            CommissionLine.WriteRate(ref composed, line.Beneficiary, line.Level, line.SaleLineIndex, BaseOf(saleLine), _plan.SelfRate, Display(line.AmountMinor), rule, marks);
            return composed;
        }

        var schedule = _plan.Schedules[line.Schedule];
        if (schedule.IsFixed[line.Slot - 1])
        {
            return new CommissionLine
            {
                Beneficiary = line.Beneficiary,
                Level = line.Level,
                SaleLineIndex = line.SaleLineIndex,
                Base = BaseOf(saleLine),
                FixedPerUnit = schedule.FixedMoney[line.Slot - 1],
                Units = saleLine.Quantity,
                Amount = Display(line.AmountMinor),
                Rule = rule,
                Marks = marks,
            };
        }

        CommissionLine.WriteRate(ref composed, line.Beneficiary, line.Level, line.SaleLineIndex, BaseOf(saleLine), schedule.Rates[line.Slot - 1], Display(line.AmountMinor), rule, marks);
        return composed;
    }

    private bool TryQuote(Sale sale, IReferralNetwork network, Span<CommissionLine> destination, bool allocate, out DirectLine[] allocated, out Totals totals)
    {
        totals = default;
        allocated = [];
        var lines = sale.LineArray;
        Span<int> scheduleOf = lines.Length <= 32 ? stackalloc int[lines.Length] : new int[lines.Length];
        var saleBase = 0L;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var minor = BaseMinor(line);
            if (minor > MaxBaseMinor)
            {
                return false;
            }

            saleBase += minor;
            scheduleOf[i] = _plan.ScheduleOf(line);
        }

        var depth = _plan.PaidDepth;
        var pass = new Pass(stackalloc MemberId[depth], _plan.NeedsEligibility ? stackalloc int[depth] : default);
        if (depth > 0)
        {
            pass.Uplines = network.CopyUpline(sale.Buyer, pass.Upline);
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

        // The most lines this sale can produce: one per (sale line, paid level) and the rebate.
        var bound = lines.Length * (pass.Uplines + (_plan.HasSelfRate ? 1 : 0));
        if (allocate)
        {
            // Compact lines: the bound always fits, so there is no counting pass.
            allocated = new DirectLine[bound];
            pass.Compact = allocated;
            Run<ToCompact>(ref pass, sale, destination, lines, scheduleOf, write: true);
            if (pass.TooLarge || RatioForcesGeneralPath(ref pass, saleBase))
            {
                allocated = [];
                return false;
            }

            if (pass.Count < allocated.Length)
            {
                allocated = allocated[..pass.Count];
            }

            totals = new Totals(pass.Count, saleBase, pass.TotalMinor, pass.LeftMillionths, pass.LeftMinor, pass.RoundingMillionths, RatioExceeded(ref pass, saleBase) || BeyondAuditedDepth(default, allocated), pass.Adjusted, _digits);
            return true;
        }

        var counted = false;
        if (bound > destination.Length)
        {
            Run<ToSpan>(ref pass, sale, destination, lines, scheduleOf, write: false);
            if (pass.TooLarge || RatioForcesGeneralPath(ref pass, saleBase))
            {
                return false;
            }

            if (pass.Count > destination.Length)
            {
                throw new ArgumentException(FormattableString.Invariant($"Destination has room for {destination.Length} lines; sale '{sale.Id}' needs {pass.Count}."), nameof(destination));
            }

            counted = true;
        }

        Run<ToSpan>(ref pass, sale, destination, lines, scheduleOf, write: true);
        if (!counted && (pass.TooLarge || RatioForcesGeneralPath(ref pass, saleBase)))
        {
            destination[..pass.Count].Clear();
            return false;
        }

        totals = new Totals(pass.Count, saleBase, pass.TotalMinor, pass.LeftMillionths, pass.LeftMinor, pass.RoundingMillionths, RatioExceeded(ref pass, saleBase) || BeyondAuditedDepth(destination[..pass.Count], default), pass.Adjusted, _digits);
        return true;
    }

    /// <summary>The pipeline's order: level rates and the rebate line by line, then overrides.</summary>
    private void Run<TSink>(ref Pass pass, Sale sale, Span<CommissionLine> destination, SaleLine[] lines, ReadOnlySpan<int> scheduleOf, bool write)
        where TSink : struct, ISink
    {
        pass.Write = write;
        pass.Count = 0;
        pass.LeftMillionths = 0;
        pass.LeftMinor = 0;
        pass.RoundingMillionths = 0;
        pass.TotalMinor = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var baseMinor = BaseMinor(line);
            if (_plan.HasSelfRate)
            {
                EmitRate<TSink>(ref pass, destination, sale.Buyer, 0, 0, 0, i, baseMinor, line, _selfRate, _plan.SelfRate, CommissionRuleNames.LevelRates);
            }

            if (scheduleOf[i] == 0)
            {
                EmitSchedule<TSink>(ref pass, destination, i, baseMinor, line, 0, CommissionRuleNames.LevelRates);
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (scheduleOf[i] != 0)
            {
                var line = lines[i];
                var baseMinor = BaseMinor(line);
                EmitSchedule<TSink>(ref pass, destination, i, baseMinor, line, scheduleOf[i], CommissionRuleNames.Overrides);
            }
        }
    }

    /// <summary>Whether the payout exceeds the profile's ratio of the sale's base (compared in minor units, exactly).</summary>
    private bool RatioExceeded(ref Pass pass, long saleBase) =>
        _profile is { MaxPayoutRatio: { } ratio } && pass.TotalMinor > ratio.Fraction * saleBase;

    /// <summary>
    /// Whether a line pays beyond an audited profile's paid depth (the pipeline words a finding for it): the written
    /// lines are <paramref name="compact"/> when it is not empty, else <paramref name="written"/>.
    /// </summary>
    private bool BeyondAuditedDepth(ReadOnlySpan<CommissionLine> written, ReadOnlySpan<DirectLine> compact)
    {
        if (_auditedDepth == int.MaxValue)
        {
            return false;
        }

        var count = compact.IsEmpty ? written.Length : compact.Length;
        for (var i = 0; i < count; i++)
        {
            if ((compact.IsEmpty ? written[i].Level : compact[i].Level) > _auditedDepth)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An enforced ratio the sale exceeds scales its lines, which is the general path's work.</summary>
    private bool RatioForcesGeneralPath(ref Pass pass, long saleBase) =>
        _profile is { Mode: Compliance.ComplianceMode.Enforce } && RatioExceeded(ref pass, saleBase);

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

    private void EmitSchedule<TSink>(ref Pass pass, Span<CommissionLine> destination, int saleLine, long baseMinor, SaleLine line, int scheduleIndex, string rule)
        where TSink : struct, ISink
    {
        var quantity = line.Quantity;
        var schedule = _plan.Schedules[scheduleIndex];
        var rates = _rates[scheduleIndex];
        var fixedMinor = _fixed[scheduleIndex];
        var levels = schedule.Length < pass.Uplines ? schedule.Length : pass.Uplines;
        if (!_plan.NeedsEligibility && !_hasFixed[scheduleIndex])
        {
            // The common schedule: rates only, every upline level earns. A level the schedule does not pay has rate 0
            // here, so it proposes nothing, as in the pipeline.
            var lineBase = BaseOf(line);
            var stated = schedule.Rates;
            for (var slot = 1; slot <= levels; slot++)
            {
                var product = baseMinor * rates[slot - 1];
                var amount = product / Millionths;
                var rest = product - (amount * Millionths);
                pass.LeftMillionths += rest;
                pass.RoundingMillionths += rest;
                if (amount == 0)
                {
                    continue;
                }

                if (pass.Write)
                {
                    if (TSink.Compact)
                    {
                        pass.Compact[pass.Count] = new DirectLine(pass.Upline[slot - 1], amount, slot, saleLine, slot, scheduleIndex);
                    }
                    else
                    {
                        CommissionLine.WriteRate(ref destination[pass.Count], pass.Upline[slot - 1], slot, saleLine, lineBase, stated[slot - 1], Display(amount), rule, CommissionLineMarks.None);
                    }
                }

                pass.TotalMinor += amount;
                pass.Count++;
            }

            return;
        }

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

                // A forfeit or a compression: the pipeline records it as an adjustment.
                pass.Adjusted |= level != slot;
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
                    pass.Adjusted = true;
                    pass.LeftMinor = checked(pass.LeftMinor + amount);
                    continue;
                }

                if (amount == 0)
                {
                    continue;
                }

                if (pass.Write && TSink.Compact)
                {
                    pass.Compact[pass.Count] = new DirectLine(pass.Upline[level - 1], amount, level, saleLine, slot, scheduleIndex);
                }
                else if (pass.Write)
                {
                    destination[pass.Count] = new CommissionLine
                    {
                        Beneficiary = pass.Upline[level - 1],
                        Level = level,
                        SaleLineIndex = saleLine,
                        Base = BaseOf(line),
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
                EmitRate<TSink>(ref pass, destination, pass.Upline[level - 1], level, slot, scheduleIndex, saleLine, baseMinor, line, rates[slot - 1], schedule.Rates[slot - 1], rule);
            }
        }
    }

    private void EmitRate<TSink>(ref Pass pass, Span<CommissionLine> destination, MemberId beneficiary, int level, int slot, int scheduleIndex, int saleLine, long baseMinor, SaleLine line, long millionths, Rate rate, string rule)
        where TSink : struct, ISink
    {
        var product = baseMinor * millionths;
        if (level == 0 && _plan.NeedsEligibility && !pass.SelfEligible)
        {
            Forfeit(ref pass, product);
            return;
        }

        var amount = product / Millionths;
        var rest = product - (amount * Millionths);
        pass.LeftMillionths += rest;
        pass.RoundingMillionths += rest;
        if (amount == 0)
        {
            return;
        }

        if (pass.Write)
        {
            if (TSink.Compact)
            {
                pass.Compact[pass.Count] = new DirectLine(beneficiary, amount, level, saleLine, slot, scheduleIndex);
            }
            else
            {
                CommissionLine.WriteRate(ref destination[pass.Count], beneficiary, level, saleLine, BaseOf(line), rate, Display(amount), rule, level != slot ? CommissionLineMarks.Compressed : CommissionLineMarks.None);
            }
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
        pass.Adjusted = true;
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

    /// <summary>A line's base in minor units: its paid amount, plus shipping when the plan includes it.</summary>
    private long BaseMinor(SaleLine line) => _plan.IncludeShipping ? line.PaidMinorUnits + line.ShippingMinorUnits : line.PaidMinorUnits;

    /// <summary>A line's base as the pipeline states it: the paid amount as given (its scale kept), plus shipping when the plan includes it.</summary>
    private Money BaseOf(SaleLine line) =>
        _plan.IncludeShipping ? new Money(line.PaidAmount.Amount + line.Shipping.Amount, _plan.Currency) : line.PaidAmount;

    /// <summary>A compact line's amount as its <see cref="CommissionLine.Amount"/> states it.</summary>
    public Money AmountOf(long minor) => Display(minor);

    /// <summary>Whole minor units as money with exactly the currency's minor digits (the scale the rounding stage gives).</summary>
    private Money Display(long minor) => new(new decimal(unchecked((int)minor), unchecked((int)(minor >> 32)), 0, false, _digits), _plan.Currency);

    /// <summary>Where a writing pass puts its lines: a type argument, so each path is compiled without the other's branch.</summary>
    private interface ISink
    {
        /// <summary>Gets a value indicating whether lines go to <see cref="Pass.Compact"/> rather than the caller's span.</summary>
        static abstract bool Compact { get; }
    }

    /// <summary>Lines go to the caller's span as <see cref="CommissionLine"/>s (<see cref="CommissionEngine.QuoteInto"/>).</summary>
    private readonly struct ToSpan : ISink
    {
        public static bool Compact => false;
    }

    /// <summary>Lines go to <see cref="Pass.Compact"/> as <see cref="DirectLine"/>s (<see cref="CommissionEngine.Quote"/>).</summary>
    private readonly struct ToCompact : ISink
    {
        public static bool Compact => true;
    }

    /// <summary>The state of one quote's two passes, on the stack.</summary>
    private ref struct Pass(Span<MemberId> upline, Span<int> eligibleLevels)
    {
        public Span<MemberId> Upline = upline;
        public Span<int> EligibleLevels = eligibleLevels;

        /// <summary>Where <see cref="CommissionEngine.Quote"/>'s compact lines go; empty for the caller's span.</summary>
        public Span<DirectLine> Compact;
        public int Uplines;
        public int EligibleCount;
        public bool SelfEligible = true;
        public bool Write;
        public int Count;
        public long LeftMillionths;
        public long LeftMinor;
        public long RoundingMillionths;
        public long TotalMinor;
        public bool TooLarge;
        public bool Adjusted;
    }

    /// <summary>What one quote came to, in whole minor units and millionths of one.</summary>
    /// <param name="Count">The lines written.</param>
    /// <param name="SaleBaseMinor">The sale's commissionable base.</param>
    /// <param name="TotalMinor">The sum of the lines.</param>
    /// <param name="LeftMillionths">What rounding and forfeits left below a minor unit, in millionths of one.</param>
    /// <param name="LeftMinor">The whole minor units forfeits left.</param>
    /// <param name="RoundingMillionths">What rounding alone left, in millionths of a minor unit.</param>
    /// <param name="Finding">Whether the sale raises an audit finding: the payout exceeds the profile's ratio, or a line pays beyond its paid depth (an enforced profile takes the general path instead).</param>
    /// <param name="Adjusted">Whether eligibility forfeited or passed up a share (the pipeline records those as adjustments).</param>
    /// <param name="Digits">The currency's minor digits.</param>
    internal readonly record struct Totals(int Count, long SaleBaseMinor, long TotalMinor, long LeftMillionths, long LeftMinor, long RoundingMillionths, bool Finding, bool Adjusted, byte Digits)
    {
        /// <summary>Gets what stays with the platform: forfeits and rounding, exactly (no division).</summary>
        public decimal Residual => Exact(((Int128)LeftMinor * Millionths) + LeftMillionths, Digits + 6);

        /// <summary>Gets the lines' sum and the residual: everything the plan proposed.</summary>
        public decimal Pool => Exact(((Int128)(TotalMinor + LeftMinor) * Millionths) + LeftMillionths, Digits + 6);

        /// <summary>Gets what rounding toward zero left.</summary>
        public decimal Rounding => Exact(RoundingMillionths, Digits + 6);

        /// <summary>Gets the sum of the lines.</summary>
        public decimal Total => Exact(TotalMinor, Digits);

        /// <summary>Gets the sale's base.</summary>
        public decimal SaleBase => Exact(SaleBaseMinor, Digits);

        /// <summary>
        /// Units of 10^-scale as a decimal the way a quote displays amounts: no trailing zeros beyond the currency's
        /// minor digits (what <c>CompiledPlan.Display</c> gives, without its decimal division).
        /// </summary>
        private decimal Exact(Int128 units, int scale)
        {
            var magnitude = (UInt128)units;
            if (magnitude <= ulong.MaxValue)
            {
                var small = (ulong)magnitude;
                while (scale > Digits && small % 10 == 0)
                {
                    small /= 10;
                    scale--;
                }

                return new decimal(unchecked((int)small), unchecked((int)(small >> 32)), 0, false, (byte)scale);
            }

            while (scale > Digits && magnitude % 10 == 0)
            {
                magnitude /= 10;
                scale--;
            }

            return new decimal(unchecked((int)(ulong)magnitude), unchecked((int)(ulong)(magnitude >> 32)), unchecked((int)(ulong)(magnitude >> 64)), false, (byte)scale);
        }
    }
}
