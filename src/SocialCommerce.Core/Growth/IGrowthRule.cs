namespace SocialCommerce.Growth;

/// <summary>
/// Turns one accepted activity into growth points. The built-in rules (<see cref="GrowthRules"/>)
/// implement it, and so does a host's own rule for its own activity kinds.
/// </summary>
/// <remarks>
/// The engine calls a rule once per accepted activity of the kind its <see cref="GrowthSource"/>
/// binds, after idempotence, ordering and the one-sign-in-per-day checks, and before the daily cap.
/// A rule must be pure (same arguments, same points), thread-safe and cheap: it sits on the hot
/// path. It may return a negative number (a penalty); caps apply to positive points only.
/// </remarks>
public interface IGrowthRule
{
    /// <summary>Scores an activity.</summary>
    /// <param name="arguments">The activity and what the engine knows about it (the streak day).</param>
    /// <returns>The points proposed, before the daily cap.</returns>
    long Points(in GrowthRuleArguments arguments);
}
