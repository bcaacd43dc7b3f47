using System;
using System.Globalization;

namespace SocialCommerce.Serialization;

/// <summary>
/// The checks a restore makes on stored state: each failure is a <see cref="CorruptStateException"/> naming the state,
/// the JSON path and the value found. One instance per restore; the paths are those of the snapshot's JSON (camelCase).
/// </summary>
internal readonly struct StateCheck(string state)
{
    public string State => state;

    public CorruptStateException Fail(string path, object? value, string problem) => new(state, path, Format(value), problem);

    public void That(bool holds, string path, object? value, string problem)
    {
        if (!holds)
        {
            throw Fail(path, value, problem);
        }
    }

    public T Present<T>(T? value, string path)
        where T : class =>
        value ?? throw Fail(path, null, "is required.");

    public void NotNegative(long value, string path) => That(value >= 0, path, value, "should not be negative.");

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
