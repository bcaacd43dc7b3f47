namespace SocialCommerce.GroupBuying;

/// <summary>What happens to an open group's deadline when its leader leaves and the next joiner leads (<see cref="GroupBuyRule.HandOverDeadline"/>).</summary>
public enum HandOverDeadline
{
    /// <summary>The group keeps the deadline it opened with.</summary>
    Kept = 0,

    /// <summary>The deadline starts again from the hand-over: its instant plus the rule's time limit.</summary>
    Reset = 1,
}
