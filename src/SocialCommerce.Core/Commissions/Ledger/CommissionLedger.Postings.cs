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
        var lines = sale.LineArray;
        var earnings = sale.EarningArray;
        var paidTotal = StageSlots(sale, out var firstLine, out var firstEarning);

        if (_saleIndex.TryGetValue(sale.SaleId, out var existing))
        {
            return IsSameSale(existing, sale)
                ? LedgerResult.Duplicate($"Sale '{sale.SaleId}' was already posted; nothing changed.")
                : LedgerResult.Refused(LedgerRefusal.ConflictingDuplicate, $"Sale id '{sale.SaleId}' was already posted with other content; the first posting stands.");
        }

        // Every account total the posting raises is checked before anything is committed: an overflow throws with the
        // ledger exactly as it was (the sale id stays free, so a retry is a first posting).
        CheckAccountHeadroom(sale, firstEarning, earnings.Length);

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_saleIndex, sale.SaleId, out _);

        var s = _saleCount;
        index = s;
        var currency = GetOrAddCurrency(sale.Currency);
        if (s == _sales.Length)
        {
            Array.Resize(ref _sales, s * 2);
        }

        _lineCount = firstLine + lines.Length;
        _earningCount = firstEarning + earnings.Length;
        _sales[s] = new SaleSlot
        {
            Id = sale.SaleId,
            Buyer = sale.Buyer,
            PaidAt = sale.PaidAt,
            Window = sale.ReturnWindow,
            PaidTotal = paidTotal,
            Currency = currency,
            FirstLine = firstLine,
            LineCount = lines.Length,
            FirstEarning = firstEarning,
            EarningCount = earnings.Length,
        };
        _saleCount = s + 1;

        var firstEntry = _entryCount;
        for (var i = 0; i < earnings.Length; i++)
        {
            var e = firstEarning + i;
            ref var earning = ref _earnings[e];
            var a = GetOrAddAccount(earnings[i].Beneficiary, currency);
            earning.Account = a;
            ref var acc = ref _accounts[a];
            acc.Pending += earning.Booked;
            acc.Booked += earning.Booked;
            Append(LedgerEntryKind.Earned, LedgerState.Pending, a, earning.Booked, s, e, None);
        }

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

        ref var sale = ref _sales[s];
        if (sale.Status != SaleStatus.Pending)
        {
            // Idempotent by the sale id: a retried completion (the host may stamp it later) is a duplicate, and the
            // first completion's instant stands.
            return LedgerResult.Duplicate(sale.CompletedAt == completedAt
                ? $"Sale '{saleId}' was already completed at {completedAt}; nothing changed."
                : $"Sale '{saleId}' was already completed at {sale.CompletedAt}; the completion at {completedAt} is a retry and changes nothing.");
        }

        if (completedAt < sale.PaidAt)
        {
            throw new ArgumentOutOfRangeException(nameof(completedAt), completedAt, $"Completion of sale '{saleId}' at {completedAt} is before it was paid at {sale.PaidAt}.");
        }

        Limits.Check(completedAt, nameof(completedAt));
        var releaseAt = completedAt + sale.Window;
        sale.Status = SaleStatus.Frozen;
        sale.CompletedAt = completedAt;
        sale.ReleaseAt = releaseAt;
        var firstEntry = _entryCount;
        var end = sale.FirstEarning + sale.EarningCount;
        for (var e = sale.FirstEarning; e < end; e++)
        {
            ref readonly var earning = ref _earnings[e];
            var remaining = earning.Booked - earning.Reversed;
            if (remaining > 0)
            {
                ref var acc = ref _accounts[earning.Account];
                acc.Pending -= remaining;
                acc.Frozen += remaining;
                Append(LedgerEntryKind.Completed, LedgerState.Frozen, earning.Account, remaining, s, e, None);
            }
        }

        EnqueueFrozen(s, sale.ReleaseAt);
        return Applied(firstEntry);
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
                ReleaseSale(s, _sales[s].ReleaseAt);
            }
            else if (fromHeap)
            {
                _frozen.Dequeue();
                ReleaseSale(h, heapKey.At);
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

    private void ReleaseSale(int s, Instant releaseAt)
    {
        ref var sale = ref _sales[s];
        sale.Status = SaleStatus.Released;
        var end = sale.FirstEarning + sale.EarningCount;
        for (var e = sale.FirstEarning; e < end; e++)
        {
            ref readonly var earning = ref _earnings[e];
            var remaining = earning.Booked - earning.Reversed;
            if (remaining <= 0)
            {
                continue;
            }

            ref var acc = ref _accounts[earning.Account];
            acc.Frozen -= remaining;
            Append(LedgerEntryKind.Released, LedgerState.Available, earning.Account, remaining, s, e, None);
            var repaid = DebtFirst.Return(remaining, ref acc.Available, ref acc.Debt);
            if (repaid > 0)
            {
                Append(LedgerEntryKind.DebtRepaid, LedgerState.Debt, earning.Account, repaid, s, e, None);
            }
        }
    }

    /// <summary>
    /// Converts a sale's lines and earnings into the slots past the used ones (accounts not yet assigned), without
    /// committing them: if anything throws (an amount beyond the range of minor units), nothing has changed.
    /// </summary>
    /// <returns>The paid total in minor units.</returns>
    private long StageSlots(LedgerSale sale, out int firstLine, out int firstEarning)
    {
        var lines = sale.LineArray;
        var earnings = sale.EarningArray;
        EnsureCapacity(ref _lines, _lineCount + lines.Length);
        EnsureCapacity(ref _earnings, _earningCount + earnings.Length);
        firstLine = _lineCount;
        long paidTotal = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var paid = lines[i].Paid.ToMinorUnits();
            paidTotal = checked(paidTotal + paid);
            _lines[firstLine + i] = new LineSlot { Quantity = lines[i].Quantity, Paid = paid };
        }

        firstEarning = _earningCount;
        for (var i = 0; i < earnings.Length; i++)
        {
            var earning = earnings[i];
            _earnings[firstEarning + i] = new EarningSlot { Booked = earning.Amount.ToMinorUnits(), Level = earning.Level, LineIndex = earning.LineIndex };
        }

        return paidTotal;
    }

    private void CheckAccountHeadroom(LedgerSale sale, int firstEarning, int count)
    {
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            total = checked(total + _earnings[firstEarning + i].Booked);
        }

        var currency = FindCurrency(sale.Currency);
        if (currency == None)
        {
            return;
        }

        var earnings = sale.EarningArray;
        for (var i = 0; i < earnings.Length; i++)
        {
            if (_accountIndex.TryGetValue(new AccountKey(earnings[i].Beneficiary.Value, currency), out var a))
            {
                ref readonly var acc = ref _accounts[a];
                if (acc.Booked > long.MaxValue - total || acc.Pending > long.MaxValue - total)
                {
                    throw new OverflowException($"Posting sale '{sale.SaleId}' would take the account of member {earnings[i].Beneficiary} in {sale.Currency.Code} beyond 2^63 - 1 minor units booked; nothing was changed.");
                }
            }
        }
    }

    private bool IsSameSale(int s, LedgerSale sale)
    {
        ref readonly var slot = ref _sales[s];
        // Business content only — buyer, currency, lines: a retry stamped with a later instant, or quoted again after a
        // plan reload (other earnings, another return window), is still the same sale, and the first posting stands.
        if (slot.Buyer != sale.Buyer
            || !_currencies[slot.Currency].Equals(sale.Currency)
            || slot.LineCount != sale.LineArray.Length)
        {
            return false;
        }

        for (var i = 0; i < slot.LineCount; i++)
        {
            ref readonly var line = ref _lines[slot.FirstLine + i];
            var given = sale.LineArray[i];
            if (line.Quantity != given.Quantity || line.Paid != given.Paid.ToMinorUnits())
            {
                return false;
            }
        }

        return true;
    }

    private static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }
}
