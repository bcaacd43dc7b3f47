using System;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// A wallet's lots by instant (soonest first, then by lot and kind): a binary min-heap in one array, so adding and taking
/// the first cost O(log n) without a node per entry. Entries are never removed from the middle: the spendable queue
/// skips lots that have nothing available when it reaches them (<see cref="PointsWallet"/> keeps a flag per lot so a
/// lot is queued once).
/// </summary>
internal sealed class LotQueue
{
    private (Instant At, int Lot, int Kind)[] _items = new (Instant, int, int)[16];

    public int Count { get; private set; }

    public (Instant At, int Lot, int Kind) Min => _items[0];

    public void Add(Instant at, int lot, int kind)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        var item = (at, lot, kind);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(item, _items[parent]))
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    public void RemoveMin()
    {
        var last = _items[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Less(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!Less(_items[child], last))
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        if (Count > 0)
        {
            _items[i] = last;
        }
    }

    /// <summary>Calls <paramref name="visit"/> for every entry at or before <paramref name="until"/>, in no particular order, without allocating.</summary>
    public void ForEachUntil<TState>(Instant until, ref TState state, VisitEntry<TState> visit)
    {
        // A subtree whose root is later than `until` holds nothing earlier: the walk touches only what it reports and
        // those entries' children.
        Span<int> stack = stackalloc int[64];
        var depth = 0;
        if (Count > 0)
        {
            stack[depth++] = 0;
        }

        while (depth > 0)
        {
            var i = stack[--depth];
            var item = _items[i];
            if (item.At > until)
            {
                continue;
            }

            visit(ref state, item.Lot, item.Kind);
            for (var child = (2 * i) + 1; child <= (2 * i) + 2 && child < Count; child++)
            {
                if (depth == stack.Length)
                {
                    // Deeper than 64 pending subtrees cannot happen below 2^63 entries; guard all the same.
                    throw new InvalidOperationException("LotQueue: the walk's stack is full; this is a defect.");
                }

                stack[depth++] = child;
            }
        }
    }

    private static bool Less((Instant At, int Lot, int Kind) a, (Instant At, int Lot, int Kind) b) =>
        a.At != b.At ? a.At < b.At : a.Lot != b.Lot ? a.Lot < b.Lot : a.Kind < b.Kind;

    /// <summary>Visits one entry of <see cref="ForEachUntil"/>.</summary>
    internal delegate void VisitEntry<TState>(ref TState state, int lot, int kind);
}
