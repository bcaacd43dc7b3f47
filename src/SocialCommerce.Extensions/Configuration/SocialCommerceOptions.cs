namespace SocialCommerce.Extensions;

/// <summary>
/// Host-wide settings of the SDK, validated at start-up.
/// </summary>
public sealed class SocialCommerceOptions
{
    /// <summary>The name of the configuration section the options bind from by convention.</summary>
    public const string SectionName = "SocialCommerce";

    /// <summary>
    /// Gets or sets the ISO-4217 code of the currency used when a plan or rule does not name one.
    /// </summary>
    /// <value>Defaults to <c>"CNY"</c>. Must be a built-in currency code.</value>
    public string DefaultCurrency { get; set; } = "CNY";

    /// <summary>
    /// Gets or sets the IANA time-zone id used for local days (sign-in streaks, cut-offs, retention periods)
    /// when a rule does not name one.
    /// </summary>
    /// <value>Defaults to <c>"Asia/Shanghai"</c>. Must be an id in NodaTime's tzdb.</value>
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";
}
