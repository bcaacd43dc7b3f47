using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Growth;

/// <summary>
/// A member growth and honour program (会员成长体系 / 荣誉体系): a growth policy, a level ladder with
/// its retention policy, and honour rules. It evaluates a member's state against activities.
/// </summary>
/// <remarks>
/// <para>
/// Evaluation is pure: <c>state + activities + asOf → new state + events</c>. The input state is
/// never changed (a misuse exception leaves nothing half-applied), and the same input gives the
/// same output on any thread. The program is immutable and thread-safe.
/// </para>
/// <para>
/// Per activity, in order: retention boundaries up to its instant are evaluated; an activity
/// earlier than one already processed is ignored (<see cref="IgnoredReason.OutOfOrder"/>); a
/// repeated activity id is ignored (<see cref="IgnoredReason.Duplicate"/>, or
/// <see cref="IgnoredReason.ConflictingDuplicate"/> with other content; both carry the first outcome); the source's rule
/// scores it; the daily cap of the source clips positive points per local day; the balance never
/// goes below zero unless the policy allows debt; the level follows the balance (promotion as soon
/// as a threshold is crossed). After the activities, retention boundaries up to <c>asOf</c> are
/// evaluated, then honours at <c>asOf</c> (tenure, and expiries). Honours over statistics an
/// activity raises (counts, streaks, sales, lifetime points) are awarded at that activity's instant.
/// </para>
/// <para>
/// Cost: one copy of the member's state per call, then no allocation per activity beyond its event;
/// post activities in batches where a host can.
/// </para>
/// </remarks>
public sealed class GrowthProgram
{
    private readonly GrowthActivityKind[] _kinds;

    /// <summary>Creates a program.</summary>
    /// <param name="policy">The growth policy.</param>
    /// <param name="ladder">The level ladder (and its retention policy).</param>
    /// <param name="honours">The honour rules, or null for none.</param>
    /// <param name="listener">Told about every evaluation (promotions, demotions, honours); none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="ladder"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Two honour rules share a name; an activity-count honour has no kind, or counts a kind no source
    /// scores; a campaign window ends before it starts; a maximum rank is below 1.
    /// </exception>
    public GrowthProgram(GrowthPolicy policy, LevelLadder ladder, IReadOnlyList<HonourRule>? honours = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ladder);
        _listener = listener;
        Policy = policy;
        Ladder = ladder;
        var sources = policy.Sources;
        SourceCount = sources.Count;
        _kinds = new GrowthActivityKind[SourceCount];
        Rules = new IGrowthRule[SourceCount];
        Caps = new long[SourceCount];
        OrderSource = SignInSource = ReferralSource = -1;
        for (var i = 0; i < SourceCount; i++)
        {
            _kinds[i] = sources[i].Kind;
            Rules[i] = sources[i].Rule;
            Caps[i] = sources[i].DailyCap ?? long.MaxValue;
            if (sources[i].Kind == GrowthActivityKind.OrderCompleted)
            {
                OrderSource = i;
            }
            else if (sources[i].Kind == GrowthActivityKind.SignIn)
            {
                SignInSource = i;
            }
            else if (sources[i].Kind == GrowthActivityKind.ReferredFirstOrder)
            {
                ReferralSource = i;
            }
        }

        HonourRules = honours is null ? [] : new HonourRule[honours.Count];
        var counters = new List<HonourCounter>[SourceCount];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < HonourRules.Length; r++)
        {
            var rule = honours![r] ?? throw new ArgumentNullException(nameof(honours), $"Honour rule {r} is null.");
            if (!names.Add(rule.Name))
            {
                throw new ArgumentException($"Two honour rules are named '{rule.Name}'.", nameof(honours));
            }

            HonourRules[r] = rule;
            if (rule.Measure != HonourMeasure.ActivityCount)
            {
                continue;
            }

            var kind = rule.Kind ?? throw new ArgumentException($"Honour '{rule.Name}' counts activities but names no kind.", nameof(honours));
            var source = SourceOf(kind);
            if (source < 0)
            {
                throw new ArgumentException($"Honour '{rule.Name}' counts kind '{kind}', which no source of the policy scores (add a source, with 0 points if need be).", nameof(honours));
            }

            if (rule.From is { } from && rule.Until is { } until && until <= from)
            {
                throw new ArgumentException($"Honour '{rule.Name}': the campaign window ends ({until}) at or before it starts ({from}).", nameof(honours));
            }

            if (rule.MaxRank is < 1)
            {
                throw new ArgumentException($"Honour '{rule.Name}': the maximum rank must be at least 1; was {rule.MaxRank}.", nameof(honours));
            }

            (counters[source] ??= []).Add(new HonourCounter(
                r,
                rule.From?.ToUnixTimeTicks() ?? long.MinValue,
                rule.Until?.ToUnixTimeTicks() ?? long.MaxValue,
                rule.MaxRank ?? 0));
        }

        HonourCounters = new HonourCounter[SourceCount][];
        HonourWatch = new int[SourceCount][];
        var watch = new List<int>();
        for (var i = 0; i < SourceCount; i++)
        {
            HonourCounters[i] = counters[i]?.ToArray() ?? [];
            watch.Clear();
            for (var r = 0; r < HonourRules.Length; r++)
            {
                var rule = HonourRules[r];
                var affected = rule.Measure switch
                {
                    HonourMeasure.ActivityCount => SourceOf(rule.Kind!.Value) == i,
                    HonourMeasure.LongestSignInStreak => i == SignInSource,
                    HonourMeasure.CumulativeSales => i == OrderSource,
                    HonourMeasure.LifetimePoints => true,
                    _ => false,
                };
                if (affected)
                {
                    watch.Add(r);
                }
            }

            HonourWatch[i] = [.. watch];
        }
    }

    private readonly SocialCommerceListener? _listener;
    private string? _version;

    /// <summary>Gets the growth policy.</summary>
    public GrowthPolicy Policy { get; }

    /// <summary>Gets the program's version: the policy's version and the ladder's (<c>"sha256:…+sha256:…"</c>), recorded on every growth event.</summary>
    public string Version => _version ??= Policy.Version + "+" + Ladder.Version;

    /// <summary>Gets the level ladder.</summary>
    public LevelLadder Ladder { get; }

    /// <summary>Gets the honour rules.</summary>
    public IReadOnlyList<HonourRule> Honours => HonourRules;

    internal int SourceCount { get; }

    internal IGrowthRule[] Rules { get; }

    internal long[] Caps { get; }

    internal int OrderSource { get; }

    internal int SignInSource { get; }

    internal int ReferralSource { get; }

    internal HonourRule[] HonourRules { get; }

    internal HonourCounter[][] HonourCounters { get; }

    /// <summary>Per source, the honour rules whose statistic an accepted activity of that source can raise.</summary>
    internal int[][] HonourWatch { get; }

    /// <summary>Starts a member's growth state: no points, the first level, no honours.</summary>
    /// <param name="member">The member.</param>
    /// <param name="joinedAt">When the member joined (tenure counts from here; retention periods start after it).</param>
    /// <param name="zone">The member's own time zone for local days and periods, or null for the policy's.</param>
    /// <returns>The initial state.</returns>
    public MemberGrowth Enrol(MemberId member, Instant joinedAt, DateTimeZone? zone = null) =>
        new(new GrowthAccount(this, member, joinedAt, zone ?? Policy.Zone));

    /// <summary>
    /// Evaluates a member's state against activities (in time order) and the instant of evaluation.
    /// </summary>
    /// <param name="state">The member's current state, from this program.</param>
    /// <param name="activities">The member's new activities, in time order (earlier than processed ones are ignored).</param>
    /// <param name="asOf">The instant of evaluation: retention periods ending at or before it are evaluated, then honours.</param>
    /// <returns>The new state and the events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside the supported instants (<see cref="Limits.IsSupported(Instant)"/>).</exception>
    /// <exception cref="ArgumentException">
    /// The state is from another program; an activity is for another member, is later than
    /// <paramref name="asOf"/>, or lacks what its kind needs (a refund without the reversed id, a
    /// referral without the referred member, an amount for a per-currency-unit rule).
    /// </exception>
    /// <exception cref="CurrencyMismatchException">An amount is not in the policy currency.</exception>
    public GrowthEvaluation Evaluate(MemberGrowth state, ReadOnlySpan<GrowthActivity> activities, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        Limits.Check(asOf, nameof(asOf));
        if (!ReferenceEquals(state.Account.Program, this))
        {
            throw new ArgumentException($"The state of member {state.Member} belongs to another growth program.", nameof(state));
        }

        var account = state.Account.Clone();
        var member = account.Member;
        var events = new List<GrowthEvent>(activities.Length + 4);
        var unchanged = 0;
        for (var i = 0; i < activities.Length; i++)
        {
            ref readonly var activity = ref activities[i];
            if (activity.Member != member)
            {
                throw new ArgumentException($"Activity {activity.Id} is for member {activity.Member}, not {member}.", nameof(activities));
            }

            if (activity.At > asOf)
            {
                throw new ArgumentException($"Activity {activity.Id} at {activity.At} is later than the evaluation instant {asOf}.", nameof(activities));
            }

            if (activity.Kind.IsDefault)
            {
                throw new ArgumentException($"Activity {activity.Id} has no kind (a default value).", nameof(activities));
            }

            if (!account.Apply(activity, events))
            {
                unchanged++;
            }
        }

        account.AdvanceTo(asOf.ToUnixTimeTicks(), events);
        account.EvaluateHonours(asOf, events);
        account.Version += events.Count - unchanged;
        account.Prune();
        account.Freeze();
        var evaluation = new GrowthEvaluation(new MemberGrowth(account), events);
        _listener?.OnGrowthEvaluated(new GrowthEvaluatedArguments(evaluation));
        return evaluation;
    }

    internal GrowthActivityKind KindAt(int source) => _kinds[source];

    /// <summary>
    /// Restores a member's growth from its snapshot (<see cref="MemberGrowth.ToSnapshot"/>) in O(size of the state),
    /// re-deciding nothing: points earned stay earned. Counters of kinds this program no longer scores, and progress of
    /// honours it no longer has, are dropped; the rest continues under this program.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The member's growth.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">The snapshot is not a state an evaluation could leave: a level the ladder does not have, an activity twice, an instant, day, month or amount of points outside the supported range, a balance above the lifetime points. Its path names the field.</exception>
    public MemberGrowth Restore(GrowthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Serialization.SocialCommerceJson.CheckSchema("growth snapshot", snapshot.SchemaVersion);
        return new MemberGrowth(GrowthAccount.FromSnapshot(this, snapshot));
    }

    internal int SourceOf(GrowthActivityKind kind)
    {
        var kinds = _kinds;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i].Equals(kind))
            {
                return i;
            }
        }

        return -1;
    }
}
