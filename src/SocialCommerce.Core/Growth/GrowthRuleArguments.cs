namespace SocialCommerce.Growth;

/// <summary>What a <see cref="IGrowthRule"/> is told about the activity it scores.</summary>
/// <remarks>A readonly struct, so that fields can be added without breaking rules.</remarks>
public readonly struct GrowthRuleArguments
{
    /// <summary>Creates the arguments (the engine does; tests of a host's rule may too).</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="streakDay">For a sign-in, the day of the streak it makes (1 = first day); 0 otherwise.</param>
    public GrowthRuleArguments(in GrowthActivity activity, int streakDay)
    {
        Activity = activity;
        StreakDay = streakDay;
    }

    /// <summary>Gets the activity.</summary>
    public GrowthActivity Activity { get; }

    /// <summary>Gets, for a sign-in, the day of the streak it makes (1 = first day of a streak); 0 for other kinds.</summary>
    public int StreakDay { get; }
}
