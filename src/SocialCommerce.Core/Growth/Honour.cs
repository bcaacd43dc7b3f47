using NodaTime;

namespace SocialCommerce.Growth;

/// <summary>An honour tier a member was awarded.</summary>
/// <param name="Name">The honour rule's name.</param>
/// <param name="Tier">The tier's name.</param>
/// <param name="Term">The horizon the honour recognises.</param>
/// <param name="AwardedAt">When it was awarded (the evaluation instant).</param>
/// <param name="ExpiresAt">When it expires, or null for never.</param>
/// <param name="Status">Active, or expired (kept on the record).</param>
public sealed record Honour(string Name, string Tier, HonourTerm Term, Instant AwardedAt, Instant? ExpiresAt, HonourStatus Status);
