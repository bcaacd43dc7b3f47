using System.Text.Json.Serialization;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Growth;

/// <summary>Something that happened to a member's growth; evaluations return them in order so a host can persist and show them.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">When it happened.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PointsEarned), "growth.points-earned")]
[JsonDerivedType(typeof(PointsReversed), "growth.points-reversed")]
[JsonDerivedType(typeof(ActivityIgnored), "growth.activity-ignored")]
[JsonDerivedType(typeof(LevelPromoted), "growth.level-promoted")]
[JsonDerivedType(typeof(LevelDemoted), "growth.level-demoted")]
[JsonDerivedType(typeof(HonourAwarded), "growth.honour-awarded")]
[JsonDerivedType(typeof(HonourExpired), "growth.honour-expired")]
public abstract record GrowthEvent(MemberId Member, Instant At)
{
    /// <summary>
    /// Gets the version of the program that decided the event: the policy's and the ladder's versions
    /// (<see cref="GrowthProgram.Version"/>); null in events stored before versions were recorded.
    /// </summary>
    public string? ProgramVersion { get; init; }
}

/// <summary>An activity earned points (possibly fewer than proposed: the daily cap, or a balance that cannot go below zero).</summary>
/// <param name="Member">The member.</param>
/// <param name="At">The activity's instant.</param>
/// <param name="Activity">The activity id.</param>
/// <param name="Kind">The activity kind (the source).</param>
/// <param name="Proposed">What the rule proposed.</param>
/// <param name="Points">What was credited (after the cap; may be negative for a penalty).</param>
/// <param name="Balance">The balance after.</param>
/// <param name="StreakDay">For a sign-in, the day of the streak it made; 0 otherwise.</param>
public sealed record PointsEarned(MemberId Member, Instant At, ActivityId Activity, GrowthActivityKind Kind, long Proposed, long Points, long Balance, int StreakDay)
    : GrowthEvent(Member, At)
{
    /// <summary>Gets a value indicating whether the daily cap (or the zero floor) cut the proposed points.</summary>
    public bool Capped => Points != Proposed;
}

/// <summary>A refund took back the points an earlier activity earned.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">The refund's instant.</param>
/// <param name="Activity">The refund's activity id.</param>
/// <param name="Reversed">The activity whose points were taken back.</param>
/// <param name="Points">The points taken back (less than the original only when the balance may not go below zero).</param>
/// <param name="Balance">The balance after.</param>
public sealed record PointsReversed(MemberId Member, Instant At, ActivityId Activity, ActivityId Reversed, long Points, long Balance)
    : GrowthEvent(Member, At);

/// <summary>An activity earned nothing and changed nothing.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">The activity's instant.</param>
/// <param name="Activity">The activity id.</param>
/// <param name="Kind">The activity kind.</param>
/// <param name="Reason">Why.</param>
/// <remarks>
/// A resend (<see cref="IgnoredReason.Duplicate"/>) and another activity under a used id
/// (<see cref="IgnoredReason.ConflictingDuplicate"/>) carry the first delivery's outcome: <see cref="FirstPoints"/> and
/// <see cref="FirstIgnored"/>. Whatever happened since (a later cap, a refund), the answer is the same.
/// </remarks>
public sealed record ActivityIgnored(MemberId Member, Instant At, ActivityId Activity, GrowthActivityKind Kind, IgnoredReason Reason)
    : GrowthEvent(Member, At)
{
    /// <summary>
    /// Gets, for a duplicate, the points the first delivery credited (negative for a refund that took points back; 0
    /// when it earned nothing); null for the other reasons.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? FirstPoints { get; init; }

    /// <summary>
    /// Gets, for a duplicate, why the first delivery earned nothing; null when it was scored or took points back (and
    /// for the other reasons, or a first delivery recorded before reasons were kept).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IgnoredReason? FirstIgnored { get; init; }
}

/// <summary>The member's balance crossed a higher level's threshold.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">When (the activity's instant).</param>
/// <param name="From">The previous level.</param>
/// <param name="To">The new level.</param>
/// <param name="Balance">The balance that reached it.</param>
public sealed record LevelPromoted(MemberId Member, Instant At, GrowthLevel From, GrowthLevel To, long Balance)
    : GrowthEvent(Member, At);

/// <summary>The member lost a level.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">When (the period boundary, or the refund's instant).</param>
/// <param name="From">The previous level.</param>
/// <param name="To">The new level.</param>
/// <param name="Reason">Why.</param>
/// <param name="Required">For <see cref="DemotionReason.KeepUpNotMet"/>, the keep-up requirement; else 0.</param>
/// <param name="Earned">For <see cref="DemotionReason.KeepUpNotMet"/>, the points earned in the period; else 0.</param>
/// <param name="Forfeited">The points removed so the balance matches the new level (retention), else 0.</param>
/// <param name="Balance">The balance after.</param>
public sealed record LevelDemoted(MemberId Member, Instant At, GrowthLevel From, GrowthLevel To, DemotionReason Reason, long Required, long Earned, long Forfeited, long Balance)
    : GrowthEvent(Member, At);

/// <summary>An honour tier was awarded.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">When.</param>
/// <param name="Honour">The honour.</param>
public sealed record HonourAwarded(MemberId Member, Instant At, Honour Honour)
    : GrowthEvent(Member, At);

/// <summary>An honour tier expired; it stays on the record as expired.</summary>
/// <param name="Member">The member.</param>
/// <param name="At">When (its expiry instant).</param>
/// <param name="Honour">The honour, now expired.</param>
public sealed record HonourExpired(MemberId Member, Instant At, Honour Honour)
    : GrowthEvent(Member, At);
