using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// One commission: who earns, at which level, from which sale line, on what base, at what rate or fixed amount,
/// how much, and which rule produced it.
/// </summary>
/// <remarks>
/// During the rule pipeline an <see cref="Amount"/> may carry more decimals than the currency's minor unit; in a
/// <see cref="CommissionQuote"/> every amount is a whole number of minor units, rounded toward zero.
/// <see cref="Explanation"/> is composed from the fields when read (so quoting itself does not build strings).
/// </remarks>
public readonly record struct CommissionLine
{
    private readonly MemberId _beneficiary;
    private readonly int _level;
    private readonly int _saleLineIndex;
    private readonly Money _base;
    private readonly Rate? _rate;
    private readonly Money? _fixedPerUnit;
    private readonly int _units;
    private readonly Money _amount;
    private readonly string? _rule;
    private readonly CommissionLineMarks _marks;
    private readonly string? _note;

    /// <summary>Gets the member who earns.</summary>
    public MemberId Beneficiary { get => _beneficiary; init => _beneficiary = value; }

    /// <summary>Gets the level of the beneficiary in network links from the buyer (0 is the buyer).</summary>
    public int Level { get => _level; init => _level = value; }

    /// <summary>Gets the index of the sale line the commission comes from.</summary>
    public int SaleLineIndex { get => _saleLineIndex; init => _saleLineIndex = value; }

    /// <summary>Gets the commissionable base of that sale line.</summary>
    public Money Base { get => _base; init => _base = value; }

    /// <summary>Gets the rate applied to the base, or <see langword="null"/> for a fixed amount.</summary>
    public Rate? Rate { get => _rate; init => _rate = value; }

    /// <summary>Gets the fixed amount per unit, or <see langword="null"/> for a rate.</summary>
    public Money? FixedPerUnit { get => _fixedPerUnit; init => _fixedPerUnit = value; }

    /// <summary>Gets the units the fixed amount was paid for (the sale line's quantity), or 0 for a rate.</summary>
    public int Units { get => _units; init => _units = value; }

    /// <summary>Gets the amount earned.</summary>
    public Money Amount { get => _amount; init => _amount = value; }

    /// <summary>Gets the name of the rule that produced the line.</summary>
    public string Rule
    {
        get => _rule ?? string.Empty;
        init => _rule = value;
    }

    /// <summary>Gets what happened to the line after it was proposed.</summary>
    public CommissionLineMarks Marks { get => _marks; init => _marks = value; }

    /// <summary>Gets a note added by the rule that produced the line (e.g. a campaign name), or <see langword="null"/>.</summary>
    public string? Note { get => _note; init => _note = value; }

    /// <summary>Gets a readable explanation such as <c>"Level 1 (member 2): 10 % of base 199.00 CNY = 19.90 CNY [level-rates]"</c>.</summary>
    public string Explanation
    {
        get
        {
            var text = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            text.Append(Level == 0 ? "Self-purchase (member " : "Level " + Level.ToString(inv) + " (member ")
                .Append(Beneficiary.ToString()).Append("): ");
            if (Rate is { } rate)
            {
                text.Append(rate.ToString()).Append(" of base ").Append(Base.ToString());
            }
            else if (FixedPerUnit is { } perUnit)
            {
                text.Append(perUnit.ToString()).Append(" per unit × ").Append(Units.ToString(inv));
            }
            else
            {
                text.Append("on base ").Append(Base.ToString());
            }

            AppendFlag(text, CommissionLineMarks.Compressed, "passed up past ineligible uplines");
            AppendFlag(text, CommissionLineMarks.CappedPerBeneficiary, "capped per beneficiary");
            AppendFlag(text, CommissionLineMarks.ScaledToSaleCap, "scaled to the sale cap");
            AppendFlag(text, CommissionLineMarks.ScaledByCompliance, "scaled to the compliance payout ratio");
            AppendFlag(text, CommissionLineMarks.ChangedByRule, "changed by a host rule");
            text.Append(" = ").Append(Amount.ToString()).Append(" [").Append(Rule).Append(']');
            if (!string.IsNullOrEmpty(Note))
            {
                text.Append(" (").Append(Note).Append(')');
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Writes a rate line in place, field by field (the batch path's hot loop: no temporary line copied over the
    /// destination, and no write barrier for the fields it leaves empty).
    /// </summary>
    internal static void WriteRate(ref CommissionLine target, MemberId beneficiary, int level, int saleLineIndex, in Money lineBase, Rate rate, in Money amount, string rule, CommissionLineMarks marks)
    {
        Unsafe.AsRef(in target._beneficiary) = beneficiary;
        Unsafe.AsRef(in target._level) = level;
        Unsafe.AsRef(in target._saleLineIndex) = saleLineIndex;
        Unsafe.AsRef(in target._base) = lineBase;
        Unsafe.AsRef(in target._rate) = rate;
        Unsafe.AsRef(in target._fixedPerUnit) = null;
        Unsafe.AsRef(in target._units) = 0;
        Unsafe.AsRef(in target._amount) = amount;
        Unsafe.AsRef(in target._rule) = rule;
        Unsafe.AsRef(in target._marks) = marks;
        Unsafe.AsRef(in target._note) = null;
    }

    private void AppendFlag(StringBuilder text, CommissionLineMarks flag, string words)
    {
        if ((Marks & flag) != 0)
        {
            text.Append(", ").Append(words);
        }
    }
}
