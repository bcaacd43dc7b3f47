using System;
using System.Globalization;

namespace SocialCommerce.Growth;

/// <summary>
/// Identifies one reported activity (an order completion, a sign-in, a refund...), over the host's
/// own 64-bit identifier.
/// </summary>
/// <remarks>
/// The growth engine is idempotent by activity id: an activity posted twice for the same member
/// counts once. A refund names the activity it reverses by this id.
/// </remarks>
/// <param name="Value">The host's identifier of the activity.</param>
public readonly record struct ActivityId(long Value) : IComparable<ActivityId>
{
    /// <inheritdoc />
    public int CompareTo(ActivityId other) => Value.CompareTo(other.Value);

    /// <summary>Formats as the underlying value.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers.</summary>
    public static bool operator <(ActivityId left, ActivityId right) => left.Value < right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator >(ActivityId left, ActivityId right) => left.Value > right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator <=(ActivityId left, ActivityId right) => left.Value <= right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator >=(ActivityId left, ActivityId right) => left.Value >= right.Value;
}
