using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Commissions;

/// <summary>
/// What <see cref="CommissionLedger.FromSnapshot"/> checks before it restores anything: every account's own invariants,
/// every sale's record against its lines and earnings (each reversal exactly what its refunds imply), and the accounts
/// against the sales and withdrawals that made them (booked, reversed, pending, frozen and withdrawn add up per account).
/// A snapshot that passes is a state the ledger could have reached.
/// </summary>
internal static class LedgerSnapshotCheck
{
    public static void Check(LedgerSnapshot snapshot)
    {
        var check = new StateCheck("ledger snapshot");
        check.NotNegative(snapshot.LastSequence, "$.lastSequence");
        var accounts = SocialCommerceJson.OrEmpty(snapshot.Accounts);
        var expected = new Dictionary<(MemberId, string), Expected>();
        for (var a = 0; a < accounts.Count; a++)
        {
            var path = $"$.accounts[{a}]";
            AccountStateCheck.Check(check, accounts[a], path);
            check.That(expected.TryAdd((accounts[a].Member, accounts[a].Currency.Code), new Expected(a)), $"{path}.member", accounts[a].Member, $"the account of this member in {accounts[a].Currency.Code} is listed twice.");
        }

        var sales = SocialCommerceJson.OrEmpty(snapshot.Sales);
        var saleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < sales.Count; k++)
        {
            var path = $"$.sales[{k}]";
            var state = CheckSale(check, sales[k], path);
            var sale = state.Sale;
            check.That(saleIds.Add(sale.SaleId), $"{path}.sale.saleId", sale.SaleId, "a sale is recorded once.");
            var earnings = sale.EarningArray;
            for (var i = 0; i < earnings.Length; i++)
            {
                var booked = earnings[i].Amount.ToMinorUnits();
                var reversed = state.ReversedMinorUnits[i];
                check.That(expected.TryGetValue((earnings[i].Beneficiary, sale.Currency.Code), out var account), $"{path}.sale.earnings[{i}].beneficiary", earnings[i].Beneficiary, $"the ledger lists no account of this member in {sale.Currency.Code}.");
                account!.Booked += booked;
                account.Reversed += reversed;
                account.Pending += state.Status == LedgerSaleStatus.Pending ? booked - reversed : 0;
                account.Frozen += state.Status == LedgerSaleStatus.Frozen ? booked - reversed : 0;
            }
        }

        var refundIds = new HashSet<(string, string)>();
        var refunds = SocialCommerceJson.OrEmpty(snapshot.Refunds);
        for (var r = 0; r < refunds.Count; r++)
        {
            var refund = check.Present(refunds[r], $"$.refunds[{r}]");
            check.That(refundIds.Add((refund.SaleId, refund.RefundId)), $"$.refunds[{r}].refundId", refund.RefundId, "a refund of a sale is recorded once.");
            check.That(saleIds.Contains(refund.SaleId), $"$.refunds[{r}].saleId", refund.SaleId, "the ledger records no such sale.");
        }

        var withdrawalIds = new HashSet<(MemberId, string, string)>();
        var withdrawals = SocialCommerceJson.OrEmpty(snapshot.Withdrawals);
        for (var w = 0; w < withdrawals.Count; w++)
        {
            var withdrawal = withdrawals[w];
            var path = $"$.withdrawals[{w}]";
            check.That(!string.IsNullOrEmpty(withdrawal.WithdrawalId) && (withdrawal.Amount == default || withdrawalIds.Add((withdrawal.Member, withdrawal.Amount.Currency.Code, withdrawal.WithdrawalId))), $"{path}.withdrawalId", withdrawal.WithdrawalId, "a withdrawal id is present and used once per account.");
            check.That(withdrawal.Amount != default && withdrawal.Amount.Amount > 0 && Limits.IsSupported(withdrawal.Amount), $"{path}.amount", withdrawal.Amount, "a withdrawal is a positive amount of whole minor units.");
            check.That(expected.TryGetValue((withdrawal.Member, withdrawal.Amount.Currency.Code), out var account), $"{path}.member", withdrawal.Member, $"the ledger lists no account of this member in {withdrawal.Amount.Currency.Code}.");
            account!.Withdrawn += withdrawal.Amount.ToMinorUnits();
        }

        var requests = SocialCommerceJson.OrEmpty(snapshot.Requests);
        for (var i = 0; i < requests.Count; i++)
        {
            var path = $"$.requests[{i}]";
            var request = check.Present(requests[i], path);
            check.That(request.Gross != default && expected.ContainsKey((request.Member, request.Gross.Currency.Code)), $"{path}.member", request.Member, "the ledger lists no account of this member in the withdrawal's currency.");
            var account = expected[(request.Member, request.Gross.Currency.Code)];
            var ids = account.RequestIds ??= [];
            check.That(!withdrawalIds.Contains((request.Member, request.Gross.Currency.Code, request.WithdrawalId)), $"{path}.withdrawalId", request.WithdrawalId, "an immediate withdrawal of the account has this id.");
            CommissionAccount.CheckRequest(check, request, path, accounts[account.Index], ids);
            account.InWithdrawal += request.IsInWithdrawal ? request.Gross.ToMinorUnits() : 0;
            account.Withdrawn += request.Status == WithdrawalStatus.Paid ? request.Gross.ToMinorUnits() : 0;
            account.Withheld += request.Status == WithdrawalStatus.Paid ? request.Withheld.ToMinorUnits() : 0;
        }

        var adjustments = SocialCommerceJson.OrEmpty(snapshot.Adjustments);
        for (var i = 0; i < adjustments.Count; i++)
        {
            var path = $"$.adjustments[{i}]";
            var adjustment = adjustments[i];
            check.That(adjustment.Amount != default && expected.ContainsKey((adjustment.Member, adjustment.Amount.Currency.Code)), $"{path}.member", adjustment.Member, "the ledger lists no account of this member in the adjustment's currency.");
            var account = expected[(adjustment.Member, adjustment.Amount.Currency.Code)];
            CommissionAccount.CheckAdjustment(check, adjustment, path, accounts[account.Index], account.AdjustmentIds ??= []);
            account.Adjusted += adjustment.Amount.ToMinorUnits();
        }

        foreach (var account in expected.Values)
        {
            var path = $"$.accounts[{account.Index}]";
            var found = accounts[account.Index];
            check.That(found.Booked == account.Booked, $"{path}.booked", found.Booked, $"the sales book {account.Booked} minor units for this account.");
            check.That(found.Reversed == account.Reversed, $"{path}.reversed", found.Reversed, $"the sales reverse {account.Reversed} minor units for this account.");
            check.That(found.Pending == account.Pending, $"{path}.pending", found.Pending, $"the pending sales hold {account.Pending} minor units for this account.");
            check.That(found.Frozen == account.Frozen, $"{path}.frozen", found.Frozen, $"the frozen sales hold {account.Frozen} minor units for this account.");
            check.That(found.Withdrawn == account.Withdrawn, $"{path}.withdrawn", found.Withdrawn, $"the withdrawals took {account.Withdrawn} minor units from this account.");
            check.That(found.InWithdrawal == account.InWithdrawal, $"{path}.inWithdrawal", found.InWithdrawal, $"the requested and approved withdrawals hold {account.InWithdrawal} minor units of this account.");
            check.That(found.Withheld == account.Withheld, $"{path}.withheld", found.Withheld, $"the paid withdrawals withheld {account.Withheld} minor units of this account.");
            check.That(found.Adjusted == account.Adjusted, $"{path}.adjusted", found.Adjusted, $"the adjustments add up to {account.Adjusted} minor units for this account.");
        }
    }

    /// <summary>
    /// Checks one sale's record against its own lines and earnings: the status and its completion, the refunded units
    /// and amount that its basis allows, and each earning's reversal exactly what the refunds imply.
    /// </summary>
    /// <returns>The record, checked.</returns>
    public static LedgerSaleState CheckSale(StateCheck check, LedgerSaleState? record, string path)
    {
        var state = check.Present(record, path);
        var sale = check.Present(state.Sale, $"{path}.sale");
        check.That(Enum.IsDefined(state.Status), $"{path}.status", state.Status, "not a sale status.");
        check.That(Enum.IsDefined(state.RefundBasis), $"{path}.refundBasis", state.RefundBasis, "not a refund basis.");
        check.That(state.HoldReason is null || (!string.IsNullOrWhiteSpace(state.HoldReason) && state.Status != LedgerSaleStatus.Released), $"{path}.holdReason", state.HoldReason, "a held sale has a reason and is not released.");
        var holds = SocialCommerceJson.OrEmpty(state.Holds);
        var holdIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < holds.Count; i++)
        {
            var hold = check.Present(holds[i], $"{path}.holds[{i}]");
            check.That(!string.IsNullOrEmpty(hold.HoldId) && holdIds.Add(hold.HoldId), $"{path}.holds[{i}].holdId", hold.HoldId, "a hold id is present and used once per sale.");
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
        long paidTotal = 0;
        var allRefunded = true;
        var anyRefunded = false;
        for (var i = 0; i < lines.Length; i++)
        {
            paidTotal += lines[i].Paid.ToMinorUnits();
            check.That(quantities[i] >= 0 && quantities[i] <= lines[i].Quantity, $"{path}.refundedQuantities[{i}]", quantities[i], $"from 0 to the line's {lines[i].Quantity} units.");
            allRefunded &= quantities[i] == lines[i].Quantity;
            anyRefunded |= quantities[i] > 0;
        }

        var basis = state.RefundBasis;
        check.That(basis is LedgerSaleRefunds.Lines or LedgerSaleRefunds.Full || !anyRefunded, $"{path}.refundedQuantities", "(units)", $"units are refunded only by lines, and the sale's basis is {basis}.");
        check.That(basis != LedgerSaleRefunds.Lines || (anyRefunded && !allRefunded), $"{path}.refundBasis", basis, "a sale refunded by lines has some, not all, units refunded (all of them is Full).");
        check.That(basis == LedgerSaleRefunds.Amount ? state.RefundedMinorUnits > 0 && state.RefundedMinorUnits < paidTotal
            : basis == LedgerSaleRefunds.Full ? state.RefundedMinorUnits >= 0 && state.RefundedMinorUnits <= paidTotal
            : state.RefundedMinorUnits == 0, $"{path}.refundedMinorUnits", state.RefundedMinorUnits, $"not what a {basis} refund of a sale paid {paidTotal} minor units leaves.");
        for (var i = 0; i < earnings.Length; i++)
        {
            var booked = earnings[i].Amount.ToMinorUnits();
            var line = earnings[i].LineIndex;
            var target = RefundDecision.Target(basis, booked, quantities[line], lines[line].Quantity, state.RefundedMinorUnits, paidTotal);
            check.That(reversed[i] == target, $"{path}.reversedMinorUnits[{i}]", reversed[i], $"the sale's refunds reverse exactly {target} of the {booked} minor units booked.");
        }

        return state;
    }

    private sealed class Expected(int index)
    {
        public int Index { get; } = index;

        public long Booked { get; set; }

        public long Reversed { get; set; }

        public long Pending { get; set; }

        public long Frozen { get; set; }

        public long Withdrawn { get; set; }

        public long InWithdrawal { get; set; }

        public long Adjusted { get; set; }

        public long Withheld { get; set; }

        public HashSet<string>? RequestIds { get; set; }

        public HashSet<string>? AdjustmentIds { get; set; }
    }
}
