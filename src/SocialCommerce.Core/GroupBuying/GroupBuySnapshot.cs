using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>A consistent view of one group of a <see cref="GroupBuyBook"/>, taken under the group's lock.</summary>
/// <param name="Id">The group.</param>
/// <param name="RuleName">Its rule (campaign).</param>
/// <param name="Leader">Its leader.</param>
/// <param name="Status">Its status.</param>
/// <param name="Participants">Its real participants, the leader first, then in joining order.</param>
/// <param name="Deadline">Its exclusive deadline.</param>
/// <param name="Version">Its version (number of events produced).</param>
public sealed record GroupBuySnapshot(GroupBuyId Id, string RuleName, MemberId Leader, GroupBuyStatus Status, IReadOnlyList<MemberId> Participants, Instant Deadline, long Version);
