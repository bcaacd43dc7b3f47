namespace SocialCommerce.Points;

/// <summary>A calendar period points can expire at the end of.</summary>
public enum PointsPeriod
{
    /// <summary>A calendar month.</summary>
    Month = 0,

    /// <summary>A calendar quarter (January, April, July, October).</summary>
    Quarter = 1,

    /// <summary>A calendar year.</summary>
    Year = 2,
}
