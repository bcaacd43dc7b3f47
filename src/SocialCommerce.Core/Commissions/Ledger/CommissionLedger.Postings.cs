using System;
using System.Runtime.InteropServices;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <content>Sales, completions and releases.</content>
public sealed partial class CommissionLedger
{
    /// <summary>Posts a paid sale: books each earning as pending (one <see cref="LedgerEntryKind.Earned"/> entry per earning).</summary>
    /// <param name="sale">The sale with its quoted earnings and the plan's return window.</param>
    /// <returns>
    /// Applied; <see cref="LedgerOutcome.Duplicate"/> when the same sale was already posted; refused with
    /// <see cref="LedgerRefusal.ConflictingDuplicate"/> when another sale was posted under the same id.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    /// <exception cref="OverflowException">An amount is beyond the range of 64-bit minor units; nothing is changed.</exception>
    public LedgerResult Post(LedgerSale sale) => Report(LedgerOperations.Post, PostCore(sale));

    private LedgerResult PostCore(LedgerSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_saleIndex, sale.SaleId, out var exists);
        if (exists)
        {
            // Business content only — buyer, currency, lines: a retry stamped with a later instant, or quoted again after
            // a plan reload (other earnings, another return window), is still the same sale, and the first posting stands.
            return ToResult(RecordAt(index).PostAgain(sale), _entryCount);
        }

        // Everything that can throw comes first — the record converts the amounts, every account total the posting
        // raises is checked — so an overflow throws with the ledger exactly as it was (the sale id stays free).
        SaleCommissionRecord record;
        try
        {
            record = SaleCommissionRecord.Open(sale);
            CheckAccountHeadroom(sale, record);
        }
        catch
        {
            _saleIndex.Remove(sale.SaleId);
            throw;
        }

        index = _saleCount;
        var s = _saleCount;
        var currency = GetOrAddCurrency(sale.Currency);
        if (s == _sales.Length)
        {
            Array.Resize(ref _sales, s * 2);
        }

        var earnings = sale.EarningArray;
        var firstEarning = _earningCount;
        EnsureCapacity(ref _earningAccounts, firstEarning + earnings.Length);
        for (var i = 0; i < earnings.Length; i++)
        {
            _earningAccounts[firstEarning + i] = GetOrAddAccount(earnings[i].Beneficiary, currency);
        }

        _earningCount = firstEarning + earnings.Length;
        _sales[s] = new SaleSlot { Record = record, FirstEarning = firstEarning };
        _saleCount = s + 1;

        var firstEntry = _entryCount;
        var booking = new Booking(this, s, None);
        record.Book(ref booking);
        return Applied(firstEntry);
    }

    /// <summary>
    /// Completes a sale: what remains of its earnings moves from pending to frozen until
    /// <c>completedAt + returnWindow</c> (one <see cref="LedgerEntryKind.Completed"/> entry per earning with something left).
    /// </summary>
    /// <param name="saleId">The completed sale (also the id of the completion).</param>
    /// <param name="completedAt">When the sale was completed (received, not returnable from then on beyond the window).</param>
    /// <returns>
    /// Applied; <see cref="LedgerOutcome.Duplicate"/> when the sale was already completed at the same instant; refused with
    /// <see cref="LedgerRefusal.UnknownSale"/> when the sale was not posted, or <see cref="LedgerRefusal.ConflictingDuplicate"/>
    /// when it was completed at another instant.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="completedAt"/> is before the sale was paid.</exception>
    public LedgerResult Complete(string saleId, Instant completedAt) => Report(LedgerOperations.Complete, CompleteCore(saleId, completedAt));

    private LedgerResult CompleteCore(string saleId, Instant completedAt)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        if (!_saleIndex.TryGetValue(saleId, out var s))
        {
            return LedgerResult.Refused(LedgerRefusal.UnknownSale, $"Completion of sale '{saleId}' refused: the sale was not posted. Post the sale first.");
        }

        var firstEntry = _entryCount;
        var booking = new Booking(this, s, None);
        var record = RecordAt(s);
        var result = record.Complete(completedAt, ref booking);
        if (result.IsApplied)
        {
            EnqueueFrozen(s, record.ReleaseAt!.Value);
        }

        return ToResult(result, firstEntry);
    }

    /// <summary>
    /// Releases every frozen sale whose release deadline (<c>completedAt + returnWindow</c>) is at or before
    /// <paramref name="at"/>: what remains of its earnings becomes available, repaying any clawback debt first.
    /// </summary>
    /// <param name="at">The instant to evaluate (the host's current time); earnings whose deadline is one tick later stay frozen.</param>
    /// <returns>
    /// Applied, with one <see cref="LedgerEntryKind.Released"/> entry (and a <see cref="LedgerEntryKind.DebtRepaid"/> entry
    /// when debt was repaid) per released earning, stamped with the sale's release deadline. Releasing again at the same
    /// instant appends nothing.
    /// </returns>
    public LedgerResult Release(Instant at) => Report(LedgerOperations.Release, ReleaseCore(at));

    private LedgerResult ReleaseCore(Instant at)
    {
        var firstEntry = _entryCount;
        while (true)
        {
            var fromRing = _releaseCount > 0 && _sales[_releaseQueue[_releaseHead]].ReleaseAt <= at;
            var fromHeap = _frozen.TryPeek(out var h, out var heapKey) && heapKey.At <= at;
            if (fromRing && (!fromHeap || (_sales[_releaseQueue[_releaseHead]].ReleaseAt, _releaseQueue[_releaseHead]).CompareTo(heapKey) < 0))
            {
                var s = _releaseQueue[_releaseHead];
                _releaseHead = (_releaseHead + 1) % _releaseQueue.Length;
                _releaseCount--;
                ReleaseSale(s);
            }
            else if (fromHeap)
            {
                _frozen.Dequeue();
                ReleaseSale(h);
            }
            else
            {
                break;
            }
        }

        return Applied(firstEntry);
    }

    private void EnqueueFrozen(int s, Instant releaseAt)
    {
        _sales[s].ReleaseAt = releaseAt;
        _sales[s].Queued = true;
        if (_releaseCount > 0)
        {
            var tail = _releaseQueue[(_releaseHead + _releaseCount - 1) % _releaseQueue.Length];
            if ((_sales[tail].ReleaseAt, tail).CompareTo((releaseAt, s)) > 0)
            {
                _frozen.Enqueue(s, (releaseAt, s));
                return;
            }
        }

        if (_releaseCount == _releaseQueue.Length)
        {
            var grown = new int[Math.Max(4, _releaseQueue.Length * 2)];
            for (var i = 0; i < _releaseCount; i++)
            {
                grown[i] = _releaseQueue[(_releaseHead + i) % _releaseQueue.Length];
            }

            _releaseQueue = grown;
            _releaseHead = 0;
        }

        _releaseQueue[(_releaseHead + _releaseCount) % _releaseQueue.Length] = s;
        _releaseCount++;
    }

    /// <summary>Releases a sale taken from the queue at its deadline; a held sale stays frozen (lifting the hold queues it again).</summary>
    private void ReleaseSale(int s)
    {
        _sales[s].Queued = false;
        var booking = new Booking(this, s, None);
        RecordAt(s).Release(_sales[s].ReleaseAt, ref booking);
    }

    private void CheckAccountHeadroom(LedgerSale sale, SaleCommissionRecord record)
    {
        var total = record.BookedTotal;
        var c = FindCurrency(sale.Currency);
        if (c == None)
        {
            return;
        }

        var earnings = sale.EarningArray;
        for (var i = 0; i < earnings.Length; i++)
        {
            if (_accountIndex.TryGetValue(new AccountKey(earnings[i].Beneficiary.Value, c), out var a))
            {
                var account = AccountAt(a);
                if (account.BookedUnits > long.MaxValue - total || account.PendingUnits > long.MaxValue - total)
                {
                    throw new OverflowException($"Posting sale '{sale.SaleId}' would take the account of member {earnings[i].Beneficiary} in {sale.Currency.Code} beyond 2^63 - 1 minor units booked; nothing was changed.");
                }
            }
        }
    }

    private static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }

    /// <summary>
    /// Applies a record's effects to the accounts of its earnings as the record decides them, and writes them as
    /// entries: a release that repays debt adds a <see cref="LedgerEntryKind.DebtRepaid"/> entry, a clawback its
    /// policy's shortfall entries.
    /// </summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="sale">The sale's slot.</param>
    /// <param name="refund">The refund's index for a refund's effects; <see cref="None"/> otherwise.</param>
    private readonly struct Booking(CommissionLedger ledger, int sale, int refund) : IPostingSink
    {
        public void Add(int earning, AccountPostingKind kind, LedgerState state, long amount) => ledger.Book(sale, earning, refund, kind, state, amount);
    }

    private void Book(int s, int e, int r, AccountPostingKind kind, LedgerState state, long amount)
    {
        var a = _earningAccounts[_sales[s].FirstEarning + e];
        var effect = AccountAt(a).Book(kind, state, amount);
        switch (kind)
        {
            case AccountPostingKind.Earned:
                Append(LedgerEntryKind.Earned, LedgerState.Pending, a, amount, s, e, None);
                break;
            case AccountPostingKind.Completed:
                Append(LedgerEntryKind.Completed, LedgerState.Frozen, a, amount, s, e, None);
                break;
            case AccountPostingKind.Released:
                Append(LedgerEntryKind.Released, LedgerState.Available, a, amount, s, e, None);
                if (effect.Repaid > 0)
                {
                    Append(LedgerEntryKind.DebtRepaid, LedgerState.Debt, a, effect.Repaid, s, e, None);
                }

                break;
            case AccountPostingKind.Cancelled:
                Append(LedgerEntryKind.Cancelled, state, a, -amount, s, e, r);
                break;
            default:
                Append(LedgerEntryKind.Clawback, LedgerState.Available, a, -amount, s, e, r);
                var outcome = effect.Clawback;
                if (outcome.WrittenOff > 0)
                {
                    Append(LedgerEntryKind.WrittenOff, LedgerState.WrittenOff, a, outcome.WrittenOff, s, e, r);
                }

                if (outcome.Forgiven > 0)
                {
                    Append(LedgerEntryKind.Forgiven, LedgerState.Forgiven, a, outcome.Forgiven, s, e, r);
                }

                if (outcome.Debt > 0)
                {
                    Append(LedgerEntryKind.DebtIncurred, LedgerState.Debt, a, outcome.Debt, s, e, r);
                }

                break;
        }
    }
}
