using System.Collections.Generic;
using System.Linq;

namespace SocialCommerce.Testing;

/// <summary>The list shrink every generator of sequences uses: the first half, then the list without each element, the last first.</summary>
internal static class Fewer
{
    public static IEnumerable<T[]> Of<T>(IReadOnlyList<T> items)
    {
        if (items.Count > 1)
        {
            yield return items.Take(items.Count / 2).ToArray();
        }

        for (var i = items.Count - 1; i >= 0; i--)
        {
            yield return items.Where((_, j) => j != i).ToArray();
        }
    }
}
