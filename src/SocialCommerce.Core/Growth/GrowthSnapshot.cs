using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Growth;

/// <summary>
/// The state of one member's growth account (<see cref="MemberGrowth.ToSnapshot"/>), restored by
/// <see cref="GrowthProgram.Restore"/> in O(size of the state): balances, level, streak, daily-cap windows, counters,
/// honours, the retention window's month totals and the activity records that idempotence and refunds need. Nothing
/// is re-decided on restore: points earned stay earned, whatever the program says today.
/// </summary>
/// <remarks>Day numbers count local days of the member's zone from 1970-01-01 (day 0); null when never set.</remarks>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="ProgramVersion">The version of the program that produced the state (<see cref="GrowthProgram.Version"/>); informational.</param>
/// <param name="Member">The member.</param>
/// <param name="JoinedAt">When the member enrolled.</param>
/// <param name="Zone">The zone of the member's local days.</param>
/// <param name="Balance">The growth balance.</param>
/// <param name="LevelIndex">The level's index in the ladder.</param>
/// <param name="LifetimePoints">Every point ever granted.</param>
/// <param name="Sales">The cumulative paid amount of scored orders, in the policy's currency.</param>
/// <param name="Streak">The current sign-in streak.</param>
/// <param name="LongestStreak">The longest sign-in streak.</param>
/// <param name="LastSignInDay">The day of the last sign-in.</param>
/// <param name="LastPromotedDay">The day of the last promotion.</param>
/// <param name="LastPromotedAt">The instant of the last promotion.</param>
/// <param name="LastActivityAt">The latest instant applied (earlier activities are out of order).</param>
/// <param name="NextRetentionEvaluation">The next retention boundary, or null without retention.</param>
/// <param name="NextRetentionDate">The local date of that boundary.</param>
/// <param name="OpenMonth">The month (year × 12 + month − 1) being written.</param>
/// <param name="OpenMonthPoints">Points of the month being written.</param>
/// <param name="MonthPoints">Points per earlier month.</param>
/// <param name="Sources">Per activity kind: how many were scored and the daily-cap window.</param>
/// <param name="Honours">The honours awarded.</param>
/// <param name="HonourProgress">Per honour rule: the activity count and the tiers awarded.</param>
/// <param name="Activities">The activity records (for idempotence and refunds).</param>
/// <param name="Referred">The members whose first order already earned a referral.</param>
/// <param name="Version">The account's version: the growth events that changed it so far (<see cref="MemberGrowth.Version"/>).</param>
public sealed record GrowthSnapshot(
    int SchemaVersion,
    string ProgramVersion,
    MemberId Member,
    Instant JoinedAt,
    DateTimeZone Zone,
    long Balance,
    int LevelIndex,
    long LifetimePoints,
    decimal Sales,
    int Streak,
    int LongestStreak,
    long? LastSignInDay,
    long? LastPromotedDay,
    Instant? LastPromotedAt,
    Instant LastActivityAt,
    Instant? NextRetentionEvaluation,
    LocalDate NextRetentionDate,
    int OpenMonth,
    long OpenMonthPoints,
    IReadOnlyList<GrowthMonthPoints> MonthPoints,
    IReadOnlyList<GrowthSourceState> Sources,
    IReadOnlyList<Honour> Honours,
    IReadOnlyList<HonourProgress> HonourProgress,
    IReadOnlyList<GrowthActivityRecord> Activities,
    IReadOnlyList<MemberId> Referred,
    long Version)
{
    /// <summary>
    /// Gets the activity records in the order they were applied, with their instants, when the policy bounds them by
    /// a refund window (<see cref="GrowthPolicy.RefundWindow"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<GrowthRecordOrder> RecordOrder { get; init; } = [];
}

/// <summary>When an activity record was applied (for the refund window).</summary>
/// <param name="At">The activity's instant.</param>
/// <param name="Id">The activity.</param>
public readonly record struct GrowthRecordOrder(Instant At, ActivityId Id);

/// <summary>Points earned in one month (year × 12 + month − 1) of a <see cref="GrowthSnapshot"/>.</summary>
/// <param name="Month">The month index.</param>
/// <param name="Points">The points.</param>
public readonly record struct GrowthMonthPoints(int Month, long Points);

/// <summary>One activity kind's counters in a <see cref="GrowthSnapshot"/>.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">Activities of the kind scored.</param>
/// <param name="CapDay">The day of the daily-cap window, or null when none opened.</param>
/// <param name="CapEarned">Points granted in that day.</param>
public readonly record struct GrowthSourceState(GrowthActivityKind Kind, long Count, long? CapDay, long CapEarned);

/// <summary>One honour rule's progress in a <see cref="GrowthSnapshot"/>.</summary>
/// <param name="Rule">The honour rule's name.</param>
/// <param name="Count">The activities it counted.</param>
/// <param name="TiersAwarded">How many of its tiers were awarded.</param>
public readonly record struct HonourProgress(string Rule, long Count, int TiersAwarded);

/// <summary>One activity record of a <see cref="GrowthSnapshot"/>: what the activity was granted.</summary>
/// <param name="Id">The activity id.</param>
/// <param name="Points">The points granted (negative for a reversal).</param>
/// <param name="Sales">The sales it added.</param>
/// <param name="Scored">Whether a source scored it (only scored activities can be refunded).</param>
/// <param name="Reversed">Whether a refund reversed it.</param>
/// <param name="IsReversal">Whether it is itself a refund.</param>
public readonly record struct GrowthActivityRecord(ActivityId Id, long Points, decimal Sales, bool Scored, bool Reversed, bool IsReversal)
{
    /// <summary>
    /// Gets the hash of the activity's content (kind, instant, amount, subject, rank, reversed activity, referred
    /// member), which tells a resend from another activity reusing the id; 0 in records written before it was kept.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public long Content { get; init; }

    /// <summary>Gets why the activity earned nothing when first posted; null when a source scored it or it reversed points.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IgnoredReason? Ignored { get; init; }
}
