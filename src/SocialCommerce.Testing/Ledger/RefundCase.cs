using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated ledger history and, after it, a sale refunded by a <see cref="RefundSequence"/>. It builds the ledger
/// three ways — as the sequence happens, with one equivalent refund in order, and without the sale — so a test can
/// compare them (see <see cref="LedgerInvariants.RefundSymmetry"/>).
/// </summary>
/// <param name="Before">The history before the refunded sale (its sale is appended as the last sale).</param>
/// <param name="Sequence">The refunded sale and its refunds.</param>
public sealed record RefundCase(LedgerHistory Before, RefundSequence Sequence)
{
    /// <summary>Gets the refunded sale's index in <see cref="History"/>.</summary>
    public int SaleIndex => Before.Sales.Count;

    /// <summary>Gets the history with the refunded sale appended to its sales (its steps unchanged).</summary>
    public LedgerHistory History => Before with { Sales = [.. Before.Sales, Sequence.Sale] };

    /// <summary>Gets when the refunded sale completes: one hour after it was paid.</summary>
    public Instant CompletedAt => LedgerHistory.PaidAt(SaleIndex) + Duration.FromHours(1);

    /// <summary>When the refunds happen: thirty days after <see cref="LedgerHistory.Start"/>.</summary>
    public static readonly Instant RefundedAt = LedgerHistory.Start + Duration.FromDays(30);

    /// <summary>
    /// Replays <see cref="Before"/>, posts the sale, takes it to its stage and posts every refund in order (for an
    /// out-of-order sequence, the refunds first and the completion after them).
    /// </summary>
    /// <returns>The ledger and the outcome of each refund, in order.</returns>
    public LedgerReplay Apply()
    {
        var replay = History.Replay();
        var ledger = replay.Ledger;
        var sale = History.Sale(SaleIndex);
        ledger.Post(sale);
        var outcomes = new List<LedgerOutcome>();
        if (Sequence.Kind == RefundSequenceKind.OutOfOrder)
        {
            foreach (var refund in Sequence.Refunds)
            {
                outcomes.Add(ledger.Refund(refund.Build(sale.SaleId, RefundedAt)).Outcome);
            }

            ToStage(ledger, sale);
            return new LedgerReplay(ledger, outcomes);
        }

        ToStage(ledger, sale);
        foreach (var refund in Sequence.Refunds)
        {
            outcomes.Add(ledger.Refund(refund.Build(sale.SaleId, RefundedAt)).Outcome);
        }

        return new LedgerReplay(ledger, outcomes);
    }

    /// <summary>
    /// Replays <see cref="Before"/>, posts the sale, takes it to its stage and posts <see cref="RefundSequence.Merged"/>
    /// (nothing when it refunds nothing): the end state every sequence of the same refunds must reach.
    /// </summary>
    /// <returns>The ledger.</returns>
    public CommissionLedger ApplyMerged()
    {
        var ledger = History.Replay().Ledger;
        var sale = History.Sale(SaleIndex);
        ledger.Post(sale);
        ToStage(ledger, sale);
        var merged = Sequence.Merged();
        if (merged.IsFull || merged.AmountMinorUnits > 0 || merged.Lines is { Count: > 0 })
        {
            ledger.Refund(merged.Build(sale.SaleId, RefundedAt));
        }

        return ledger;
    }

    /// <summary>Replays <see cref="Before"/> and the same releases, without ever posting the sale.</summary>
    /// <returns>The ledger.</returns>
    public CommissionLedger ApplyWithoutSale()
    {
        var ledger = History.Replay().Ledger;
        if (Sequence.Stage == RefundStage.Released && Sequence.Kind != RefundSequenceKind.OutOfOrder)
        {
            ledger.Release(CompletedAt + Duration.FromHours(Sequence.Sale.WindowHours));
        }

        return ledger;
    }

    /// <summary>Formats the history and the sequence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Before}; then {Sequence}";

    private void ToStage(CommissionLedger ledger, LedgerSale sale)
    {
        if (Sequence.Stage >= RefundStage.Completed || Sequence.Kind == RefundSequenceKind.OutOfOrder)
        {
            ledger.Complete(sale.SaleId, CompletedAt);
        }

        if (Sequence.Stage == RefundStage.Released && Sequence.Kind != RefundSequenceKind.OutOfOrder)
        {
            ledger.Release(CompletedAt + sale.ReturnWindow);
        }
    }
}
