using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated ledger history: sales, the postings to apply in order (posts, completions, releases, refunds of every
/// basis, withdrawals — duplicates and refusals included), and the clawback policy. <see cref="Replay"/> applies it.
/// </summary>
/// <param name="Sales">The sales; sale <c>i</c> has id <see cref="SaleId"/>(<c>i</c>) and is paid at <see cref="PaidAt"/>(<c>i</c>).</param>
/// <param name="Steps">The postings, in order.</param>
/// <param name="Policy">The clawback policy of the ledger.</param>
public sealed record LedgerHistory(IReadOnlyList<LedgerSaleSample> Sales, IReadOnlyList<LedgerStep> Steps, ClawbackPolicy Policy)
{
    /// <summary>The instant the history starts: 2026-11-01T00:00:00Z.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);

    /// <summary>Gets the four members who earn in generated histories: ids 101 to 104.</summary>
    public static IReadOnlyList<MemberId> Members { get; } = [new(101), new(102), new(103), new(104)];

    /// <summary>Gets the currency of generated histories (CNY).</summary>
    public static Currency Currency => Currency.CNY;

    /// <summary>Gets the id of sale <paramref name="sale"/>: <c>S0</c>, <c>S1</c>, ...</summary>
    /// <param name="sale">The sale's index.</param>
    /// <returns>The id.</returns>
    public static string SaleId(int sale) => "S" + sale.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets when sale <paramref name="sale"/> was paid: <see cref="Start"/> plus that many hours.</summary>
    /// <param name="sale">The sale's index.</param>
    /// <returns>The instant.</returns>
    public static Instant PaidAt(int sale) => Start + Duration.FromHours(sale);

    /// <summary>Builds sale <paramref name="sale"/> as the ledger sees it (buyer id 900 + index).</summary>
    /// <param name="sale">The sale's index.</param>
    /// <returns>The ledger sale.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sale"/> is not a sale of the history.</exception>
    public LedgerSale Sale(int sale)
    {
        if ((uint)sale >= (uint)Sales.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sale), sale, $"The history has {Sales.Count} sales.");
        }

        return Sales[sale].Build(SaleId(sale), new MemberId(900 + sale), PaidAt(sale));
    }

    /// <summary>
    /// Builds the refund a refund step stands for: id <c>R</c> + step index, at <see cref="Start"/> plus the step index in
    /// hours; null when the step is not a refund, or names a line the sale does not have.
    /// </summary>
    /// <param name="step">The step.</param>
    /// <param name="index">The step's index in <see cref="Steps"/> (it makes the refund id).</param>
    /// <returns>The refund, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    public LedgerRefund? RefundOf(LedgerStep step, int index)
    {
        ArgumentNullException.ThrowIfNull(step);
        var id = "R" + index.ToString(CultureInfo.InvariantCulture);
        var saleId = SaleId(step.Target);
        var at = Start + Duration.FromHours(index);
        return step.Kind switch
        {
            LedgerStepKind.RefundFull => LedgerRefund.Full(id, saleId, at),
            LedgerStepKind.RefundLines when step.Target < Sales.Count && step.Value < Sales[step.Target].Quantities.Count =>
                LedgerRefund.ForLines(id, saleId, at, [new LedgerRefundLine(step.Value, step.Quantity)]),
            LedgerStepKind.RefundAmount => LedgerRefund.ForAmount(id, saleId, at, Money.FromMinorUnits(step.Value, Currency)),
            _ => null,
        };
    }

    /// <summary>
    /// Applies one step to a ledger and returns the ledger's outcome (a refund of a line the sale lacks is not sent and
    /// counts as <see cref="LedgerOutcome.Refused"/>). Withdrawals have id <c>W</c> + step index, at <see cref="Start"/>.
    /// </summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="index">The step's index in <see cref="Steps"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a step.</exception>
    public LedgerOutcome Apply(CommissionLedger ledger, int index)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if ((uint)index >= (uint)Steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The history has {Steps.Count} steps.");
        }

        var step = Steps[index];
        switch (step.Kind)
        {
            case LedgerStepKind.Post:
                return ledger.Post(Sale(step.Target)).Outcome;
            case LedgerStepKind.Complete:
                return ledger.Complete(SaleId(step.Target), PaidAt(step.Target) + Duration.FromHours(step.Value)).Outcome;
            case LedgerStepKind.Release:
                return ledger.Release(Start + Duration.FromHours(step.Value)).Outcome;
            case LedgerStepKind.Withdraw:
                var withdrawal = new LedgerWithdrawal("W" + index.ToString(CultureInfo.InvariantCulture), Members[step.Target], Money.FromMinorUnits(step.Value, Currency), Start);
                return ledger.Withdraw(withdrawal).Result.Outcome;
            default:
                return RefundOf(step, index) is { } refund ? ledger.Refund(refund).Outcome : LedgerOutcome.Refused;
        }
    }

    /// <summary>Applies every step, in order, to a new ledger with the history's clawback policy (or to <paramref name="ledger"/>).</summary>
    /// <param name="ledger">The ledger to apply to; a new one with <see cref="Policy"/> when null.</param>
    /// <returns>The ledger and each step's outcome.</returns>
    public LedgerReplay Replay(CommissionLedger? ledger = null)
    {
        ledger ??= new CommissionLedger(new LedgerOptions { Clawback = Policy });
        var outcomes = new LedgerOutcome[Steps.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Apply(ledger, i);
        }

        return new LedgerReplay(ledger, outcomes);
    }

    /// <summary>Formats the policy, every sale and every step.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"policy={Policy}; sales: {string.Join(" | ", Sales.Select((s, i) => $"S{i.ToString(CultureInfo.InvariantCulture)} {s}"))}; steps: {string.Join(" ", Steps)}";
}
