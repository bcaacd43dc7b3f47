using System.Collections.Generic;

namespace SocialCommerce.Network;

/// <summary>
/// Thrown when a query or an operation names a member that the network does not hold.
/// </summary>
public sealed class UnknownMemberException : UnknownIdException
{
    /// <summary>Creates the exception for a member.</summary>
    /// <param name="member">The member that was not found.</param>
    public UnknownMemberException(MemberId member)
        : base("member", member.ToString(), $"Member {member} is not in the referral network.")
    {
        Member = member;
    }

    /// <summary>Gets the member that was not found.</summary>
    public MemberId Member { get; }
}
