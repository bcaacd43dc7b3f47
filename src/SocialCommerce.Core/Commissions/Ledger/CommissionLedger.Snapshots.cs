using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Serialization;

using SocialCommerce.Telemetry;

namespace SocialCommerce.Commissions;

/// <content>Snapshots: export and restore in O(state).</content>
public sealed partial class CommissionLedger
{
    /// <summary>Exports the ledger's state (accounts, sales, refunds, withdrawals) without its entries.</summary>
    /// <returns>A snapshot that <see cref="FromSnapshot"/> restores to a ledger that behaves exactly like this one.</returns>
    /// <remarks>O(accounts + sales + lines + earnings + refunds + withdrawals). Not safe concurrently with postings.</remarks>
    public LedgerSnapshot ToSnapshot()
    {
        var accounts = new LedgerAccountState[_accountCount];
        for (var a = 0; a < accounts.Length; a++)
        {
            ref readonly var acc = ref _accounts[a];
            accounts[a] = new LedgerAccountState(acc.Member, _currencies[acc.Currency], acc.Pending, acc.Frozen, acc.Available, acc.Withdrawn, acc.Fees, acc.Debt, acc.WrittenOff, acc.Forgiven, acc.Booked, acc.Reversed);
        }

        var sales = new LedgerSaleState[_saleCount];
        for (var s = 0; s < sales.Length; s++)
        {
            ref readonly var slot = ref _sales[s];
            var currency = _currencies[slot.Currency];
            var lines = new LedgerSaleLine[slot.LineCount];
            var refunded = new long[slot.LineCount];
            for (var i = 0; i < lines.Length; i++)
            {
                ref readonly var line = ref _lines[slot.FirstLine + i];
                lines[i] = new LedgerSaleLine(checked((int)line.Quantity), LedgerAmounts.FromMinor(line.Paid, currency));
                refunded[i] = line.Refunded;
            }

            var earnings = new LedgerEarning[slot.EarningCount];
            var reversed = new long[slot.EarningCount];
            for (var i = 0; i < earnings.Length; i++)
            {
                ref readonly var earning = ref _earnings[slot.FirstEarning + i];
                earnings[i] = new LedgerEarning(_accounts[earning.Account].Member, earning.Level, earning.LineIndex, LedgerAmounts.FromMinor(earning.Booked, currency));
                reversed[i] = earning.Reversed;
            }

            var sale = new LedgerSale(slot.Id, slot.Buyer, slot.PaidAt, currency, lines, earnings, slot.Window);
            sales[s] = new LedgerSaleState(
                sale,
                (LedgerSaleStatus)slot.Status,
                slot.Status == SaleStatus.Pending ? null : slot.CompletedAt,
                slot.RefundedAmount,
                (LedgerSaleRefunds)slot.Refunds,
                refunded,
                reversed);
        }

        return new LedgerSnapshot(SocialCommerceJson.SchemaVersion, LastSequence, accounts, sales, _refunds.ToArray(), _withdrawals.ToArray());
    }

    /// <summary>Restores a ledger from its snapshot in O(state), replaying no command.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">The ledger's options from now on; <see cref="LedgerOptions.Default"/> when null.</param>
    /// <param name="listener">Told about every later operation; none when null.</param>
    /// <returns>The ledger; its entries continue after <see cref="LedgerSnapshot.LastSequence"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state the ledger could have reached: an account whose buckets do not add up or are negative,
    /// an account or sale listed twice, a sale whose reversals are not what its refunds imply, accounts that disagree with
    /// the sales and withdrawals that made them, a refund of an unknown sale. Its path names the place.
    /// </exception>
    public static CommissionLedger FromSnapshot(LedgerSnapshot snapshot, LedgerOptions? options = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SocialCommerceJson.CheckSchema("ledger snapshot", snapshot.SchemaVersion);
        LedgerSnapshotCheck.Check(snapshot);
        var sales = SocialCommerceJson.OrEmpty(snapshot.Sales);
        var ledger = new CommissionLedger(options, Math.Max(16, sales.Count), listener);
        ledger._sequenceBase = snapshot.LastSequence;

        // LedgerSnapshotCheck has refused every duplicate and mismatch: what follows only copies the state in.
        foreach (var account in SocialCommerceJson.OrEmpty(snapshot.Accounts))
        {
            var a = ledger.GetOrAddAccount(account.Member, ledger.GetOrAddCurrency(account.Currency));
            ref var acc = ref ledger._accounts[a];
            acc.Pending = account.Pending;
            acc.Frozen = account.Frozen;
            acc.Available = account.Available;
            acc.Withdrawn = account.Withdrawn;
            acc.Fees = account.Fees;
            acc.Debt = account.Debt;
            acc.WrittenOff = account.WrittenOff;
            acc.Forgiven = account.Forgiven;
            acc.Booked = account.Booked;
            acc.Reversed = account.Reversed;
        }

        foreach (var sale in sales)
        {
            ledger.RestoreSale(sale);
        }

        foreach (var refund in SocialCommerceJson.OrEmpty(snapshot.Refunds))
        {
            ledger._refundIndex.Add(refund.RefundId, ledger._refunds.Count);
            ledger._refunds.Add(refund);
        }

        foreach (var withdrawal in SocialCommerceJson.OrEmpty(snapshot.Withdrawals))
        {
            ledger._withdrawalIndex.Add(WithdrawalKey(withdrawal), ledger._withdrawals.Count);
            ledger._withdrawals.Add(withdrawal);
        }

        return ledger;
    }

    private void RestoreSale(LedgerSaleState snapshot)
    {
        var sale = snapshot.Sale;
        var lines = sale.LineArray;
        var earnings = sale.EarningArray;

        var currency = GetOrAddCurrency(sale.Currency);
        var paidTotal = StageSlots(sale, out var firstLine, out var firstEarning);
        for (var i = 0; i < lines.Length; i++)
        {
            _lines[firstLine + i].Refunded = snapshot.RefundedQuantities[i];
        }

        for (var i = 0; i < earnings.Length; i++)
        {
            ref var earning = ref _earnings[firstEarning + i];
            earning.Reversed = snapshot.ReversedMinorUnits[i];
            earning.Account = GetOrAddAccount(earnings[i].Beneficiary, currency);
        }

        _lineCount = firstLine + lines.Length;
        _earningCount = firstEarning + earnings.Length;
        var s = _saleCount;
        if (s == _sales.Length)
        {
            Array.Resize(ref _sales, s * 2);
        }

        var completedAt = snapshot.CompletedAt ?? default;
        _sales[s] = new SaleSlot
        {
            Id = sale.SaleId,
            Buyer = sale.Buyer,
            PaidAt = sale.PaidAt,
            Window = sale.ReturnWindow,
            CompletedAt = completedAt,
            ReleaseAt = snapshot.Status == LedgerSaleStatus.Pending ? default : completedAt + sale.ReturnWindow,
            PaidTotal = paidTotal,
            RefundedAmount = snapshot.RefundedMinorUnits,
            Currency = currency,
            FirstLine = firstLine,
            LineCount = lines.Length,
            FirstEarning = firstEarning,
            EarningCount = earnings.Length,
            Status = (SaleStatus)snapshot.Status,
            Refunds = (RefundState)snapshot.RefundBasis,
        };
        _saleCount = s + 1;
        _saleIndex.Add(sale.SaleId, s);
        if (snapshot.Status == LedgerSaleStatus.Frozen)
        {
            EnqueueFrozen(s, _sales[s].ReleaseAt);
        }
    }
}
