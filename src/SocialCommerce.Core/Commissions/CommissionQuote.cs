using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// The result of quoting a sale: the commission lines, the pool, the residual, the adjustments and the compliance findings.
/// </summary>
/// <remarks>
/// <para>
/// Every line amount is a whole number of minor units, rounded toward zero, and never negative.
/// <see cref="Pool"/> is what the rules proposed before rounding, caps, forfeits and compliance truncation;
/// <see cref="Residual"/> = <see cref="Pool"/> − <see cref="Total"/> stays with the platform, exactly
/// (it may carry more decimals than the minor unit). It is made of the adjustments' <see cref="CommissionAdjustment.ToResidual"/>
/// plus <see cref="RoundingResidual"/>.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CommissionQuote
{
    private readonly Money _base;
    private readonly Money _pool;
    private readonly Money _total;
    private readonly Money _residual;
    private readonly Money _roundingResidual;
    private readonly DirectQuote.Totals _totals;
    private readonly bool _fromTotals;

    /// <summary>Reads a stored quote (the JSON contract); the values are taken as recorded, nothing is re-quoted.</summary>
    [JsonConstructor]
    internal CommissionQuote(
        string saleId,
        MemberId buyer,
        Instant paidAt,
        Currency currency,
        string planName,
        Money @base,
        Money pool,
        Money total,
        Money residual,
        Money roundingResidual,
        CommissionLines lines,
        ImmutableArray<CommissionAdjustment> adjustments,
        ImmutableArray<ComplianceFinding> findings)
    {
        SaleId = saleId;
        Buyer = buyer;
        PaidAt = paidAt;
        Currency = currency;
        PlanName = planName;
        _base = @base;
        _pool = pool;
        _total = total;
        _residual = residual;
        _roundingResidual = roundingResidual;
        Lines = lines;
        Adjustments = adjustments.IsDefault ? [] : adjustments;
        Findings = findings.IsDefault ? [] : findings;
    }

    internal CommissionQuote(
        Sale sale,
        string planName,
        Money saleBase,
        Money pool,
        Money total,
        Money residual,
        Money roundingResidual,
        CommissionLines lines,
        ImmutableArray<CommissionAdjustment> adjustments,
        ImmutableArray<ComplianceFinding> findings)
        : this(sale.Id, sale.Buyer, sale.PaidAt, sale.Currency, planName, saleBase, pool, total, residual, roundingResidual, lines, adjustments, findings)
    {
    }

    /// <summary>
    /// A quote of the whole-minor-unit path: its amounts are kept as the integers they were computed in and stated as
    /// money when read (each read gives an equal value), so quoting does not build five decimals nobody may read.
    /// </summary>
    internal CommissionQuote(Sale sale, string planName, in DirectQuote.Totals totals, CommissionLines lines)
    {
        SaleId = sale.Id;
        Buyer = sale.Buyer;
        PaidAt = sale.PaidAt;
        Currency = sale.Currency;
        PlanName = planName;
        _totals = totals;
        _fromTotals = true;
        Lines = lines;
        Adjustments = [];
        Findings = [];
    }

    /// <summary>Gets the sale's id.</summary>
    public string SaleId { get; }

    /// <summary>Gets the buyer.</summary>
    public MemberId Buyer { get; }

    /// <summary>Gets when the sale was paid.</summary>
    public Instant PaidAt { get; }

    /// <summary>Gets the currency of every amount in the quote.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the version of the plan the quote was decided under (<see cref="CommissionPlan.Version"/>); null in quotes stored before versions were recorded.</summary>
    public string? PlanVersion { get; init; }

    /// <summary>Gets the plan's name.</summary>
    public string PlanName { get; }

    /// <summary>Gets the sale's commissionable base (sum of its lines' bases).</summary>
    public Money Base => _fromTotals ? new Money(_totals.SaleBase, Currency) : _base;

    /// <summary>Gets what the rules proposed, exactly, before rounding, caps, forfeits and truncation.</summary>
    public Money Pool => _fromTotals ? new Money(_totals.Pool, Currency) : _pool;

    /// <summary>Gets the sum of the lines: what is paid out.</summary>
    public Money Total => _fromTotals ? new Money(_totals.Total, Currency) : _total;

    /// <summary>Gets what stays with the platform: <see cref="Pool"/> − <see cref="Total"/>, exactly.</summary>
    public Money Residual => _fromTotals ? new Money(_totals.Residual, Currency) : _residual;

    /// <summary>Gets the part of the residual that rounding toward zero left over.</summary>
    public Money RoundingResidual => _fromTotals ? new Money(_totals.Rounding, Currency) : _roundingResidual;

    /// <summary>Gets the commission lines, in the order the rules produced them.</summary>
    public CommissionLines Lines { get; }

    /// <summary>Gets the changes made to proposed lines (forfeits, compressions, caps, truncations).</summary>
    public ImmutableArray<CommissionAdjustment> Adjustments { get; }

    /// <summary>Gets the compliance stage's findings for this sale (empty when nothing crossed the profile).</summary>
    public ImmutableArray<ComplianceFinding> Findings { get; }

    /// <summary>Formats as <c>"Quote S-1: 3 lines, 29.85 CNY of pool 29.85 CNY, residual 0 CNY"</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Quote {SaleId}: {Lines.Count} lines, {Total} of pool {Pool}, residual {Residual}");
}
