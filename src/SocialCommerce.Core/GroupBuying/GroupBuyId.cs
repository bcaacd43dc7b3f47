using System.Globalization;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// Identifies one team-up group (拼团): the host's own 64-bit identifier.
/// </summary>
/// <param name="Value">The host's identifier of the group.</param>
public readonly record struct GroupBuyId(long Value)
{
    /// <summary>Formats as the underlying value, e.g. <c>"17"</c>.</summary>
    /// <returns>The value in the invariant culture.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
