using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SocialCommerce.Serialization;

/// <summary>
/// A path or a problem of a <see cref="StateCheck"/>, formatted only when the check fails: a restore of 10^6 accounts
/// makes millions of checks that hold, and each used to format its message first (kilobytes a sale). Interpolated
/// strings are formatted (in the invariant culture) only for a failing check; a plain string is kept as it is.
/// </summary>
[InterpolatedStringHandler]
internal ref struct CheckText
{
    private readonly string? _text;
    private DefaultInterpolatedStringHandler _handler;
    private readonly bool _formatting;

    /// <summary>An interpolated text of a check that holds when <paramref name="holds"/>: formatted only otherwise.</summary>
    public CheckText(int literalLength, int formattedCount, bool holds, out bool shouldAppend)
    {
        _text = null;
        _formatting = shouldAppend = !holds;
        _handler = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>An interpolated path of a value that must be present: formatted only when it is missing.</summary>
    public CheckText(int literalLength, int formattedCount, object? value, out bool shouldAppend)
        : this(literalLength, formattedCount, value is not null, out shouldAppend)
    {
    }

    /// <summary>An interpolated path of a value that must not be negative: formatted only when it is.</summary>
    public CheckText(int literalLength, int formattedCount, long value, out bool shouldAppend)
        : this(literalLength, formattedCount, value >= 0, out shouldAppend)
    {
    }

    private CheckText(string text)
    {
        _text = text;
        _formatting = false;
        _handler = default;
    }

    /// <summary>A plain text.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator CheckText(string text) => new(text);

    /// <summary>Appends a literal part.</summary>
    /// <param name="value">The part.</param>
    public void AppendLiteral(string value) => _handler.AppendLiteral(value);

    /// <summary>Appends a formatted part.</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="value">The part.</param>
    public void AppendFormatted<T>(T value) => _handler.AppendFormatted(value);

    /// <summary>Appends a formatted part with a format.</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="value">The part.</param>
    /// <param name="format">The format.</param>
    public void AppendFormatted<T>(T value, string? format) => _handler.AppendFormatted(value, format);

    /// <summary>Appends a span.</summary>
    /// <param name="value">The span.</param>
    public void AppendFormatted(ReadOnlySpan<char> value) => _handler.AppendFormatted(value);

    /// <summary>Returns the text (empty for an interpolated text of a check that held, never formatted).</summary>
    /// <returns>The text.</returns>
    public string ToStringAndClear() => _text ?? (_formatting ? _handler.ToStringAndClear() : string.Empty);
}
