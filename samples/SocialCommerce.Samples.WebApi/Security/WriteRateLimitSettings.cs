using System;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>How many writes (withdrawals, activities) one member may make per window (section <c>Shop:RateLimits:Writes</c>).</summary>
public sealed class WriteRateLimitSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:RateLimits:Writes";

    /// <summary>Gets or sets the requests allowed per window (default 30).</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>Gets or sets the fixed window (default one minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
