using System;
using System.Globalization;
using NodaTime;

namespace SocialCommerce.Points;

/// <summary>
/// A lot of points to earn: its id (the command's identity: the order, task, sign-in day or grant it rewards), source,
/// points and instant, and when it expires. A purchase's lot awaits the purchase's completion (frozen); every other lot
/// is available at once. A grant names its author and reason.
/// </summary>
public sealed record PointsEarning
{
    /// <summary>Creates an earning.</summary>
    /// <param name="lotId">The lot's id, unique in the wallet (a valid SDK id).</param>
    /// <param name="source">Where it comes from.</param>
    /// <param name="points">1 to <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="earnedAt">When (a supported instant).</param>
    /// <param name="expiry">When it expires; never when null.</param>
    /// <param name="author">Who granted it (required for <see cref="PointsSource.Grant"/>).</param>
    /// <param name="reason">Why (required for <see cref="PointsSource.Grant"/>).</param>
    /// <exception cref="ArgumentException">A value is out of its range; the message names it.</exception>
    public PointsEarning(string lotId, PointsSource source, long points, Instant earnedAt, PointsExpiry? expiry = null, string? author = null, string? reason = null)
    {
        if (!Limits.IsValidId(lotId))
        {
            throw new ArgumentException($"Lot id '{lotId}' is not a valid id (1 to {Limits.MaxIdLength} characters, no control character).", nameof(lotId));
        }

        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a points source.");
        }

        if (points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Lot '{lotId}': points should be 1 to {Limits.MaxPoints}."));
        }

        if (!Limits.IsSupported(earnedAt))
        {
            throw new ArgumentOutOfRangeException(nameof(earnedAt), earnedAt, $"Lot '{lotId}': the instant is outside the supported range.");
        }

        if (source == PointsSource.Grant)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(author);
            reason = Limits.CheckReason(reason, nameof(reason));
        }

        LotId = lotId;
        Source = source;
        Points = points;
        EarnedAt = earnedAt;
        ExpiresAt = (expiry ?? PointsExpiry.Never).ExpiresAt(earnedAt);
        Author = author;
        Reason = reason;
    }

    // A restored lot: the values a snapshot kept, the expiry instant as computed when it was earned (checked by the
    // snapshot's restore, not recomputed from today's policy).
    private PointsEarning(string lotId, PointsSource source, long points, Instant earnedAt, Instant? expiresAt, string? author, string? reason)
    {
        LotId = lotId;
        Source = source;
        Points = points;
        EarnedAt = earnedAt;
        ExpiresAt = expiresAt;
        Author = author;
        Reason = reason;
    }

    internal static PointsEarning Restore(string lotId, PointsSource source, long points, Instant earnedAt, Instant? expiresAt, string? author, string? reason) =>
        new(lotId, source, points, earnedAt, expiresAt, author, reason);

    /// <summary>Gets the lot's id.</summary>
    public string LotId { get; }

    /// <summary>Gets where it comes from.</summary>
    public PointsSource Source { get; }

    /// <summary>Gets the points.</summary>
    public long Points { get; }

    /// <summary>Gets when it was earned.</summary>
    public Instant EarnedAt { get; }

    /// <summary>Gets when its unspent part expires (exclusive), or null.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>Gets who granted it, for a grant.</summary>
    public string? Author { get; }

    /// <summary>Gets why, for a grant.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the lot waits for its purchase to complete (and its return window) before it can be spent.</summary>
    public bool AwaitsCompletion => Source == PointsSource.Purchase;
}
