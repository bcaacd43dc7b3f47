using NodaTime;

namespace SocialCommerce.Points;

/// <summary>One change of a wallet: every change is an entry.</summary>
/// <param name="Kind">What it records.</param>
/// <param name="LotId">The lot it moved points of; null for debt and write-offs not tied to a lot.</param>
/// <param name="Reference">The order, refund or take-back it belongs to; null for earnings, freezes and expiry.</param>
/// <param name="Points">How many points (positive).</param>
/// <param name="At">When.</param>
public readonly record struct PointsEntry(PointsEntryKind Kind, string? LotId, string? Reference, long Points, Instant At);
