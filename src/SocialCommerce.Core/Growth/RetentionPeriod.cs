namespace SocialCommerce.Growth;

/// <summary>The calendar period after which retention (保级) is evaluated, in the member's or the program's time zone.</summary>
public enum RetentionPeriod
{
    /// <summary>Calendar months; evaluated at the start of each month.</summary>
    Monthly,

    /// <summary>Calendar quarters (January, April, July, October); evaluated at the start of each quarter.</summary>
    Quarterly,

    /// <summary>Calendar years; evaluated at the start of each year.</summary>
    Yearly,
}
