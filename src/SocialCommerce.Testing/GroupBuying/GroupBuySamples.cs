using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.Testing;

/// <summary>One price tier of a generated group-buy rule.</summary>
/// <param name="Participants">The participant count from which the tier applies.</param>
/// <param name="PriceMinorUnits">The price per participant, in minor units.</param>
public sealed record GroupBuyTierSample(int Participants, long PriceMinorUnits)
{
    /// <summary>Formats as <c>3:1999</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Participants}:{PriceMinorUnits}");
}

/// <summary>One member's attempt to join a generated group, some seconds after it opened.</summary>
/// <param name="Member">The member's id.</param>
/// <param name="OffsetSeconds">Seconds after the group opened.</param>
/// <param name="IsNew">Whether the member counts as new (for new-members-only rules).</param>
public readonly record struct JoinAttempt(long Member, int OffsetSeconds, bool IsNew)
{
    /// <summary>Formats as <c>5@120s</c>, with <c>n</c> appended for a new member.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Member}@{OffsetSeconds}s{(IsNew ? "n" : string.Empty)}");
}

/// <summary>What one join attempt of a <see cref="GroupBuyRun"/> gave.</summary>
/// <param name="Attempt">The attempt.</param>
/// <param name="Result">The aggregate's result.</param>
/// <param name="ParticipantsAfter">The group's participant count after the attempt.</param>
public sealed record JoinOutcome(JoinAttempt Attempt, GroupBuyResult Result, int ParticipantsAfter);

/// <summary>A <see cref="GroupBuyScenario"/> played on a <see cref="GroupBuy"/>: the rule, the group, every event and every join's outcome.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Group">The group after the joins and the close.</param>
/// <param name="Events">Every event, in order, from the opening on.</param>
/// <param name="Joins">Each join attempt's outcome, in order.</param>
/// <param name="Close">The result of closing at the deadline, or null when the group formed before it.</param>
public sealed record GroupBuyRun(GroupBuyRule Rule, GroupBuy Group, IReadOnlyList<GroupBuyEvent> Events, IReadOnlyList<JoinOutcome> Joins, GroupBuyResult? Close);
