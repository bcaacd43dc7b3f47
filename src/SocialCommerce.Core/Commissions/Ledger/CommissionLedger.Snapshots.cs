using System;
using System.Collections.Generic;
using SocialCommerce.Network;
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
            if (_accounts[a].Loaded is null)
            {
                accounts[a] = _accounts[a].Restored!;
                continue;
            }

            var account = AccountAt(a);
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
            sales[s] = _sales[s].Record?.State ?? _sales[s].Restored!.Value.State;
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

        // Checked as it is built (LedgerSnapshotCheck): a snapshot that fails a check throws before the ledger is
        // returned, and the cross-aggregate tallies run on the ledger's own account slots.
        var check = new StateCheck("ledger snapshot");
        check.NotNegative(snapshot.LastSequence, "$.lastSequence");
        var sales = SocialCommerceJson.OrEmpty(snapshot.Sales);
        var accounts = SocialCommerceJson.OrEmpty(snapshot.Accounts);
        // Room for the state; the entries start empty (the history before the snapshot is the host's).
        var ledger = new CommissionLedger(options, Math.Max(Math.Max(16, sales.Count), accounts.Count), listener, 1024);
        ledger._sequenceBase = snapshot.LastSequence;
        for (var a = 0; a < accounts.Count; a++)
        {
            var state = accounts[a];
            AccountStateCheck.Check(check, state, new StatePath("$.accounts", a));
            var slot = ledger.GetOrAddAccount(state.Member, ledger.GetOrAddCurrency(state.Currency), restored: state);
            check.That(slot == a, $"$.accounts[{a}].member", state.Member, $"the account of this member in {state.Currency.Code} is listed twice.");
        }

        var tally = new LedgerSnapshotCheck.Tally(accounts.Count);
        var refunds = SocialCommerceJson.OrEmpty(snapshot.Refunds);
        LedgerSnapshotCheck.CheckRefunds(check, refunds);
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

        for (var k = 0; k < sales.Count; k++)
        {
            var state = LedgerSnapshotCheck.CheckSale(check, sales[k], new StatePath("$.sales", k));
            ledger.RestoreSale(check, k, state, refundsOfSale is not null && refundsOfSale.Remove(state.Sale.SaleId, out var list) ? list : [], tally);
        }

        if (refundsOfSale is { Count: > 0 })
        {
            for (var r = 0; r < refunds.Count; r++)
            {
                check.That(ledger._saleIndex.ContainsKey(refunds[r].SaleId), $"$.refunds[{r}].saleId", refunds[r].SaleId, "the ledger records no such sale.");
            }
        }

        ledger.RestoreWithdrawals(check, snapshot, tally);
        tally.Verify(check, accounts);
        return ledger;
    }

    private void RestoreSale(StateCheck check, int k, LedgerSaleState state, IReadOnlyList<LedgerRefund> refunds, LedgerSnapshotCheck.Tally tally)
    {
        var sale = state.Sale;
        check.That(_saleIndex.TryAdd(sale.SaleId, _saleCount), $"$.sales[{k}].sale.saleId", sale.SaleId, "a sale is recorded once.");
        var earnings = sale.EarningArray;
        var currency = FindCurrency(sale.Currency);
        var firstEarning = _earningCount;
        EnsureCapacity(ref _earningAccounts, firstEarning + earnings.Length);
        for (var i = 0; i < earnings.Length; i++)
        {
            var a = currency == None || !_accountIndex.TryGetValue(new AccountKey(earnings[i].Beneficiary.Value, currency), out var found) ? None : found;
            check.That(a != None, $"$.sales[{k}].sale.earnings[{i}].beneficiary", earnings[i].Beneficiary, $"the ledger lists no account of this member in {sale.Currency.Code}.");
            _earningAccounts[firstEarning + i] = a;
        }

        tally.AddSale(state, _earningAccounts.AsSpan(firstEarning, earnings.Length));
        _earningCount = firstEarning + earnings.Length;
        var s = _saleCount;
        if (s == _sales.Length)
        {
            Array.Resize(ref _sales, s * 2);
        }

        // The record is made on the sale's first use: a restore allocates nothing per sale but its slot.
        _sales[s] = new SaleSlot { Restored = (state, refunds), FirstEarning = firstEarning };
        _saleCount = s + 1;
        if (state.Status == LedgerSaleStatus.Frozen && !IsHeld(state))
        {
            EnqueueFrozen(s, state.CompletedAt!.Value + sale.ReturnWindow);
        }
    }

    private static bool IsHeld(LedgerSaleState state)
    {
        foreach (var hold in SocialCommerceJson.OrEmpty(state.Holds))
        {
            if (!hold.IsLifted)
            {
                return true;
            }
        }

        return state.HoldReason is not null && state.Holds is not { Count: > 0 };
    }

    private void RestoreWithdrawals(StateCheck check, LedgerSnapshot snapshot, LedgerSnapshotCheck.Tally tally)
    {
        var accounts = SocialCommerceJson.OrEmpty(snapshot.Accounts);
        var withdrawals = SocialCommerceJson.OrEmpty(snapshot.Withdrawals);
        HashSet<(MemberId, string, string)>? ids = null;
        for (var w = 0; w < withdrawals.Count; w++)
        {
            var withdrawal = withdrawals[w];
            check.That(!string.IsNullOrEmpty(withdrawal.WithdrawalId) && (withdrawal.Amount == default || (ids ??= []).Add((withdrawal.Member, withdrawal.Amount.Currency.Code, withdrawal.WithdrawalId))), $"$.withdrawals[{w}].withdrawalId", withdrawal.WithdrawalId, "a withdrawal id is present and used once per account.");
            check.That(withdrawal.Amount != default && withdrawal.Amount.Amount > 0 && Limits.IsSupported(withdrawal.Amount), $"$.withdrawals[{w}].amount", withdrawal.Amount, "a withdrawal is a positive amount of whole minor units.");
            var a = FindAccount(withdrawal.Member, withdrawal.Amount.Currency);
            check.That(a != None, $"$.withdrawals[{w}].member", withdrawal.Member, $"the ledger lists no account of this member in {withdrawal.Amount.Currency.Code}.");
            tally.Withdrawn[a] += withdrawal.Amount.ToMinorUnits();
            _withdrawals.Add(withdrawal);
            AccountAt(a).RestoreWithdrawals([withdrawal]);
        }

        var requests = SocialCommerceJson.OrEmpty(snapshot.Requests);
        Dictionary<int, HashSet<string>>? requestIds = null;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = check.Present(requests[i], $"$.requests[{i}]");
            var a = request.Gross == default ? None : FindAccount(request.Member, request.Gross.Currency);
            check.That(a != None, $"$.requests[{i}].member", request.Member, "the ledger lists no account of this member in the withdrawal's currency.");
            check.That(ids is null || !ids.Contains((request.Member, request.Gross.Currency.Code, request.WithdrawalId)), $"$.requests[{i}].withdrawalId", request.WithdrawalId, "an immediate withdrawal of the account has this id.");
            CommissionAccount.CheckRequest(check, request, $"$.requests[{i}]", accounts[a], IdsOf(ref requestIds, a));
            tally.InWithdrawal[a] += request.IsInWithdrawal ? request.Gross.ToMinorUnits() : 0;
            tally.Withdrawn[a] += request.Status == WithdrawalStatus.Paid ? request.Gross.ToMinorUnits() : 0;
            tally.Withheld[a] += request.Status == WithdrawalStatus.Paid ? request.Withheld.ToMinorUnits() : 0;
            AccountAt(a).RestoreRequests([request]);
        }

        var adjustments = SocialCommerceJson.OrEmpty(snapshot.Adjustments);
        Dictionary<int, HashSet<string>>? adjustmentIds = null;
        for (var i = 0; i < adjustments.Count; i++)
        {
            var adjustment = adjustments[i];
            var a = adjustment.Amount == default ? None : FindAccount(adjustment.Member, adjustment.Amount.Currency);
            check.That(a != None, $"$.adjustments[{i}].member", adjustment.Member, "the ledger lists no account of this member in the adjustment's currency.");
            CommissionAccount.CheckAdjustment(check, adjustment, $"$.adjustments[{i}]", accounts[a], IdsOf(ref adjustmentIds, a));
            tally.Adjusted[a] += adjustment.Amount.ToMinorUnits();
            AccountAt(a).RestoreAdjustments([adjustment]);
        }
    }

    /// <summary>The ids seen so far in the account <paramref name="a"/> (a restore checks each is used once per account).</summary>
    private static HashSet<string> IdsOf(ref Dictionary<int, HashSet<string>>? ids, int a)
    {
        ids ??= [];
        if (!ids.TryGetValue(a, out var set))
        {
            ids[a] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }
}
