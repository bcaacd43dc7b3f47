using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SocialCommerce.Serialization;

/// <summary>
/// The checks a restore makes on stored state: each failure is a <see cref="CorruptStateException"/> naming the state,
/// the JSON path and the value found. One instance per restore; the paths are those of the snapshot's JSON (camelCase).
/// </summary>
internal readonly struct StateCheck(string state)
{
    public string State => state;

    public CorruptStateException Fail(string path, object? value, string problem) => new(state, path, Format(value), problem);

    // The path and the problem are CheckTexts: an interpolated one is formatted only when the check fails, and the
    // value is generic, boxed only then, so the millions of checks of a large restore that hold allocate nothing.
    public void That<TValue>(bool holds, [InterpolatedStringHandlerArgument("holds")] CheckText path, TValue value, [InterpolatedStringHandlerArgument("holds")] CheckText problem)
    {
        if (!holds)
        {
            throw Fail(path.ToStringAndClear(), value, problem.ToStringAndClear());
        }
    }

    public T Present<T>(T? value, [InterpolatedStringHandlerArgument("value")] CheckText path)
        where T : class =>
        value ?? throw Fail(path.ToStringAndClear(), null, "is required.");

    public void NotNegative(long value, [InterpolatedStringHandlerArgument("value")] CheckText path)
    {
        if (value < 0)
        {
            throw Fail(path.ToStringAndClear(), value, "should not be negative.");
        }
    }

    /// <summary>The largest version a restored aggregate may carry: far beyond any history, far below overflow.</summary>
    public const long MaxVersion = 1L << 53;

    public void Version(long value, string path) => That(value is >= 0 and <= MaxVersion, path, value, $"a version from 0 to {MaxVersion}.");

    public static string Format(object? value) => value switch
    {
        null => "(missing)",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(missing)",
    };
}
