using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A paid sale posted to a <see cref="CommissionLedger"/>: its lines, the earnings quoted for it, and the plan's
/// return window.
/// </summary>
/// <remarks>
/// <para>
/// The constructor validates everything and copies the lists, so an instance is immutable. Misuse throws: an empty
/// id, no line, a quantity below 1, a negative amount or one that is not whole minor units, an amount in another
/// currency, a line index out of range, a negative level or return window.
/// </para>
/// <para>
/// The sale id is the idempotency key of the posting: posting the same sale twice is a
/// <see cref="LedgerOutcome.Duplicate"/>; another sale under the same id is refused
/// (<see cref="LedgerRefusal.ConflictingDuplicate"/>). The sale id is also the id of its completion.
/// </para>
/// </remarks>
public sealed class LedgerSale
{
    private readonly LedgerSaleLine[] _lines;
    private readonly LedgerEarning[] _earnings;

    /// <summary>Creates a sale posting.</summary>
    /// <param name="saleId">The host's id of the sale; not empty.</param>
    /// <param name="buyer">The buyer (level 0).</param>
    /// <param name="paidAt">When the sale was paid.</param>
    /// <param name="currency">The currency of every amount of the sale.</param>
    /// <param name="lines">The sale's lines; at least one.</param>
    /// <param name="earnings">The earnings quoted for the sale; may be empty.</param>
    /// <param name="returnWindow">
    /// The plan's return window: earnings stay frozen from completion until <c>completedAt + returnWindow</c>
    /// (exclusive) and are released at or after it. Not negative.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="saleId"/> is empty, longer than <see cref="Limits.MaxIdLength"/> or holds a control character, there is no line, or an amount is not whole minor units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity below 1, a negative amount, level or return window, or a line index out of range.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is not in <paramref name="currency"/>.</exception>
    public LedgerSale(
        string saleId,
        MemberId buyer,
        Instant paidAt,
        Currency currency,
        IReadOnlyList<LedgerSaleLine> lines,
        IReadOnlyList<LedgerEarning> earnings,
        Duration returnWindow)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(earnings);
        Limits.CheckId(saleId, nameof(saleId));

        if (lines.Count == 0)
        {
            throw new ArgumentException($"Sale '{saleId}' should have at least one line.", nameof(lines));
        }

        if (Limits.Problem(returnWindow) is { } windowProblem)
        {
            throw new ArgumentOutOfRangeException(nameof(returnWindow), returnWindow, $"Return window of sale '{saleId}' {windowProblem} Was {returnWindow}.");
        }

        Limits.Check(paidAt, nameof(paidAt));

        _lines = new LedgerSaleLine[lines.Count];
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = lines[i];
            if (line.Quantity < 1)
            {
                throw new ArgumentOutOfRangeException($"lines[{i}].Quantity", line.Quantity, $"Quantity of line {i} of sale '{saleId}' should be at least 1; was {line.Quantity}.");
            }

            LedgerAmounts.CheckAmount(line.Paid, currency, $"lines[{i}].Paid");
            _lines[i] = line;
        }

        _earnings = new LedgerEarning[earnings.Count];
        for (var i = 0; i < _earnings.Length; i++)
        {
            var earning = earnings[i];
            if (earning.Level < 0)
            {
                throw new ArgumentOutOfRangeException($"earnings[{i}].Level", earning.Level, $"Level of earning {i} of sale '{saleId}' should not be negative; was {earning.Level}.");
            }

            if (earning.LineIndex < 0 || earning.LineIndex >= _lines.Length)
            {
                throw new ArgumentOutOfRangeException($"earnings[{i}].LineIndex", earning.LineIndex, $"Line index of earning {i} of sale '{saleId}' should be in range [0-{_lines.Length - 1}]; was {earning.LineIndex}.");
            }

            LedgerAmounts.CheckAmount(earning.Amount, currency, $"earnings[{i}].Amount");
            _earnings[i] = earning;
        }

        SaleId = saleId;
        Buyer = buyer;
        PaidAt = paidAt;
        Currency = currency;
        ReturnWindow = returnWindow;
    }

    /// <summary>
    /// Books a quote: the ledger keeps the quote's lines (beneficiaries, levels, amounts) as they were when the
    /// sale was quoted, so a later rebinding or plan change never redirects what was earned.
    /// </summary>
    /// <param name="sale">The sale that was quoted.</param>
    /// <param name="quote">Its quote, from <see cref="CommissionEngine.Quote"/>.</param>
    /// <param name="returnWindow">The plan's return window (<see cref="CommissionPlan.ReturnWindow"/>).</param>
    /// <returns>The sale to post with <see cref="CommissionLedger.Post"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The quote is not the quote of <paramref name="sale"/>.</exception>
    public static LedgerSale FromQuote(Sale sale, CommissionQuote quote, Duration returnWindow)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(quote);
        if (!string.Equals(sale.Id, quote.SaleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Quote of sale '{quote.SaleId}' cannot be booked for sale '{sale.Id}'.", nameof(quote));
        }

        var lines = new LedgerSaleLine[sale.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new LedgerSaleLine(sale.Lines[i].Quantity, sale.Lines[i].PaidAmount);
        }

        var earnings = new LedgerEarning[quote.Lines.Count];
        for (var i = 0; i < earnings.Length; i++)
        {
            earnings[i] = quote.Lines.EarningAt(i);
        }

        return new LedgerSale(sale.Id, sale.Buyer, sale.PaidAt, sale.Currency, lines, earnings, returnWindow) { PlanVersion = quote.PlanVersion };
    }

    /// <summary>Books a quote with the return window of the plan that produced it.</summary>
    /// <param name="sale">The sale that was quoted.</param>
    /// <param name="quote">Its quote.</param>
    /// <param name="plan">The plan that quoted it; its <see cref="CommissionPlan.ReturnWindow"/> applies.</param>
    /// <returns>The sale to post with <see cref="CommissionLedger.Post"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The quote is not the quote of <paramref name="sale"/>.</exception>
    public static LedgerSale FromQuote(Sale sale, CommissionQuote quote, CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromQuote(sale, quote, plan.ReturnWindow);
    }

    /// <summary>Gets the host's id of the sale (the idempotency key of the sale and of its completion).</summary>
    public string SaleId { get; }

    /// <summary>
    /// Gets the version of the plan the earnings were quoted under (<see cref="CommissionQuote.PlanVersion"/>), when
    /// booked from a quote; informational (a retried posting is a duplicate whatever it says).
    /// </summary>
    public string? PlanVersion { get; init; }

    /// <summary>Gets the buyer.</summary>
    public MemberId Buyer { get; }

    /// <summary>Gets when the sale was paid.</summary>
    public Instant PaidAt { get; }

    /// <summary>Gets the currency of every amount of the sale.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the plan's return window.</summary>
    public Duration ReturnWindow { get; }

    /// <summary>Gets the sale's lines.</summary>
    public IReadOnlyList<LedgerSaleLine> Lines => _lines;

    /// <summary>Gets the earnings booked by the sale.</summary>
    public IReadOnlyList<LedgerEarning> Earnings => _earnings;

    internal LedgerSaleLine[] LineArray => _lines;

    internal LedgerEarning[] EarningArray => _earnings;
}
