namespace SocialCommerce.Invitations;

/// <summary>
/// Exact progress of an invitation: counts and amounts, never a rounded percentage that could hide the last step.
/// </summary>
/// <param name="HelpsDone">Helps accepted so far.</param>
/// <param name="HelpsRequired">Helps the rule requires (the bargain's N, the assist's K).</param>
/// <param name="Price">A bargain's current price (start minus the cuts so far); null for an assist.</param>
/// <param name="RemainingAmount">A bargain's remaining gap to its floor, exactly; null for an assist.</param>
/// <param name="NextCut">The cut the next help takes (a bargain's schedule is fixed at opening); null for an assist or when complete.</param>
public sealed record InvitationProgress(int HelpsDone, int HelpsRequired, Money? Price, Money? RemainingAmount, Money? NextCut)
{
    /// <summary>Gets how many more helps complete the invitation.</summary>
    public int HelpsRemaining => HelpsRequired - HelpsDone;
}
