using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// What a <see cref="ICommissionRule"/> sees of one sale being quoted: the sale, its commissionable bases, the buyer's
/// upline and the lines proposed so far, with the methods to add, change or remove lines.
/// </summary>
/// <remarks>
/// <para>
/// The context keeps the quote's books: adding a line (or raising one) adds to the <see cref="Pool"/>; removing or
/// lowering a line leaves the difference in the pool, so it ends in the quote's residual and is listed as an
/// adjustment. Amounts may carry more decimals than the minor unit while rules run; the engine rounds every line
/// toward zero after the last rule. Lines must be in the sale's currency and never negative.
/// </para>
/// <para>
/// A context is reused by the engine for later quotes on the same thread: use it only during
/// <see cref="ICommissionRule.Apply"/> and do not keep it.
/// </para>
/// </remarks>
public sealed class CommissionRuleContext
{
    private CommissionLine[] _lines = new CommissionLine[16];
    private int _count;
    private decimal _pool;
    private MemberId[] _upline = new MemberId[8];
    private int _uplineCount;
    private bool _uplineEnded;
    private decimal[] _lineBases = new decimal[4];
    private int[] _schedules = new int[4];
    private bool[] _eligible = new bool[9];
    private int[] _eligibleLevels = new int[8];
    private int _eligibleCount;
    private int[] _ranks = new int[8];
    private readonly List<CommissionAdjustment> _adjustments = [];
    private bool _collect;
    private CompiledPlan _plan = null!;
    private Sale _sale = null!;
    private IReferralNetwork _network = null!;
    private IDistributorStatus? _distributors;
    private decimal _saleBase;
    private string _ruleName = string.Empty;

    internal CommissionRuleContext()
    {
    }

    /// <summary>Gets the sale being quoted.</summary>
    public Sale Sale => _sale;

    /// <summary>Gets the plan.</summary>
    public CommissionPlan Plan => _plan.Plan;

    /// <summary>Gets the referral network the quote reads.</summary>
    public IReferralNetwork Network => _network;

    /// <summary>Gets the name of the rule now running (recorded on the lines and adjustments it makes).</summary>
    public string RuleName => _ruleName;

    /// <summary>Gets the sale's commissionable base: the sum of its lines' bases.</summary>
    public Money SaleBase => new(_saleBase, _plan.Currency);

    /// <summary>Gets what has been proposed so far (before rounding, caps, forfeits and truncation).</summary>
    public Money Pool => new(_pool, _plan.Currency);

    /// <summary>
    /// Gets the buyer's upline as far as the plan's paid depth: index 0 is level 1. Shorter when the chain ends
    /// sooner. Use <see cref="TryGetUpline"/> for levels beyond the paid depth.
    /// </summary>
    public ReadOnlySpan<MemberId> Upline => _upline.AsSpan(0, _uplineCount);

    /// <summary>Gets the lines proposed so far, in order.</summary>
    public ReadOnlySpan<CommissionLine> Lines => _lines.AsSpan(0, _count);

    /// <summary>Gets the commissionable base of one sale line: its paid amount, plus shipping when the plan includes it.</summary>
    /// <param name="saleLineIndex">The sale line's index.</param>
    /// <returns>The base.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is not a line of the sale.</exception>
    public Money GetLineBase(int saleLineIndex)
    {
        CheckSaleLine(saleLineIndex);
        return new Money(_lineBases[saleLineIndex], _plan.Currency);
    }

    /// <summary>Gets the buyer's upline at any level (1 is the direct referrer), walking the network past the paid depth if needed.</summary>
    /// <param name="level">The level, at least 1.</param>
    /// <param name="member">The upline at that level, when the chain is that long.</param>
    /// <returns><see langword="true"/> when the buyer has an upline at that level.</returns>
    public bool TryGetUpline(int level, out MemberId member)
    {
        member = default;
        if (level < 1)
        {
            return false;
        }

        if (level <= _uplineCount)
        {
            member = _upline[level - 1];
            return true;
        }

        if (_uplineEnded)
        {
            return false;
        }

        var current = _uplineCount == 0 ? _sale.Buyer : _upline[_uplineCount - 1];
        for (var l = _uplineCount + 1; l <= level; l++)
        {
            if (!_network.TryGetReferrer(current, out current))
            {
                return false;
            }
        }

        member = current;
        return true;
    }

    /// <summary>Returns whether a member may earn under the plan's eligibility (always true for <see cref="CommissionEligibility.EveryMember"/>).</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when the member may earn.</returns>
    /// <exception cref="InvalidOperationException">The plan needs enabled distributors, but neither the sale nor the engine says who they are.</exception>
    public bool MayEarn(MemberId member)
    {
        if (!_plan.NeedsEligibility)
        {
            return true;
        }

        if (_sale.EnabledDistributors is { } set)
        {
            return set.Contains(member);
        }

        return _distributors is not null
            ? _distributors.IsEnabledDistributor(member)
            : throw new InvalidOperationException($"Plan '{_plan.Plan.Name}' pays only enabled distributors, but sale '{_sale.Id}' has no EnabledDistributors and the engine has no IDistributorStatus.");
    }

    /// <summary>
    /// Adds a line. Its amount is added to the pool. An empty <see cref="CommissionLine.Rule"/> becomes
    /// <see cref="RuleName"/>; a default <see cref="CommissionLine.Base"/> becomes the sale line's base.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <exception cref="InvalidOperationException">The line is negative, in another currency, or names a sale line that does not exist; the message names the rule and the value.</exception>
    public void Add(in CommissionLine line)
    {
        Check(line);
        EnsureCapacity(_count + 1);
        _lines[_count++] = Complete(line);
        _pool += line.Amount.Amount;
    }

    /// <summary>
    /// Replaces a line. A higher amount adds the difference to the pool; a lower one leaves the difference to the
    /// residual (adjustment <see cref="CommissionAdjustmentKind.ReducedByRule"/>). The line is flagged
    /// <see cref="CommissionLineMarks.ChangedByRule"/>.
    /// </summary>
    /// <param name="index">The index in <see cref="Lines"/>.</param>
    /// <param name="line">The new line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line.</exception>
    /// <exception cref="InvalidOperationException">The line is negative, in another currency, or names a sale line that does not exist.</exception>
    public void Replace(int index, in CommissionLine line)
    {
        CheckIndex(index);
        Check(line);
        var old = _lines[index];
        var next = Complete(line) with { Marks = line.Marks | CommissionLineMarks.ChangedByRule };
        var diff = next.Amount.Amount - old.Amount.Amount;
        if (diff > 0m)
        {
            _pool += diff;
        }
        else if (diff < 0m)
        {
            Record(CommissionAdjustmentKind.ReducedByRule, old, null, -diff);
        }

        _lines[index] = next;
    }

    /// <summary>Removes a line; its amount stays in the pool and ends in the residual (adjustment <see cref="CommissionAdjustmentKind.RemovedByRule"/>).</summary>
    /// <param name="index">The index in <see cref="Lines"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line.</exception>
    public void RemoveAt(int index) => Remove(index, CommissionAdjustmentKind.RemovedByRule);

    internal int Count => _count;

    internal decimal PoolAmount => _pool;

    internal decimal SaleBaseAmount => _saleBase;

    internal CompiledPlan Compiled => _plan;

    internal int UplineCount => _uplineCount;

    internal Span<CommissionLine> LineBuffer => _lines.AsSpan(0, _count);

    internal List<CommissionAdjustment> Adjustments => _adjustments;

    internal bool Collecting => _collect;

    internal decimal LineBaseAmount(int saleLineIndex) => _lineBases[saleLineIndex];

    internal int ScheduleOf(int saleLineIndex) => _schedules[saleLineIndex];

    internal bool EligibleAt(int level) => _eligible[level];

    internal int EligibleCount => _eligibleCount;

    internal int EligibleLevel(int slot) => _eligibleLevels[slot - 1];

    internal int RankAt(int level) => _ranks[level - 1];

    internal MemberId UplineAt(int level) => _upline[level - 1];

    internal void SetRule(string name) => _ruleName = name;

    internal void Prepare(CompiledPlan plan, Sale sale, IReferralNetwork network, IDistributorStatus? distributors, IMemberRanks? ranks, bool collect)
    {
        _plan = plan;
        _sale = sale;
        _network = network;
        _distributors = distributors;
        _collect = collect;
        _count = 0;
        _pool = 0m;
        _adjustments.Clear();
        _ruleName = string.Empty;

        var depth = plan.PaidDepth;
        if (_upline.Length < depth)
        {
            _upline = new MemberId[depth];
            _eligible = new bool[depth + 1];
            _eligibleLevels = new int[depth];
            _ranks = new int[depth];
        }

        if (depth > 0)
        {
            _uplineCount = network.CopyUpline(sale.Buyer, _upline.AsSpan(0, depth));
            _uplineEnded = _uplineCount < depth;
        }
        else
        {
            if (!network.Contains(sale.Buyer))
            {
                throw new UnknownMemberException(sale.Buyer);
            }

            _uplineCount = 0;
            _uplineEnded = false;
        }

        var lines = sale.LineArray;
        if (_lineBases.Length < lines.Length)
        {
            _lineBases = new decimal[lines.Length];
            _schedules = new int[lines.Length];
        }

        var total = 0m;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var b = plan.IncludeShipping ? line.PaidAmount.Amount + line.Shipping.Amount : line.PaidAmount.Amount;
            _lineBases[i] = b;
            total += b;
            _schedules[i] = plan.ScheduleOf(line);
        }

        _saleBase = total;

        if (plan.NeedsEligibility)
        {
            _eligible[0] = MayEarn(sale.Buyer);
            _eligibleCount = 0;
            for (var level = 1; level <= _uplineCount; level++)
            {
                var ok = MayEarn(_upline[level - 1]);
                _eligible[level] = ok;
                if (ok)
                {
                    _eligibleLevels[_eligibleCount++] = level;
                }
            }
        }

        if (plan.IsDifferential && ranks is not null)
        {
            for (var level = 1; level <= _uplineCount; level++)
            {
                var member = _upline[level - 1];
                var rank = ranks.GetRank(member);
                if (unchecked((uint)rank) >= (uint)plan.RankRates.Length)
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"IMemberRanks gave member {member} rank {rank}, but plan '{plan.Plan.Name}' defines ranks 0..{plan.RankRates.Length - 1}."));
                }

                _ranks[level - 1] = rank;
            }
        }
    }

    /// <summary>Drops the references to the last sale, network and host interfaces so a cached context keeps nothing alive.</summary>
    internal void Release()
    {
        _sale = null!;
        _network = null!;
        _distributors = null;
    }

    /// <summary>Proposes a rate line: <paramref name="rate"/> of the sale line's base, exact (rounded later with every line).</summary>
    internal void ProposeRate(MemberId beneficiary, int level, int saleLineIndex, Money lineBase, Rate rate, string rule) =>
        AddProposal(new CommissionLine
        {
            Beneficiary = beneficiary,
            Level = level,
            SaleLineIndex = saleLineIndex,
            Base = lineBase,
            Rate = rate,
            Amount = new Money(lineBase.Amount * rate.Fraction, lineBase.Currency),
            Rule = rule,
        });

    internal void AddProposal(in CommissionLine line)
    {
        EnsureCapacity(_count + 1);
        _lines[_count++] = line;
        _pool += line.Amount.Amount;
    }

    internal void Remove(int index, CommissionAdjustmentKind kind)
    {
        CheckIndex(index);
        var old = _lines[index];
        Record(kind, old, null, old.Amount.Amount);
        Array.Copy(_lines, index + 1, _lines, index, _count - index - 1);
        _count--;
        _lines[_count] = default;
    }

    internal void Reduce(int index, decimal amount, CommissionLineMarks flag, CommissionAdjustmentKind kind)
    {
        var old = _lines[index];
        var diff = old.Amount.Amount - amount;
        if (diff <= 0m)
        {
            return;
        }

        Record(kind, old, null, diff);
        _lines[index] = old with { Amount = new Money(amount, _plan.Currency), Marks = old.Marks | flag };
    }

    internal void SetLevel(int index, int level) => _lines[index] = _lines[index] with { Level = level };

    internal void Relevel(int index, int level, MemberId beneficiary)
    {
        var old = _lines[index];
        _lines[index] = old with { Level = level, Beneficiary = beneficiary, Marks = old.Marks | CommissionLineMarks.Compressed };
        if (_collect)
        {
            _adjustments.Add(new CommissionAdjustment(CommissionAdjustmentKind.Compressed, _ruleName, old.SaleLineIndex, old.Level, old.Beneficiary, beneficiary, _plan.Display(old.Amount.Amount), _plan.Display(0m)));
        }
    }

    internal void RecordCompressedSkip(int saleLineIndex, int level, MemberId member, decimal amount)
    {
        if (_collect)
        {
            _adjustments.Add(new CommissionAdjustment(CommissionAdjustmentKind.Compressed, _ruleName, saleLineIndex, level, member, null, _plan.Display(amount), _plan.Display(0m)));
        }
    }

    /// <summary>Rounds every line toward zero to the minor unit, drops lines that round to zero, and returns what rounding left over.</summary>
    internal decimal RoundAll()
    {
        var digits = _plan.MinorDigits;
        var left = 0m;

        // The residual of the fast path is summed in whole units of 10^-leftScale (integer adds), and
        // folded into the decimal sum only when the scale changes or the sum grows large.
        long leftUnits = 0;
        var leftScale = -1;
        var write = 0;
        for (var i = 0; i < _count; i++)
        {
            var exact = _lines[i].Amount.Amount;
            var scale = exact.Scale;
            decimal rounded;
            if (scale == digits)
            {
                rounded = exact;
            }
            else if (scale > digits)
            {
                if (TryTruncate(exact, scale, digits, out rounded, out var remainder))
                {
                    if (scale != leftScale || leftUnits > FoldAt || leftUnits < -FoldAt)
                    {
                        left += UnitsToDecimal(leftUnits, leftScale);
                        leftUnits = 0;
                        leftScale = scale;
                    }

                    leftUnits += remainder;
                }
                else
                {
                    rounded = Math.Round(exact, digits, MidpointRounding.ToZero);
                    left += exact - rounded;
                }
            }
            else
            {
                rounded = exact + _plan.ZeroAtMinorScale;
            }

            if (rounded == 0m)
            {
                continue;
            }

            _lines[write] = _lines[i] with { Amount = new Money(rounded, _plan.Currency) };
            write++;
        }

        left += UnitsToDecimal(leftUnits, leftScale);
        for (var i = write; i < _count; i++)
        {
            _lines[i] = default;
        }

        _count = write;
        return left;
    }

    /// <summary>The residual sum is folded into the decimal total beyond this many units (far from overflow).</summary>
    private const long FoldAt = 1L << 61;

    /// <summary>Powers of ten that fit an unsigned 64-bit integer: 10^0 to 10^19.</summary>
    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>
    /// Rounds toward zero to <paramref name="digits"/> with integer arithmetic when the amount's
    /// magnitude fits 64 bits and the scale drop is at most 18 digits: exactly
    /// <c>Math.Round(exact, digits, MidpointRounding.ToZero)</c>, and the dropped part in units of
    /// 10^-<paramref name="scale"/> (signed like the amount). Otherwise returns false.
    /// </summary>
    private static bool TryTruncate(decimal exact, int scale, int digits, out decimal rounded, out long remainder)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(exact, bits);
        var drop = scale - digits;
        if (bits[2] != 0 || drop > 18)
        {
            rounded = default;
            remainder = 0;
            return false;
        }

        var magnitude = (unchecked((ulong)(uint)bits[1]) << 32) | unchecked((uint)bits[0]);
        var divisor = PowersOfTen[drop];
        var quotient = magnitude / divisor;
        var dropped = (long)(magnitude - (quotient * divisor));
        var negative = bits[3] < 0;
        rounded = new decimal(unchecked((int)quotient), unchecked((int)(quotient >> 32)), 0, negative, (byte)digits);
        remainder = negative ? -dropped : dropped;
        return true;
    }

    /// <summary>
    /// Whole units of 10^-<paramref name="scale"/> as a decimal of that scale (a zero keeps its scale, as
    /// the decimal sum it replaces would); no units yet (<paramref name="scale"/> below 0) is <c>0m</c>.
    /// </summary>
    private static decimal UnitsToDecimal(long units, int scale)
    {
        if (scale < 0)
        {
            return 0m;
        }

        var negative = units < 0;
        var magnitude = negative ? (ulong)(-units) : (ulong)units;
        return new decimal(unchecked((int)magnitude), unchecked((int)(magnitude >> 32)), 0, negative, (byte)scale);
    }

    private void Record(CommissionAdjustmentKind kind, in CommissionLine line, MemberId? recipient, decimal toResidual)
    {
        if (_collect)
        {
            _adjustments.Add(new CommissionAdjustment(kind, _ruleName, line.SaleLineIndex, line.Level, line.Beneficiary, recipient, _plan.Display(line.Amount.Amount), _plan.Display(toResidual)));
        }
    }

    private CommissionLine Complete(in CommissionLine line)
    {
        var rule = string.IsNullOrEmpty(line.Rule) ? _ruleName : line.Rule;
        var lineBase = line.Base == default ? new Money(_lineBases[line.SaleLineIndex], _plan.Currency) : line.Base;
        return line with { Rule = rule, Base = lineBase };
    }

    private void EnsureCapacity(int size)
    {
        if (_lines.Length < size)
        {
            Array.Resize(ref _lines, Math.Max(size, _lines.Length * 2));
        }
    }

    private void CheckIndex(int index)
    {
        if (unchecked((uint)index) >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"Line index should be in range [0-{_count - 1}]; was {index}."));
        }
    }

    private void CheckSaleLine(int saleLineIndex)
    {
        if (unchecked((uint)saleLineIndex) >= (uint)_sale.LineArray.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(saleLineIndex), saleLineIndex, string.Create(CultureInfo.InvariantCulture, $"Sale line index should be in range [0-{_sale.LineArray.Length - 1}]; was {saleLineIndex}."));
        }
    }

    private void Check(in CommissionLine line)
    {
        var who = string.IsNullOrEmpty(line.Rule) ? _ruleName : line.Rule;
        if (line.Amount == default || line.Amount.Currency != _plan.Currency)
        {
            throw new InvalidOperationException($"Rule '{who}' proposed a line with amount {line.Amount}; lines are in the sale's currency {_plan.Currency.Code}.");
        }

        if (line.Base != default && line.Base.Currency != _plan.Currency)
        {
            throw new InvalidOperationException($"Rule '{who}' proposed a line with base {line.Base}; lines are in the sale's currency {_plan.Currency.Code}.");
        }

        if (line.Amount.IsNegative)
        {
            throw new InvalidOperationException($"Rule '{who}' proposed a line with amount {line.Amount}; a commission line should not be negative.");
        }

        // The supported precision: at most the currency's decimals plus a rate's (a base in minor units times a rate),
        // and at most 100 × MaxMinorUnits minor units (room for a host rule to raise a line), so that a line has at most
        // 28 significant digits; beyond it the residual identity could not hold to the last digit.
        var decimals = _plan.Currency.MinorUnit + Limits.MaxRateDecimals;
        if (Math.Abs(line.Amount.Amount) > 100m * Limits.MaxMinorUnits * _plan.Currency.MinorUnitSize || Math.Round(line.Amount.Amount, decimals, MidpointRounding.ToZero) != line.Amount.Amount)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Rule '{who}' proposed a line with amount {line.Amount.Amount} {_plan.Currency.Code}; a line should be at most {100 * Limits.MaxMinorUnits} minor units with at most {decimals} decimals."));
        }

        if (line.Level < 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Rule '{who}' proposed a line at level {line.Level}; levels start at 0 (the buyer)."));
        }

        if (unchecked((uint)line.SaleLineIndex) >= (uint)_sale.LineArray.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Rule '{who}' proposed a line for sale line {line.SaleLineIndex}; sale '{_sale.Id}' has {_sale.LineArray.Length} lines."));
        }
    }
}
