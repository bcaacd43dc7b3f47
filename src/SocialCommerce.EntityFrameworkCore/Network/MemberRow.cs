namespace SocialCommerce.EntityFrameworkCore.Network;

/// <summary>A member of the referral network as it stands now (the state read at start-up).</summary>
internal sealed class MemberRow
{
    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: Its current referrer, or null for a root.</summary>
    public long? ReferrerId { get; set; }

    /// <summary>Gets or sets: When it registered or was last bound, in Unix ticks.</summary>
    public long BoundAt { get; set; }

    /// <summary>Gets or sets: The binding-log sequence of its registration (restore order).</summary>
    public long RegisteredSequence { get; set; }
}
