using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Coupons;

/// <summary>How long an issued coupon is valid: between fixed instants, or a number of days from its issue. The end is exclusive.</summary>
public sealed record CouponValidity
{
    private CouponValidity(Instant? from, Instant? until, int days)
    {
        From = from;
        Until = until;
        Days = days;
    }

    /// <summary>Gets the fixed start (inclusive), or null.</summary>
    public Instant? From { get; }

    /// <summary>Gets the fixed end (exclusive), or null.</summary>
    public Instant? Until { get; }

    /// <summary>Gets the days from issue, or 0.</summary>
    public int Days { get; }

    /// <summary>Valid between two instants.</summary>
    /// <param name="from">The start (inclusive).</param>
    /// <param name="until">The end (exclusive), after the start.</param>
    /// <returns>The validity.</returns>
    /// <exception cref="ArgumentException">The instants are unsupported or out of order.</exception>
    public static CouponValidity Between(Instant from, Instant until) =>
        Limits.IsSupported(from) && Limits.IsSupported(until) && from < until
            ? new(from, until, 0)
            : throw new ArgumentException($"A coupon is valid from {from} until a later {until}, both supported instants.", nameof(until));

    /// <summary>Valid for a number of days from issue.</summary>
    /// <param name="days">1 to <see cref="Limits.MaxDuration"/>'s days.</param>
    /// <returns>The validity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public static CouponValidity DaysFromIssue(int days) =>
        days >= 1 && days <= Limits.MaxDuration.Days
            ? new(null, null, days)
            : throw new ArgumentOutOfRangeException(nameof(days), days, string.Create(CultureInfo.InvariantCulture, $"A coupon is valid 1 to {Limits.MaxDuration.Days} days from issue."));

    /// <summary>Returns the window a coupon issued at an instant is valid in.</summary>
    /// <param name="issuedAt">When it is issued.</param>
    /// <returns>The start (inclusive) and end (exclusive).</returns>
    public (Instant From, Instant Until) For(Instant issuedAt) =>
        Days > 0 ? (issuedAt, issuedAt + Duration.FromDays(Days)) : (From!.Value, Until!.Value);
}
