using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>A leader opened a group and was charged the rule's join price.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Version">The group's version this event produced: always 1.</param>
/// <param name="At">When the group was opened.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Leader">The leader, the group's first participant.</param>
/// <param name="Deadline">The exclusive deadline: <paramref name="At"/> plus the rule's time limit.</param>
/// <param name="Charged">What the leader was charged (the rule's join price).</param>
public sealed record GroupOpened(GroupBuyId GroupId, long Version, Instant At, string RuleName, MemberId Leader, Instant Deadline, Money Charged)
    : GroupBuyEvent(GroupId, Version, At);
