using System;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// One rate limit: requests allowed per member per fixed window, named options bound from <c>Shop:RateLimits:{name}</c>:
/// <see cref="Joins"/> (joins and group openings, default 10 a minute) and <see cref="Writes"/> (withdrawals, default 30).
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>The name (and section <c>Shop:RateLimits:Joins</c>) of the join limit.</summary>
    public const string Joins = "Joins";

    /// <summary>The name (and section <c>Shop:RateLimits:Writes</c>) of the write limit.</summary>
    public const string Writes = "Writes";

    /// <summary>Gets or sets the requests allowed per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Gets or sets the fixed window (default one minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The configuration section of a named limit.</summary>
    /// <param name="name">The limit's name.</param>
    /// <returns>The section path.</returns>
    public static string SectionOf(string name) => "Shop:RateLimits:" + name;
}
