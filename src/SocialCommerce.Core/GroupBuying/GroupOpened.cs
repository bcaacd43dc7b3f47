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
/// <param name="Charged">What the leader was charged: the rule's join price for each unit taken.</param>
public sealed record GroupOpened(GroupBuyId GroupId, long Version, Instant At, string RuleName, MemberId Leader, Instant Deadline, Money Charged)
    : GroupBuyEvent(GroupId, Version, At)
{
    private readonly int _units = 1;

    /// <summary>Gets the version of the rule the group opened under (<see cref="GroupBuyRule.Version"/>); null in events written before versions were recorded.</summary>
    public string? RuleVersion { get; init; }

    /// <summary>
    /// Gets the seats the group opened with (the rule's capacity then); 0 in events written before it was recorded,
    /// when the rule's current capacity applies. A restored group keeps it even if the rule changed since.
    /// </summary>
    public int Capacity { get; init; }

    /// <summary>Gets the units the leader took (its seat's quantity); <see cref="Charged"/> is the join price times it.</summary>
    /// <value>1 unless the leader took more; an event written before units were recorded (no <c>units</c>) reads as 1.</value>
    public int Units
    {
        get => _units;
        init => _units = value == 0 ? 1 : value; // an event stored before units were recorded reads 0 here
    }
}
