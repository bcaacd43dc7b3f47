using System;

namespace SocialCommerce.Network;

/// <summary>
/// The read side of a referral network that the engines use. <see cref="ReferralNetwork"/> is the
/// in-memory implementation; a host with its own store implements this over its tables.
/// </summary>
/// <remarks>
/// Levels follow the SDK's vocabulary: level 1 is the member's direct referrer, level 2 that
/// member's referrer, and so on. Implementations should be safe for concurrent reads.
/// </remarks>
public interface IReferralNetwork
{
    /// <summary>Returns whether the member exists.</summary>
    /// <param name="member">The member.</param>
    bool Contains(MemberId member);

    /// <summary>Gets the member's direct referrer (its level-1 upline), if it has one.</summary>
    /// <param name="member">The member.</param>
    /// <param name="referrer">The referrer, when there is one.</param>
    /// <returns><see langword="true"/> when the member has a referrer.</returns>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    bool TryGetReferrer(MemberId member, out MemberId referrer);

    /// <summary>Gets the member's network depth: the number of referral links to the root (a root has depth 0).</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    int GetDepth(MemberId member);

    /// <summary>
    /// Writes the member's upline into <paramref name="destination"/>: level 1 at index 0, level 2 at
    /// index 1, and so on, stopping at the root or when the span is full.
    /// </summary>
    /// <param name="member">The member whose upline is read.</param>
    /// <param name="destination">Where to write; its length is the number of levels wanted.</param>
    /// <returns>The number of levels written.</returns>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    int CopyUpline(MemberId member, Span<MemberId> destination);
}
