using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce;

/// <summary>
/// The supported ranges of the values that enter the engines. Everything inside them computes exactly and without
/// overflow; everything outside them is refused where it enters (a constructor, a builder's <c>Build</c>, a document
/// parser), with the documented exception naming the field or JSON path and the value.
/// </summary>
/// <remarks>
/// The bounds are chosen so that the arithmetic behind them has headroom: an amount of at most
/// <see cref="MaxMinorUnits"/> minor units times a rate of at most <see cref="MaxRateDecimals"/> decimals is an exact
/// decimal (at most 25 significant digits of the 28 a <see cref="decimal"/> holds), and an instant in
/// [<see cref="MinInstant"/>, <see cref="MaxInstant"/>) plus a duration of at most <see cref="MaxDuration"/> stays
/// inside NodaTime's <see cref="Instant"/> range. docs/concepts.md lists them with the reasoning.
/// </remarks>
public static class Limits
{
    /// <summary>
    /// The largest amount, in minor units, of a sale (each amount and the sale's total), a price, a fixed amount or a
    /// cap: 10^15 (¥10,000,000,000,000.00 in CNY, ¥1,000,000,000,000,000 in JPY).
    /// </summary>
    public const long MaxMinorUnits = 1_000_000_000_000_000;

    /// <summary>
    /// The most units of one sale line: 1,000,000. With it, a plan's fixed amount per unit is limited to
    /// <see cref="MaxMinorUnits"/> / <see cref="MaxQuantity"/> minor units (¥10,000,000.00 in CNY), so a fixed line
    /// never exceeds <see cref="MaxMinorUnits"/>.
    /// </summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>The most decimals a <see cref="Rate"/> fraction may have: 10 (a percent with 8 decimals, e.g. 3.33333333 %).</summary>
    public const int MaxRateDecimals = 10;

    /// <summary>The deepest plan (paid depth, rank-differential depth) the commission engine accepts: 32 levels.</summary>
    public const int MaxPaidDepth = 32;

    /// <summary>
    /// The most growth points one activity may earn or take back, and the most a streak bonus or a fixed rule gives:
    /// 10^15. A rule's result beyond it saturates at it. A balance is a 64-bit count: it would need more than 9,000
    /// maximal activities to overflow, and an evaluation that would overflow throws with the member's state unchanged.
    /// </summary>
    public const long MaxPoints = 1_000_000_000_000_000;

    /// <summary>The most points per currency unit the per-currency-unit growth rule accepts: 1,000,000.</summary>
    public const long MaxPointsPerUnit = 1_000_000;

    /// <summary>The last streak day a sign-in bonus or a streak cycle may name: 3,660.</summary>
    public const int MaxStreakDay = 3660;

    /// <summary>The longest time limit, return window, lock period or expiry the engines accept: 3,660 days (about ten years).</summary>
    public static Duration MaxDuration { get; } = Duration.FromDays(3660);

    /// <summary>The earliest instant the engines accept: 1900-01-01T00:00:00Z (inclusive).</summary>
    public static Instant MinInstant { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The end of the instants the engines accept: 9000-01-01T00:00:00Z (exclusive).</summary>
    public static Instant MaxInstant { get; } = Instant.FromUtc(9000, 1, 1, 0, 0);

    /// <summary>Returns whether an instant is in [<see cref="MinInstant"/>, <see cref="MaxInstant"/>).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when the engines accept it.</returns>
    public static bool IsSupported(Instant instant) => instant >= MinInstant && instant < MaxInstant;

    /// <summary>Returns whether a duration is in [0, <see cref="MaxDuration"/>].</summary>
    /// <param name="duration">The duration.</param>
    /// <returns><see langword="true"/> when the engines accept it.</returns>
    public static bool IsSupported(Duration duration) => duration >= Duration.Zero && duration <= MaxDuration;

    /// <summary>
    /// Returns whether an amount is a whole number of its currency's minor units and at most
    /// <see cref="MaxMinorUnits"/> of them in magnitude (the default value has no currency and is not supported).
    /// </summary>
    /// <param name="amount">The amount.</param>
    /// <returns><see langword="true"/> when the engines accept it as an amount.</returns>
    public static bool IsSupported(Money amount) => amount != default && amount.IsWholeMinorUnits && InMagnitude(amount);

    internal static bool InMagnitude(Money amount) => Math.Abs(amount.Amount) <= amount.Currency.MinorUnitSize * MaxMinorUnits;

    /// <summary>
    /// The longest identifier the SDK accepts (sale, refund, withdrawal, adjustment, payout run, batch, order and command
    /// ids): 200 characters, the length the storage schema declares.
    /// </summary>
    public const int MaxIdLength = 200;

    /// <summary>
    /// Returns whether a string is an identifier the SDK accepts: 1 to <see cref="MaxIdLength"/> characters, none of them a
    /// control character (U+0000–U+001F, U+007F–U+009F) or half of a surrogate pair — what every database stores as it is.
    /// </summary>
    /// <param name="id">The identifier.</param>
    /// <returns><see langword="true"/> when accepted.</returns>
    public static bool IsValidId(string? id) => id is not null && IdProblem(id) is null;

    /// <summary>The longest free text the SDK stores (a reason for a rejection, failure, hold or adjustment): 1,000 characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Checks a reason: not blank, at most <see cref="MaxReasonLength"/> characters, no control character but line breaks.</summary>
    internal static string CheckReason(string? reason, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason, paramName);
        if (reason.Length > MaxReasonLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} should be at most {MaxReasonLength} characters; it has {reason.Length}."), paramName);
        }

        foreach (var c in reason)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} should hold no control character but line breaks and tabs; it holds U+{(int)c:X4}."), paramName);
            }
        }

        return reason;
    }

    /// <summary>Whether a reason passes <see cref="CheckReason"/> (a restore's check).</summary>
    internal static bool IsValidReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return false;
        }

        foreach (var c in reason)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks an identifier argument, naming the parameter and the value's length (never the value: it may be anything).</summary>
    internal static string CheckId(string? id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return IdProblem(id) is { } problem
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} should be 1 to {MaxIdLength} characters without control characters; {problem}"), paramName)
            : id;
    }

    private static string? IdProblem(string id)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it has {id.Length} characters.");
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"character {i} is U+{(int)c:X4}.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"character {i} is half of a surrogate pair.");
            }
        }

        return null;
    }

    /// <summary>Checks an instant argument, naming the parameter and the value.</summary>
    internal static Instant Check(Instant instant, string paramName)
    {
        if (!IsSupported(instant))
        {
            throw new ArgumentOutOfRangeException(paramName, instant, string.Create(CultureInfo.InvariantCulture, $"Instant should be in range [{MinInstant}-{MaxInstant}); was {instant}."));
        }

        return instant;
    }

    /// <summary>Describes why an amount is outside the supported range, or returns null when it is inside.</summary>
    internal static string? Problem(Money amount)
    {
        if (amount == default)
        {
            return "the amount has no currency.";
        }

        if (!InMagnitude(amount))
        {
            return string.Create(CultureInfo.InvariantCulture, $"amounts should be at most {MaxMinorUnits} minor units ({new Money(amount.Currency.MinorUnitSize * MaxMinorUnits, amount.Currency)}).");
        }

        return amount.IsWholeMinorUnits ? null : $"amounts should be whole minor units of {amount.Currency.Code} ({amount.Currency.MinorUnit} decimals).";
    }

    /// <summary>Describes why a duration is outside the supported range, or returns null when it is inside.</summary>
    internal static string? Problem(Duration duration) =>
        duration < Duration.Zero ? "should not be negative."
        : duration > MaxDuration ? string.Create(CultureInfo.InvariantCulture, $"should be at most {MaxDuration.Days} days.")
        : null;
}
