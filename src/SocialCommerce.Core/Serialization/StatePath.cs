using System;
using System.Globalization;

namespace SocialCommerce.Serialization;

/// <summary>
/// The JSON path of an item of a snapshot (<c>$.accounts[3]</c>), formatted only when a check on it fails: a restore of
/// 10^6 accounts names each one without building 10^6 strings.
/// </summary>
/// <param name="Prefix">The path of the list, or of the item itself when <paramref name="Index"/> is negative.</param>
/// <param name="Index">The item's index in the list; negative for none.</param>
internal readonly record struct StatePath(string Prefix, int Index = -1) : ISpanFormattable
{
    /// <summary>A path without an index.</summary>
    /// <param name="path">The path.</param>
    public static implicit operator StatePath(string path) => new(path);

    /// <inheritdoc/>
    public override string ToString() => Index < 0 ? Prefix : string.Create(CultureInfo.InvariantCulture, $"{Prefix}[{Index}]");

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Index >= 0)
        {
            return destination.TryWrite(CultureInfo.InvariantCulture, $"{Prefix}[{Index}]", out charsWritten);
        }

        if (Prefix.AsSpan().TryCopyTo(destination))
        {
            charsWritten = Prefix.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
