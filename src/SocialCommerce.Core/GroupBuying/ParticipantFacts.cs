namespace SocialCommerce.GroupBuying;

/// <summary>
/// What the host knows about a member when the member opens or joins a group: whether the member
/// is new, and in how many open groups of the same rule the member already takes part.
/// </summary>
/// <remarks>
/// The aggregate sees one group only, so these facts come from the host (or from
/// <see cref="GroupBuyBook"/>, which counts open groups itself).
/// The default value means "an existing member in no other open group".
/// </remarks>
/// <param name="IsNewMember">Whether the member counts as new for new-member-only groups.</param>
/// <param name="OpenGroups">How many other open groups of the same rule the member leads or has joined; not negative.</param>
public readonly record struct ParticipantFacts(bool IsNewMember, int OpenGroups)
{
    /// <summary>Gets the facts of a new member in no other open group.</summary>
    /// <value><see cref="IsNewMember"/> is <see langword="true"/> and <see cref="OpenGroups"/> is 0.</value>
    public static ParticipantFacts NewMember => new(true, 0);
}
