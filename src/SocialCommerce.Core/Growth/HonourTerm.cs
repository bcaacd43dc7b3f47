namespace SocialCommerce.Growth;

/// <summary>The horizon an honour recognises.</summary>
public enum HonourTerm
{
    /// <summary>Short term: tasks in a campaign, a sign-in streak.</summary>
    ShortTerm,

    /// <summary>Medium term: courses completed, competition placings.</summary>
    MediumTerm,

    /// <summary>Long term: tenure (service years), cumulative sales.</summary>
    LongTerm,
}
