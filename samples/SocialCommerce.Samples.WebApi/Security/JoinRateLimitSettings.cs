using System;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>How many joins (and group openings) one member may make per window (section <c>Shop:RateLimits:Joins</c>).</summary>
public sealed class JoinRateLimitSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:RateLimits:Joins";

    /// <summary>Gets or sets the requests allowed per window (default 10).</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>Gets or sets the fixed window (default one minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
