using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated ledger sale as plain data: its lines (units and paid minor units) and its earnings (beneficiary index
/// into <see cref="LedgerHistory.Members"/>, level, sale line, minor units), and the return window in hours.
/// </summary>
/// <param name="Quantities">The units of each line (at least 1).</param>
/// <param name="PaidMinorUnits">What was paid for each line, in minor units.</param>
/// <param name="Beneficiaries">For each earning, the beneficiary's index in <see cref="LedgerHistory.Members"/>.</param>
/// <param name="Levels">For each earning, its level.</param>
/// <param name="LineOf">For each earning, the sale line it was earned on.</param>
/// <param name="Amounts">For each earning, the amount in minor units.</param>
/// <param name="WindowHours">The return window after completion, in hours.</param>
public sealed record LedgerSaleSample(
    IReadOnlyList<int> Quantities,
    IReadOnlyList<long> PaidMinorUnits,
    IReadOnlyList<int> Beneficiaries,
    IReadOnlyList<int> Levels,
    IReadOnlyList<int> LineOf,
    IReadOnlyList<long> Amounts,
    int WindowHours)
{
    /// <summary>Gets the total paid for the sale, in minor units.</summary>
    public long TotalPaidMinorUnits => PaidMinorUnits.Sum();

    /// <summary>Builds the SDK's ledger sale.</summary>
    /// <param name="saleId">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="paidAt">When it was paid.</param>
    /// <returns>The sale.</returns>
    public LedgerSale Build(string saleId, MemberId buyer, Instant paidAt)
    {
        var currency = LedgerHistory.Currency;
        var lines = Quantities.Select((q, i) => new LedgerSaleLine(q, Money.FromMinorUnits(PaidMinorUnits[i], currency))).ToArray();
        var earnings = Amounts.Select((a, e) => new LedgerEarning(LedgerHistory.Members[Beneficiaries[e]], Levels[e], LineOf[e], Money.FromMinorUnits(a, currency))).ToArray();
        return new LedgerSale(saleId, buyer, paidAt, currency, lines, earnings, Duration.FromHours(WindowHours));
    }

    /// <summary>Formats as <c>lines=[2x1999,1x500] earnings=[m0:L1:l0:199,...] window=24h</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"lines=[{string.Join(",", Quantities.Zip(PaidMinorUnits, (q, p) => $"{q}x{p}"))}] earnings=[{string.Join(",", Beneficiaries.Select((m, i) => $"m{m}:L{Levels[i]}:l{LineOf[i]}:{Amounts[i]}"))}] window={WindowHours}h");
}
