using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// One change to a proposed commission: a forfeit, a compression, a cap, a truncation.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Rule">The rule or stage that made the change.</param>
/// <param name="SaleLineIndex">The sale line the share came from.</param>
/// <param name="Level">The level of the share before the change.</param>
/// <param name="Member">The member whose share changed.</param>
/// <param name="Recipient">For a compression: the member the share passed to; otherwise <see langword="null"/>.</param>
/// <param name="Amount">The amount of the share before the change.</param>
/// <param name="ToResidual">What the change left with the platform (zero for a compression).</param>
/// <remarks>
/// Rounding toward zero is not listed line by line: the quote reports it once as <see cref="CommissionQuote.RoundingResidual"/>.
/// For every quote, <c>Pool == Total + Σ ToResidual + RoundingResidual</c>.
/// </remarks>
public sealed record CommissionAdjustment(
    CommissionAdjustmentKind Kind,
    string Rule,
    int SaleLineIndex,
    int Level,
    MemberId Member,
    MemberId? Recipient,
    Money Amount,
    Money ToResidual)
{
    /// <summary>Formats as <c>"Forfeited by eligibility: member 7, level 2, line 0, 9.95 CNY (9.95 CNY to residual)"</c>.</summary>
    public override string ToString() => Recipient is { } to
        ? string.Create(CultureInfo.InvariantCulture, $"{Kind} by {Rule}: member {Member} -> {to}, level {Level}, line {SaleLineIndex}, {Amount} ({ToResidual} to residual)")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind} by {Rule}: member {Member}, level {Level}, line {SaleLineIndex}, {Amount} ({ToResidual} to residual)");
}
