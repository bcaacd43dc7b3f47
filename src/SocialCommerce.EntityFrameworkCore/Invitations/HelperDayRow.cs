namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>How many helps a helper gave under a rule on one day of the rule's zone (for daily limits), versioned so racing helps of one helper cannot both pass the limit.</summary>
internal sealed class HelperDayRow
{
    /// <summary>Gets or sets: The rule.</summary>
    public string RuleName { get; set; } = "";

    /// <summary>Gets or sets: The helper.</summary>
    public long HelperId { get; set; }

    /// <summary>Gets or sets: The day, as days since 1970-01-01 in the rule's zone.</summary>
    public int Day { get; set; }

    /// <summary>Gets or sets: Helps given that day.</summary>
    public int Helps { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
