using System;
using System.Collections;
using System.Collections.Generic;

namespace SocialCommerce.Checkout;

/// <summary>An allocation's lines as a list of views (<see cref="AllocatedLine"/>), one object for all of them.</summary>
internal sealed class AllocatedLines(CheckoutAllocation allocation, int count) : IReadOnlyList<AllocatedLine>
{
    public int Count => count;

    public AllocatedLine this[int index] =>
        (uint)index < (uint)count ? new AllocatedLine(allocation, index) : throw new ArgumentOutOfRangeException(nameof(index), index, $"The checkout has lines 0 to {count - 1}.");

    public IEnumerator<AllocatedLine> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return new AllocatedLine(allocation, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
