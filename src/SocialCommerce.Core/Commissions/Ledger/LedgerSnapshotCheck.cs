using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Commissions;

/// <summary>
/// What <see cref="CommissionLedger.FromSnapshot"/> checks as it restores: every account's own invariants, every sale's
/// record against its lines and earnings (each reversal exactly what its refunds imply), and the accounts against the
/// sales, withdrawals and adjustments that made them (<see cref="Tally"/>, on the restored ledger's account slots). A
/// snapshot that passes is a state the ledger could have reached; one that fails throws before the ledger is returned.
/// </summary>
internal static class LedgerSnapshotCheck
{
    /// <summary>
    /// What the sales, withdrawals, requests and adjustments of a snapshot put in each account (by the restored
    /// ledger's account slot), to compare with the balances the snapshot lists.
    /// </summary>
    internal sealed class Tally(int accounts)
    {
        public long[] Booked { get; } = new long[accounts];

        public long[] Reversed { get; } = new long[accounts];

        public long[] Pending { get; } = new long[accounts];

        public long[] Frozen { get; } = new long[accounts];

        public long[] Withdrawn { get; } = new long[accounts];

        public long[] InWithdrawal { get; } = new long[accounts];

        public long[] Withheld { get; } = new long[accounts];

        public long[] Adjusted { get; } = new long[accounts];

        /// <summary>Adds a sale's earnings to their accounts (the slot of each earning in <paramref name="slots"/>).</summary>
        public void AddSale(LedgerSaleState state, ReadOnlySpan<int> slots)
        {
            var earnings = state.Sale.EarningArray;
            for (var i = 0; i < slots.Length; i++)
            {
                var a = slots[i];
                var booked = earnings[i].Amount.ToMinorUnits();
                var reversed = state.ReversedMinorUnits[i];
                Booked[a] += booked;
                Reversed[a] += reversed;
                Pending[a] += state.Status == LedgerSaleStatus.Pending ? booked - reversed : 0;
                Frozen[a] += state.Status == LedgerSaleStatus.Frozen ? booked - reversed : 0;
            }
        }

        /// <summary>Checks every account's balances against what was added.</summary>
        public void Verify(StateCheck check, IReadOnlyList<LedgerAccountState> accounts)
        {
            for (var a = 0; a < accounts.Count; a++)
            {
                var found = accounts[a];
                if (found.Booked == Booked[a] && found.Reversed == Reversed[a] && found.Pending == Pending[a] && found.Frozen == Frozen[a]
                    && found.Withdrawn == Withdrawn[a] && found.InWithdrawal == InWithdrawal[a] && found.Withheld == Withheld[a] && found.Adjusted == Adjusted[a])
                {
                    continue;
                }

                var path = new StatePath("$.accounts", a);
                check.That(found.Booked == Booked[a], $"{path}.booked", found.Booked, $"the sales book {Booked[a]} minor units for this account.");
                check.That(found.Reversed == Reversed[a], $"{path}.reversed", found.Reversed, $"the sales reverse {Reversed[a]} minor units for this account.");
                check.That(found.Pending == Pending[a], $"{path}.pending", found.Pending, $"the pending sales hold {Pending[a]} minor units for this account.");
                check.That(found.Frozen == Frozen[a], $"{path}.frozen", found.Frozen, $"the frozen sales hold {Frozen[a]} minor units for this account.");
                check.That(found.Withdrawn == Withdrawn[a], $"{path}.withdrawn", found.Withdrawn, $"the withdrawals took {Withdrawn[a]} minor units from this account.");
                check.That(found.InWithdrawal == InWithdrawal[a], $"{path}.inWithdrawal", found.InWithdrawal, $"the requested and approved withdrawals hold {InWithdrawal[a]} minor units of this account.");
                check.That(found.Withheld == Withheld[a], $"{path}.withheld", found.Withheld, $"the paid withdrawals withheld {Withheld[a]} minor units of this account.");
                check.That(found.Adjusted == Adjusted[a], $"{path}.adjusted", found.Adjusted, $"the adjustments add up to {Adjusted[a]} minor units for this account.");
            }
        }
    }

    /// <summary>Checks the refunds (present, once per sale); the restore checks that their sales exist.</summary>
    public static void CheckRefunds(StateCheck check, IReadOnlyList<LedgerRefund> refunds)
    {
        HashSet<(string, string)>? ids = null;
        for (var r = 0; r < refunds.Count; r++)
        {
            var refund = check.Present(refunds[r], $"$.refunds[{r}]");
            check.That((ids ??= []).Add((refund.SaleId, refund.RefundId)), $"$.refunds[{r}].refundId", refund.RefundId, "a refund of a sale is recorded once.");
        }
    }

    /// <summary>
    /// Checks one sale's record against its own lines and earnings: the status and its completion, the refunded units
    /// and amount that its basis allows, and each earning's reversal exactly what the refunds imply.
    /// </summary>
    /// <returns>The record, checked.</returns>
    public static LedgerSaleState CheckSale(StateCheck check, LedgerSaleState? record, StatePath path)
    {
        var state = check.Present(record, $"{path}");
        var sale = check.Present(state.Sale, $"{path}.sale");
        check.That(Enum.IsDefined(state.Status), $"{path}.status", state.Status, "not a sale status.");
        check.That(Enum.IsDefined(state.RefundBasis), $"{path}.refundBasis", state.RefundBasis, "not a refund basis.");
        check.That(state.HoldReason is null || (!string.IsNullOrWhiteSpace(state.HoldReason) && state.Status != LedgerSaleStatus.Released), $"{path}.holdReason", state.HoldReason, "a held sale has a reason and is not released.");
        var holds = SocialCommerceJson.OrEmpty(state.Holds);
        HashSet<string>? holdIds = null;
        for (var i = 0; i < holds.Count; i++)
        {
            var hold = check.Present(holds[i], $"{path}.holds[{i}]");
            check.That(!string.IsNullOrEmpty(hold.HoldId) && (holdIds ??= new HashSet<string>(StringComparer.Ordinal)).Add(hold.HoldId), $"{path}.holds[{i}].holdId", hold.HoldId, "a hold id is present and used once per sale.");
            check.That(!string.IsNullOrWhiteSpace(hold.Reason), $"{path}.holds[{i}].reason", hold.Reason, "a hold has a reason.");
            check.That(hold.IsLifted || state.Status != LedgerSaleStatus.Released, $"{path}.holds[{i}].isLifted", hold.IsLifted, "a released sale holds nothing.");
        }

        check.That(state.Status == LedgerSaleStatus.Pending ? state.CompletedAt is null : state.CompletedAt is Instant c && c >= sale.PaidAt && Limits.IsSupported(c), $"{path}.completedAt", state.CompletedAt, "a pending sale has no completion; a completed one was completed at or after it was paid.");
        var lines = sale.LineArray;
        var earnings = sale.EarningArray;
        var quantities = check.Present(state.RefundedQuantities, $"{path}.refundedQuantities");
        var reversed = check.Present(state.ReversedMinorUnits, $"{path}.reversedMinorUnits");
        check.That(quantities.Count == lines.Length, $"{path}.refundedQuantities", quantities.Count, $"one count per line ({lines.Length}).");
        check.That(reversed.Count == earnings.Length, $"{path}.reversedMinorUnits", reversed.Count, $"one amount per earning ({earnings.Length}).");
        var allRefunded = true;
        var anyRefunded = false;
        for (var i = 0; i < lines.Length; i++)
        {
            check.That(quantities[i] >= 0 && quantities[i] <= lines[i].Quantity, $"{path}.refundedQuantities[{i}]", quantities[i], $"from 0 to the line's {lines[i].Quantity} units.");
            allRefunded &= quantities[i] == lines[i].Quantity;
            anyRefunded |= quantities[i] > 0;
        }

        // Most sales are not refunded: their paid total and booked amounts (decimal conversions) are needed only by a
        // failure's message, formatted only then.
        var basis = state.RefundBasis;
        var paidTotal = basis is LedgerSaleRefunds.Amount or LedgerSaleRefunds.Full ? PaidTotal(lines) : 0;
        check.That(basis is LedgerSaleRefunds.Lines or LedgerSaleRefunds.Full || !anyRefunded, $"{path}.refundedQuantities", "(units)", $"units are refunded only by lines, and the sale's basis is {basis}.");
        check.That(basis != LedgerSaleRefunds.Lines || (anyRefunded && !allRefunded), $"{path}.refundBasis", basis, "a sale refunded by lines has some, not all, units refunded (all of them is Full).");
        check.That(basis == LedgerSaleRefunds.Amount ? state.RefundedMinorUnits > 0 && state.RefundedMinorUnits < paidTotal
            : basis == LedgerSaleRefunds.Full ? state.RefundedMinorUnits >= 0 && state.RefundedMinorUnits <= paidTotal
            : state.RefundedMinorUnits == 0, $"{path}.refundedMinorUnits", state.RefundedMinorUnits, $"not what a {basis} refund of a sale paid {PaidTotal(lines)} minor units leaves.");
        for (var i = 0; i < earnings.Length; i++)
        {
            if (basis == LedgerSaleRefunds.None)
            {
                check.That(reversed[i] == 0, $"{path}.reversedMinorUnits[{i}]", reversed[i], $"the sale's refunds reverse exactly 0 of the {earnings[i].Amount.ToMinorUnits()} minor units booked.");
                continue;
            }

            var booked = earnings[i].Amount.ToMinorUnits();
            var line = earnings[i].LineIndex;
            var target = RefundDecision.Target(basis, booked, quantities[line], lines[line].Quantity, state.RefundedMinorUnits, paidTotal);
            check.That(reversed[i] == target, $"{path}.reversedMinorUnits[{i}]", reversed[i], $"the sale's refunds reverse exactly {target} of the {booked} minor units booked.");
        }

        return state;

        static long PaidTotal(LedgerSaleLine[] lines)
        {
            long total = 0;
            foreach (var line in lines)
            {
                total += line.Paid.ToMinorUnits();
            }

            return total;
        }
    }
}
