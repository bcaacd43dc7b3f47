using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Growth;

/// <summary>
/// A member's growth state in a <see cref="GrowthProgram"/>: balance, level, streak, statistics and
/// honours. Immutable: <see cref="GrowthProgram.Evaluate"/> returns a new state.
/// </summary>
/// <remarks>
/// Start one with <see cref="GrowthProgram.Enrol"/>. Thread-safe to read. A host persists the
/// events an evaluation returns, or keeps the state in memory; replaying the same activities
/// through a fresh state rebuilds it.
/// </remarks>
public sealed class MemberGrowth
{
    internal MemberGrowth(GrowthAccount account) => Account = account;

    /// <summary>Gets the member.</summary>
    public MemberId Member => Account.Member;

    /// <summary>Gets when the member joined.</summary>
    public Instant JoinedAt => Account.JoinedAt;

    /// <summary>Gets the zone that counts the member's local days and periods.</summary>
    public DateTimeZone Zone => Account.Zone;

    /// <summary>Gets the growth points balance (negative only when the policy allows debt).</summary>
    public long Balance => Account.Balance;

    /// <summary>Gets the index of the member's level in the ladder (0 = first).</summary>
    public int LevelIndex => Account.Level;

    /// <summary>Gets the member's level.</summary>
    public GrowthLevel Level => Account.Program.Ladder.Levels[Account.Level];

    /// <summary>Gets when the member was last promoted, or null if never.</summary>
    public Instant? LastPromotedAt => Account.LastPromotedAt;

    /// <summary>Gets the length of the sign-in streak the last sign-in made (0 before any sign-in).</summary>
    /// <remarks>A streak continues only with a sign-in on the next local day; a missed day starts a new streak at 1.</remarks>
    public int CurrentStreak => Account.Streak;

    /// <summary>Gets the longest sign-in streak so far, in local days.</summary>
    public int LongestStreak => Account.LongestStreak;

    /// <summary>Gets the local date of the last sign-in, or null if none.</summary>
    public LocalDate? LastSignInDate => Account.LastSignInDay == long.MinValue ? null : DayClock.ToDate(Account.LastSignInDay);

    /// <summary>Gets the lifetime net growth points (earnings minus reversals; not reduced by retention forfeits).</summary>
    public long LifetimePoints => Account.LifetimePoints;

    /// <summary>Gets the cumulative completed sales: completed order amounts minus refunded ones, in the policy currency.</summary>
    public Money CumulativeSales => new(Account.Sales, Account.Program.Policy.Currency);

    /// <summary>Gets the honours awarded, active and expired, in the order they were awarded.</summary>
    public IReadOnlyList<Honour> Honours => Account.Honours;

    /// <summary>Gets the instant of the next retention evaluation, or null when the ladder has no retention.</summary>
    public Instant? NextRetentionEvaluation =>
        Account.NextBoundaryTicks == long.MaxValue ? null : Instant.FromUnixTimeTicks(Account.NextBoundaryTicks);

    internal GrowthAccount Account { get; }

    /// <summary>
    /// Gets the version: the number of growth events the member's evaluations produced that changed its state (a
    /// repeated or out-of-order activity's <see cref="ActivityIgnored"/> does not count, so a resend leaves the version
    /// as it was). The expected version of the next store append of this member's growth account.
    /// </summary>
    public long Version => Account.Version;

    /// <summary>Exports the member's state for storage; <see cref="GrowthProgram.Restore"/> restores it to exactly this behaviour.</summary>
    /// <returns>The snapshot, O(size of the state).</returns>
    public GrowthSnapshot ToSnapshot() => Account.ToSnapshot();

    /// <summary>Gets a value indicating whether an activity id was posted for the member (accepted or ignored, not out of order).</summary>
    /// <param name="activity">The activity id.</param>
    /// <returns>True if posted.</returns>
    public bool HasPosted(ActivityId activity) => Account.TryGetActivity(activity.Value, out _);

    /// <summary>Gets the points an activity earned (negative for a refund, what it took back), or null if not posted.</summary>
    /// <param name="activity">The activity id.</param>
    /// <returns>The points, or null.</returns>
    public long? PointsOf(ActivityId activity) => Account.TryGetActivity(activity.Value, out var record) ? record.Points : null;

    /// <summary>Gets how many activities of a kind the member had accepted (scored, even for 0 points).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count; 0 for a kind no source scores.</returns>
    public long CountOf(GrowthActivityKind kind)
    {
        var source = Account.Program.SourceOf(kind);
        return source < 0 ? 0 : Account.CountOf(source);
    }

    /// <summary>Gets the net points posted in a local calendar month (earnings minus reversals), as retention counts them.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The points (months older than the retention window may have been dropped and read 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside [1, 12].</exception>
    public long PointsInMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Account.PointsInMonth((year * 12) + month - 1);
    }

    /// <summary>Gets the current value of the statistic an honour rule of the program measures.</summary>
    /// <param name="honour">The honour rule's name.</param>
    /// <param name="asOf">The instant (tenure is counted to its local date).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The program has no honour of that name.</exception>
    public decimal StatisticFor(string honour, Instant asOf)
    {
        var rules = Account.Program.HonourRules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (string.Equals(rules[i].Name, honour, StringComparison.Ordinal))
            {
                return Account.Measure(rules[i], i, asOf);
            }
        }

        throw new ArgumentException($"The growth program has no honour named '{honour}'.", nameof(honour));
    }
}
