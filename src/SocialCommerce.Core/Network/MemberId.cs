using System;
using System.Globalization;

namespace SocialCommerce.Network;

/// <summary>
/// Identifies a member: an account of the host, over the host's own 64-bit identifier.
/// </summary>
/// <remarks>
/// Most shop databases key users by a 64-bit integer; a host keyed by another type maps its keys
/// to a <see cref="long"/> (a surrogate column) once and keeps that mapping. Equality and ordering
/// are those of the underlying value.
/// </remarks>
/// <param name="Value">The host's identifier of the member.</param>
public readonly record struct MemberId(long Value) : IComparable<MemberId>
{
    /// <inheritdoc />
    public int CompareTo(MemberId other) => Value.CompareTo(other.Value);

    /// <summary>Formats as the underlying value, e.g. <c>"1042"</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers.</summary>
    public static bool operator <(MemberId left, MemberId right) => left.Value < right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator >(MemberId left, MemberId right) => left.Value > right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator <=(MemberId left, MemberId right) => left.Value <= right.Value;

    /// <summary>Compares two identifiers.</summary>
    public static bool operator >=(MemberId left, MemberId right) => left.Value >= right.Value;
}
