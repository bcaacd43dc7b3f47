using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Serialization;

using SocialCommerce.Telemetry;

namespace SocialCommerce.Commissions;

/// <content>Snapshots: export and restore in O(state).</content>
public sealed partial class CommissionLedger
{
    /// <summary>Exports the ledger's state (accounts, sales, refunds, withdrawals, holds, adjustments) without its entries.</summary>
    /// <returns>A snapshot that <see cref="FromSnapshot"/> restores to a ledger that behaves exactly like this one.</returns>
    /// <remarks>O(accounts + sales + lines + earnings + refunds + withdrawals). Not safe concurrently with postings.</remarks>
    public LedgerSnapshot ToSnapshot()
    {
        var accounts = new LedgerAccountState[_accountCount];
        List<WithdrawalRecord>? requests = null;
        List<AccountAdjustment>? adjustments = null;
        for (var a = 0; a < accounts.Length; a++)
        {
            var account = _accounts[a].Account;
            accounts[a] = account.State;
            foreach (var request in account.Requests)
            {
                (requests ??= []).Add(request);
            }

            foreach (var adjustment in account.Adjustments)
            {
                (adjustments ??= []).Add(adjustment);
            }
        }

        var sales = new LedgerSaleState[_saleCount];
        for (var s = 0; s < sales.Length; s++)
        {
            sales[s] = _sales[s].Record.State;
        }

        return new LedgerSnapshot(SocialCommerceJson.SchemaVersion, LastSequence, accounts, sales, _refunds.ToArray(), _withdrawals.ToArray())
        {
            Requests = requests?.ToArray(),
            Adjustments = adjustments?.ToArray(),
        };
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
        foreach (var state in SocialCommerceJson.OrEmpty(snapshot.Accounts))
        {
            ledger.GetOrAddAccount(state.Member, ledger.GetOrAddCurrency(state.Currency), CommissionAccount.Restore(state, ledger._options));
        }

        foreach (var withdrawal in SocialCommerceJson.OrEmpty(snapshot.Withdrawals))
        {
            ledger._withdrawals.Add(withdrawal);
            ledger.AccountOf(withdrawal.Member, withdrawal.Amount.Currency).RestoreWithdrawals([withdrawal]);
        }

        foreach (var request in SocialCommerceJson.OrEmpty(snapshot.Requests))
        {
            ledger.AccountOf(request.Member, request.Gross.Currency).RestoreRequests([request]);
        }

        foreach (var adjustment in SocialCommerceJson.OrEmpty(snapshot.Adjustments))
        {
            ledger.AccountOf(adjustment.Member, adjustment.Amount.Currency).RestoreAdjustments([adjustment]);
        }

        var refunds = SocialCommerceJson.OrEmpty(snapshot.Refunds);
        Dictionary<string, List<LedgerRefund>>? refundsOfSale = null;
        foreach (var refund in refunds)
        {
            ledger._refunds.Add(refund);
            refundsOfSale ??= new Dictionary<string, List<LedgerRefund>>(StringComparer.Ordinal);
            if (!refundsOfSale.TryGetValue(refund.SaleId, out var list))
            {
                refundsOfSale[refund.SaleId] = list = [];
            }

            list.Add(refund);
        }

        foreach (var sale in sales)
        {
            ledger.RestoreSale(sale, refundsOfSale is not null && refundsOfSale.TryGetValue(sale.Sale.SaleId, out var list) ? list : []);
        }

        return ledger;
    }

    private void RestoreSale(LedgerSaleState state, IReadOnlyList<LedgerRefund> refunds)
    {
        var sale = state.Sale;
        var earnings = sale.EarningArray;
        var currency = GetOrAddCurrency(sale.Currency);
        var firstEarning = _earningCount;
        EnsureCapacity(ref _earningAccounts, firstEarning + earnings.Length);
        for (var i = 0; i < earnings.Length; i++)
        {
            _earningAccounts[firstEarning + i] = GetOrAddAccount(earnings[i].Beneficiary, currency);
        }

        _earningCount = firstEarning + earnings.Length;
        var s = _saleCount;
        if (s == _sales.Length)
        {
            Array.Resize(ref _sales, s * 2);
        }

        var record = SaleCommissionRecord.Restore(state, refunds);
        _sales[s] = new SaleSlot { Record = record, FirstEarning = firstEarning };
        _saleCount = s + 1;
        _saleIndex.Add(sale.SaleId, s);
        if (record.Status == LedgerSaleStatus.Frozen && !record.IsHeld)
        {
            EnqueueFrozen(s, record.ReleaseAt!.Value);
        }
    }
}
