using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Growth;

/// <summary>
/// The mutable working state of one member during an evaluation. <see cref="GrowthProgram.Evaluate"/>
/// clones it from the immutable <see cref="MemberGrowth"/>, applies activities, and freezes the result.
/// </summary>
internal sealed class GrowthAccount
{
    private readonly GrowthProgram _program;
    // Persistent (structurally shared) so that an evaluation clones it in O(1) and pays O(log n) per new activity.
    private readonly ImmutableDictionary<long, ActivityRecord>.Builder _activities;
    private readonly ImmutableHashSet<long>.Builder _referred;

    // Activity records in the order they were applied (their instants never decrease): the oldest leave first when the
    // policy bounds the records by its refund window.
    private ImmutableQueue<(long Ticks, long Id)> _order = ImmutableQueue<(long Ticks, long Id)>.Empty;
    private readonly ImmutableDictionary<int, long>.Builder _monthPoints;
    private readonly long[] _capDay;
    private readonly long[] _capEarned;
    private readonly long[] _counts;
    private readonly long[] _honourCounts;
    private readonly int[] _honourTiersAwarded;
    private readonly List<Honour> _honours;
    private DayClock _clock;
    private int _openMonth;
    private long _openMonthPoints;

    public GrowthAccount(GrowthProgram program, MemberId member, Instant joinedAt, DateTimeZone zone)
    {
        _program = program;
        Member = member;
        JoinedAt = joinedAt;
        _clock = new DayClock(zone);
        _activities = ImmutableDictionary.CreateBuilder<long, ActivityRecord>();
        _referred = ImmutableHashSet.CreateBuilder<long>();
        _monthPoints = ImmutableDictionary.CreateBuilder<int, long>();
        var sources = program.SourceCount;
        _capDay = new long[sources];
        _capEarned = new long[sources];
        Array.Fill(_capDay, long.MinValue);
        _counts = new long[sources];
        _honourCounts = new long[program.HonourRules.Length];
        _honourTiersAwarded = new int[program.HonourRules.Length];
        _honours = [];
        LastSignInDay = long.MinValue;
        LastPromotedDay = long.MinValue;
        LastTicks = joinedAt.ToUnixTimeTicks();
        NextBoundaryTicks = long.MaxValue;
        if (program.Ladder.Retention is { } retention)
        {
            var joinedDate = joinedAt.InZone(zone).Date;
            SetNextBoundary(NextPeriodStart(joinedDate, retention.Months));
        }
    }

    private GrowthAccount(GrowthAccount other)
    {
        _program = other._program;
        Member = other.Member;
        JoinedAt = other.JoinedAt;
        _clock = other._clock;
        _activities = other._activities.ToImmutable().ToBuilder();
        _referred = other._referred.ToImmutable().ToBuilder();
        _order = other._order;
        _monthPoints = other._monthPoints.ToImmutable().ToBuilder();
        _capDay = (long[])other._capDay.Clone();
        _capEarned = (long[])other._capEarned.Clone();
        _counts = (long[])other._counts.Clone();
        _honourCounts = (long[])other._honourCounts.Clone();
        _honourTiersAwarded = (int[])other._honourTiersAwarded.Clone();
        _honours = new List<Honour>(other._honours);
        Balance = other.Balance;
        Version = other.Version;
        Level = other.Level;
        LastPromotedDay = other.LastPromotedDay;
        LastPromotedAt = other.LastPromotedAt;
        LastSignInDay = other.LastSignInDay;
        Streak = other.Streak;
        LongestStreak = other.LongestStreak;
        LifetimePoints = other.LifetimePoints;
        Sales = other.Sales;
        LastTicks = other.LastTicks;
        NextBoundaryTicks = other.NextBoundaryTicks;
        NextBoundaryDate = other.NextBoundaryDate;
        _openMonth = other._openMonth;
        _openMonthPoints = other._openMonthPoints;
    }

    public GrowthSnapshot ToSnapshot()
    {
        var sources = new GrowthSourceState[_counts.Length];
        for (var k = 0; k < sources.Length; k++)
        {
            sources[k] = new GrowthSourceState(_program.KindAt(k), _counts[k], _capDay[k] == long.MinValue ? null : _capDay[k], _capEarned[k]);
        }

        var progress = new HonourProgress[_honourCounts.Length];
        for (var r = 0; r < progress.Length; r++)
        {
            progress[r] = new HonourProgress(_program.HonourRules[r].Name, _honourCounts[r], _honourTiersAwarded[r]);
        }

        var activities = new List<GrowthActivityRecord>(_activities.Count);
        foreach (var pair in _activities)
        {
            var a = pair.Value;
            activities.Add(new GrowthActivityRecord(new ActivityId(pair.Key), a.Points, a.Sales, a.Source >= 0, a.Reversed, a.IsReversal)
            {
                Content = a.Content,
                Ignored = a.Ignored == 0 ? null : (IgnoredReason)(a.Ignored - 1),
            });
        }

        activities.Sort(static (x, y) => x.Id.Value.CompareTo(y.Id.Value));
        var order = _order.Select(o => new GrowthRecordOrder(Instant.FromUnixTimeTicks(o.Ticks), new ActivityId(o.Id))).ToArray();
        var months = _monthPoints.Select(p => new GrowthMonthPoints(p.Key, p.Value)).OrderBy(m => m.Month).ToArray();
        var referred = _referred.Order().Select(r => new MemberId(r)).ToArray();
        return new GrowthSnapshot(
            Serialization.SocialCommerceJson.SchemaVersion,
            _program.Version,
            Member,
            JoinedAt,
            Zone,
            Balance,
            Level,
            LifetimePoints,
            Sales,
            Streak,
            LongestStreak,
            LastSignInDay == long.MinValue ? null : LastSignInDay,
            LastPromotedDay == long.MinValue ? null : LastPromotedDay,
            LastPromotedAt,
            Instant.FromUnixTimeTicks(LastTicks),
            NextBoundaryTicks == long.MaxValue ? null : Instant.FromUnixTimeTicks(NextBoundaryTicks),
            NextBoundaryDate,
            _openMonth,
            _openMonthPoints,
            months,
            sources,
            _honours.ToArray(),
            progress,
            activities,
            referred,
            Version)
        {
            RecordOrder = order,
        };
    }

    /// <summary>The days and months a restored account may hold: those of the supported instants, a day either side.</summary>
    private static readonly long MinDay = Limits.MinInstant.ToUnixTimeTicks() / NodaConstants.TicksPerDay - 2;
    private static readonly long MaxDay = Limits.MaxInstant.ToUnixTimeTicks() / NodaConstants.TicksPerDay + 2;
    private static readonly int MinMonth = DayClock.MonthIndex(new LocalDate(1899, 1, 1));
    private static readonly int MaxMonth = DayClock.MonthIndex(new LocalDate(9001, 12, 1));

    /// <summary>
    /// Checks a snapshot against what evaluations can leave: supported instants, days and months, points within range
    /// (the balance never above the lifetime points), counters not negative, a level of the ladder, activities once.
    /// </summary>
    private static void Check(GrowthProgram program, GrowthSnapshot s)
    {
        var check = new Serialization.StateCheck("growth snapshot");
        check.Present(s.Zone, "$.zone");
        check.Version(s.Version, "$.version");
        check.That(Limits.IsSupported(s.JoinedAt), "$.joinedAt", s.JoinedAt, "outside the supported instants.");
        check.That(Limits.IsSupported(s.LastActivityAt) && s.LastActivityAt >= s.JoinedAt, "$.lastActivityAt", s.LastActivityAt, "a supported instant at or after joining.");
        check.That(s.LastPromotedAt is not { } promoted || Limits.IsSupported(promoted), "$.lastPromotedAt", s.LastPromotedAt, "outside the supported instants.");
        check.That(s.NextRetentionEvaluation is not { } next || Limits.IsSupported(next), "$.nextRetentionEvaluation", s.NextRetentionEvaluation, "outside the supported instants.");
        check.That(s.NextRetentionDate == default || s.NextRetentionDate.Year is >= 1899 and <= 9001, "$.nextRetentionDate", s.NextRetentionDate, "outside the supported dates.");
        check.That(s.LevelIndex >= 0 && s.LevelIndex < program.Ladder.Levels.Count, "$.levelIndex", s.LevelIndex, $"the ladder has {program.Ladder.Levels.Count} levels.");
        const long MaxStored = Limits.MaxPoints * 1000;
        check.That(s.LifetimePoints is >= 0 and <= MaxStored, "$.lifetimePoints", s.LifetimePoints, $"from 0 to {MaxStored} points.");
        check.That(s.Balance >= -MaxStored && s.Balance <= s.LifetimePoints, "$.balance", s.Balance, "never more than the lifetime points (forfeits and take-backs only lower it).");
        check.That(s.Sales is >= 0m and <= Limits.MaxMinorUnits * 1000m, "$.sales", s.Sales, "a sales volume, not negative.");
        check.That(s.Streak >= 0 && s.Streak <= s.LongestStreak, "$.streak", s.Streak, $"from 0 to the longest streak {s.LongestStreak}.");
        check.That(s.LastSignInDay is not { } signIn || (signIn >= MinDay && signIn <= MaxDay), "$.lastSignInDay", s.LastSignInDay, "outside the supported days.");
        check.That(s.LastPromotedDay is not { } promotedDay || (promotedDay >= MinDay && promotedDay <= MaxDay), "$.lastPromotedDay", s.LastPromotedDay, "outside the supported days.");
        check.That(s.OpenMonth == 0 || (s.OpenMonth >= MinMonth && s.OpenMonth <= MaxMonth), "$.openMonth", s.OpenMonth, "outside the supported months.");
        check.That(s.OpenMonthPoints is >= -MaxStored and <= MaxStored, "$.openMonthPoints", s.OpenMonthPoints, "outside the supported points.");
        var months = Serialization.SocialCommerceJson.OrEmpty(s.MonthPoints);
        for (var i = 0; i < months.Count; i++)
        {
            check.That(months[i].Month >= MinMonth && months[i].Month <= MaxMonth, $"$.monthPoints[{i}].month", months[i].Month, "outside the supported months.");
            check.That(months[i].Points is >= -MaxStored and <= MaxStored, $"$.monthPoints[{i}].points", months[i].Points, "outside the supported points.");
        }

        var sources = Serialization.SocialCommerceJson.OrEmpty(s.Sources);
        for (var i = 0; i < sources.Count; i++)
        {
            check.That(!sources[i].Kind.IsDefault, $"$.sources[{i}].kind", (object?)null, "a source names its kind.");
            check.That(sources[i].Count is >= 0 and <= MaxStored, $"$.sources[{i}].count", sources[i].Count, $"from 0 to {MaxStored}.");
            check.That(sources[i].CapEarned is >= 0 and <= MaxStored, $"$.sources[{i}].capEarned", sources[i].CapEarned, "from 0 to the supported points.");
            check.That(sources[i].CapDay is not { } day || (day >= MinDay && day <= MaxDay), $"$.sources[{i}].capDay", sources[i].CapDay, "outside the supported days.");
        }

        var progress = Serialization.SocialCommerceJson.OrEmpty(s.HonourProgress);
        for (var i = 0; i < progress.Count; i++)
        {
            check.That(progress[i].Rule is not null, $"$.honourProgress[{i}].rule", (object?)null, "a progress names its honour rule.");
            check.That(progress[i].Count is >= 0 and <= MaxStored, $"$.honourProgress[{i}].count", progress[i].Count, $"from 0 to {MaxStored}.");
            check.That(progress[i].TiersAwarded >= 0, $"$.honourProgress[{i}].tiersAwarded", progress[i].TiersAwarded, "should not be negative.");
        }

        var honours = Serialization.SocialCommerceJson.OrEmpty(s.Honours);
        for (var i = 0; i < honours.Count; i++)
        {
            check.Present(honours[i], $"$.honours[{i}]");
        }

        var ids = new HashSet<long>();
        var activities = Serialization.SocialCommerceJson.OrEmpty(s.Activities);
        for (var i = 0; i < activities.Count; i++)
        {
            check.That(ids.Add(activities[i].Id.Value), $"$.activities[{i}].id", activities[i].Id, "an activity is recorded once.");
            check.That(activities[i].Points is >= -MaxStored and <= MaxStored, $"$.activities[{i}].points", activities[i].Points, "outside the supported points.");
            check.That(activities[i].Ignored is not { } ignored || (Enum.IsDefined(ignored) && ignored is not (IgnoredReason.Duplicate or IgnoredReason.ConflictingDuplicate or IgnoredReason.OutOfOrder)),
                $"$.activities[{i}].ignored", activities[i].Ignored, "a reason a first delivery is recorded with.");
        }

        var order = Serialization.SocialCommerceJson.OrEmpty(s.RecordOrder);
        for (var i = 0; i < order.Count; i++)
        {
            check.That(Limits.IsSupported(order[i].At), $"$.recordOrder[{i}].at", order[i].At, "outside the supported instants.");
        }

        var referred = Serialization.SocialCommerceJson.OrEmpty(s.Referred);
        check.That(referred.Count == new HashSet<MemberId>(referred).Count, "$.referred", referred.Count, "a referred member is recorded once.");
    }

    public static GrowthAccount FromSnapshot(GrowthProgram program, GrowthSnapshot s)
    {
        Check(program, s);

        var account = new GrowthAccount(program, s.Member, s.JoinedAt, s.Zone)
        {
            Balance = s.Balance,
            Version = s.Version,
            Level = s.LevelIndex,
            LifetimePoints = s.LifetimePoints,
            Sales = s.Sales,
            Streak = s.Streak,
            LongestStreak = s.LongestStreak,
            LastSignInDay = s.LastSignInDay ?? long.MinValue,
            LastPromotedDay = s.LastPromotedDay ?? long.MinValue,
            LastPromotedAt = s.LastPromotedAt,
            LastTicks = s.LastActivityAt.ToUnixTimeTicks(),
            NextBoundaryTicks = s.NextRetentionEvaluation?.ToUnixTimeTicks() ?? long.MaxValue,
            NextBoundaryDate = s.NextRetentionDate,
        };
        account._openMonth = s.OpenMonth;
        account._openMonthPoints = s.OpenMonthPoints;
        foreach (var m in Serialization.SocialCommerceJson.OrEmpty(s.MonthPoints))
        {
            account._monthPoints[m.Month] = m.Points;
        }

        foreach (var source in Serialization.SocialCommerceJson.OrEmpty(s.Sources))
        {
            var k = program.SourceOf(source.Kind);
            if (k >= 0)
            {
                account._counts[k] = source.Count;
                account._capDay[k] = source.CapDay ?? long.MinValue;
                account._capEarned[k] = source.CapEarned;
            }
        }

        account._honours.AddRange(Serialization.SocialCommerceJson.OrEmpty(s.Honours));
        foreach (var p in Serialization.SocialCommerceJson.OrEmpty(s.HonourProgress))
        {
            for (var r = 0; r < program.HonourRules.Length; r++)
            {
                if (program.HonourRules[r].Name == p.Rule)
                {
                    account._honourCounts[r] = p.Count;
                    account._honourTiersAwarded[r] = Math.Min(p.TiersAwarded, program.HonourRules[r].Tiers.Count);
                }
            }
        }

        foreach (var a in Serialization.SocialCommerceJson.OrEmpty(s.Activities))
        {
            account._activities[a.Id.Value] = new ActivityRecord
            {
                Points = a.Points,
                Sales = a.Sales,
                Source = a.Scored ? 0 : -1,
                Reversed = a.Reversed,
                IsReversal = a.IsReversal,
                Content = a.Content,
                Ignored = a.Ignored is { } ignored ? checked((byte)(ignored + 1)) : (byte)0,
            };
        }

        foreach (var r in Serialization.SocialCommerceJson.OrEmpty(s.Referred))
        {
            account._referred.Add(r.Value);
        }

        foreach (var o in Serialization.SocialCommerceJson.OrEmpty(s.RecordOrder))
        {
            account._order = account._order.Enqueue((o.At.ToUnixTimeTicks(), o.Id.Value));
        }

        account.Freeze();
        return account;
    }

    public GrowthProgram Program => _program;

    public MemberId Member { get; }

    public Instant JoinedAt { get; }

    public DateTimeZone Zone => _clock.Zone;

    public long Balance { get; private set; }

    /// <summary>The number of growth events that changed the account so far (not repeats or out-of-order activity): its version.</summary>
    public long Version { get; set; }

    public int Level { get; private set; }

    public long LastPromotedDay { get; private set; }

    public Instant? LastPromotedAt { get; private set; }

    public long LastSignInDay { get; private set; }

    public int Streak { get; private set; }

    public int LongestStreak { get; private set; }

    public long LifetimePoints { get; private set; }

    public decimal Sales { get; private set; }

    public long LastTicks { get; private set; }

    public long NextBoundaryTicks { get; private set; }

    public LocalDate NextBoundaryDate { get; private set; }

    public IReadOnlyList<Honour> Honours => _honours;

    public GrowthAccount Clone() => new(this);

    public bool TryGetActivity(long id, out ActivityRecord record) => _activities.TryGetValue(id, out record);

    public long CountOf(int source) => _counts[source];

    public long PointsInMonth(int monthIndex) =>
        (_monthPoints.TryGetValue(monthIndex, out var points) ? points : 0) + (monthIndex == _openMonth ? _openMonthPoints : 0);

    /// <summary>Freezes the activity records, so that the next clone shares them instead of copying them.</summary>
    public void Freeze()
    {
        _activities.ToImmutable();
        _referred.ToImmutable();
        _monthPoints.ToImmutable();
    }

    /// <summary>Applies one activity (already checked for member and instant); the hot path.</summary>
    /// <returns>False when the activity changed nothing (a repeat, or out of order): its event does not count in the version.</returns>
    public bool Apply(in GrowthActivity activity, List<GrowthEvent> events)
    {
        var ticks = activity.At.ToUnixTimeTicks();
        if (ticks >= NextBoundaryTicks)
        {
            AdvanceTo(ticks, events);
        }

        var id = activity.Id.Value;
        var content = ActivityContent.Hash(activity);
        if (_activities.TryGetValue(id, out var first))
        {
            // A resend answers its first outcome, whatever the state says now; another activity under the same id is
            // refused the same way (records restored without a hash cannot tell the two apart: a duplicate).
            var reason = first.Content != 0 && first.Content != content ? IgnoredReason.ConflictingDuplicate : IgnoredReason.Duplicate;
            events.Add(new ActivityIgnored(Member, activity.At, activity.Id, activity.Kind, reason)
            {
                ProgramVersion = _program.Version,
                FirstPoints = first.Points,
                FirstIgnored = first.Ignored == 0 ? null : (IgnoredReason)(first.Ignored - 1),
            });
            return false;
        }

        if (ticks < LastTicks)
        {
            events.Add(new ActivityIgnored(Member, activity.At, activity.Id, activity.Kind, IgnoredReason.OutOfOrder) { ProgramVersion = _program.Version });
            return false;
        }

        var slot = new ActivityRecord { Source = -1, Content = content };
        ApplyNew(activity, ticks, ref slot, events);
        _activities[id] = slot;
        if (_program.Policy.RefundWindow is not null)
        {
            _order = _order.Enqueue((ticks, id));
        }

        return true;
    }

    /// <summary>Drops the records older than the policy's refund window (each once: amortised O(1) per activity).</summary>
    public void Prune()
    {
        if (_program.Policy.RefundWindow is not { } window)
        {
            return;
        }

        var horizon = LastTicks - window.BclCompatibleTicks;
        while (!_order.IsEmpty && _order.Peek().Ticks < horizon)
        {
            _activities.Remove(_order.Peek().Id);
            _order = _order.Dequeue();
        }
    }

    private void ApplyNew(in GrowthActivity activity, long ticks, ref ActivityRecord slot, List<GrowthEvent> events)
    {
        LastTicks = ticks;
        var program = _program;
        var source = program.SourceOf(activity.Kind);
        if (source < 0)
        {
            if (activity.Kind == GrowthActivityKind.OrderRefunded)
            {
                Reverse(activity, ticks, ref slot, events);
                return;
            }

            var reason = activity.Kind == GrowthActivityKind.MemberReferred ? IgnoredReason.RecruitmentEarnsNothing : IgnoredReason.NoSource;
            Ignore(activity, reason, ref slot, events);
            return;
        }

        decimal sales = 0m;
        if (activity.Amount is { } amount)
        {
            if (!amount.Currency.Equals(program.Policy.Currency))
            {
                throw new CurrencyMismatchException(program.Policy.Currency, amount.Currency);
            }

            if (source == program.OrderSource)
            {
                sales = amount.Amount;
            }
        }

        var day = long.MinValue;
        var streakDay = 0;
        if (source == program.SignInSource)
        {
            day = _clock.Day(ticks);
            if (day == LastSignInDay)
            {
                Ignore(activity, IgnoredReason.AlreadySignedInToday, ref slot, events);
                return;
            }

            Streak = day == LastSignInDay + 1 ? checked(Streak + 1) : 1;
            LastSignInDay = day;
            if (Streak > LongestStreak)
            {
                LongestStreak = Streak;
            }

            streakDay = Streak;
        }
        else if (source == program.ReferralSource)
        {
            var referred = activity.Referred
                ?? throw new ArgumentException($"Activity {activity.Id} ({activity.Kind}) names no referred member.", nameof(activity));
            if (activity.Amount is not { IsZero: false })
            {
                Ignore(activity, IgnoredReason.NotAPurchase, ref slot, events);
                return;
            }

            if (!_referred.Add(referred.Value))
            {
                Ignore(activity, IgnoredReason.NotFirstOrder, ref slot, events);
                return;
            }
        }

        var proposed = Math.Clamp(program.Rules[source].Points(new GrowthRuleArguments(activity, streakDay)), -Limits.MaxPoints, Limits.MaxPoints);
        var granted = proposed;
        if (granted > 0)
        {
            var cap = program.Caps[source];
            if (cap != long.MaxValue)
            {
                if (day == long.MinValue)
                {
                    day = _clock.Day(ticks);
                }

                if (_capDay[source] != day)
                {
                    _capDay[source] = day;
                    _capEarned[source] = 0;
                }

                var room = cap - _capEarned[source];
                if (granted > room)
                {
                    granted = room;
                }

                _capEarned[source] += granted;
            }
        }
        else if (granted < 0 && !program.Policy.AllowDebt && Balance + granted < 0)
        {
            granted = Balance > 0 ? -Balance : 0;
        }

        slot.Points = granted;
        slot.Sales = sales;
        slot.Source = source;
        _counts[source]++;
        var counters = program.HonourCounters[source];
        for (var i = 0; i < counters.Length; i++)
        {
            var rule = counters[i];
            if (ticks >= rule.FromTicks && ticks < rule.UntilTicks && (rule.MaxRank == 0 || (activity.Rank >= 1 && activity.Rank <= rule.MaxRank)))
            {
                _honourCounts[rule.Index]++;
            }
        }

        Sales += sales;
        Credit(ticks, day, granted);
        events.Add(new PointsEarned(Member, activity.At, activity.Id, activity.Kind, proposed, granted, Balance, streakDay) { ProgramVersion = _program.Version });
        Relevel(activity.At, ticks, events);
        var watched = program.HonourWatch[source];
        for (var i = 0; i < watched.Length; i++)
        {
            AwardTiers(watched[i], activity.At, events);
        }
    }

    /// <summary>Runs every retention boundary at or before the instant (in Unix ticks).</summary>
    public void AdvanceTo(long ticks, List<GrowthEvent> events)
    {
        var retention = _program.Ladder.Retention;
        while (retention is not null && ticks >= NextBoundaryTicks)
        {
            var boundaryTicks = NextBoundaryTicks;
            var boundary = NextBoundaryDate;
            EvaluateRetention(retention, boundary, Instant.FromUnixTimeTicks(boundaryTicks), events);
            if (boundaryTicks > LastTicks)
            {
                LastTicks = boundaryTicks;
            }

            SetNextBoundary(boundary.PlusMonths(retention.Months));
        }
    }

    /// <summary>Awards honours the statistics now meet and expires those past their expiry.</summary>
    public void EvaluateHonours(Instant asOf, List<GrowthEvent> events)
    {
        var rules = _program.HonourRules;
        for (var r = 0; r < rules.Length; r++)
        {
            AwardTiers(r, asOf, events);
        }

        for (var i = 0; i < _honours.Count; i++)
        {
            var honour = _honours[i];
            if (honour.Status == HonourStatus.Active && honour.ExpiresAt is { } expiry && expiry <= asOf)
            {
                var expired = honour with { Status = HonourStatus.Expired };
                _honours[i] = expired;
                events.Add(new HonourExpired(Member, expiry, expired) { ProgramVersion = _program.Version });
            }
        }
    }

    /// <summary>Awards, at an instant, every tier of a rule its statistic now meets and the member does not hold.</summary>
    private void AwardTiers(int r, Instant at, List<GrowthEvent> events)
    {
        var rule = _program.HonourRules[r];
        var tiers = rule.Tiers;
        if (_honourTiersAwarded[r] == tiers.Count)
        {
            return;
        }

        var value = Measure(rule, r, at);
        while (_honourTiersAwarded[r] < tiers.Count && tiers[_honourTiersAwarded[r]].Threshold <= value)
        {
            var tier = tiers[_honourTiersAwarded[r]];
            Instant? expires = rule.ValidFor is { } valid
                ? (at.InZone(Zone).LocalDateTime + valid).InZoneLeniently(Zone).ToInstant()
                : null;
            var honour = new Honour(rule.Name, tier.Name, rule.Term, at, expires, HonourStatus.Active);
            _honours.Add(honour);
            _honourTiersAwarded[r]++;
            events.Add(new HonourAwarded(Member, at, honour) { ProgramVersion = _program.Version });
        }
    }

    public decimal Measure(HonourRule rule, int index, Instant asOf) => rule.Measure switch
    {
        HonourMeasure.ActivityCount => _honourCounts[index],
        HonourMeasure.LongestSignInStreak => LongestStreak,
        HonourMeasure.TenureYears => TenureYears(asOf),
        HonourMeasure.CumulativeSales => Sales,
        _ => LifetimePoints,
    };

    private int TenureYears(Instant asOf)
    {
        if (asOf <= JoinedAt)
        {
            return 0;
        }

        var joined = JoinedAt.InZone(Zone).Date;
        var now = asOf.InZone(Zone).Date;
        return Period.Between(joined, now, PeriodUnits.Years).Years;
    }

    private void Ignore(in GrowthActivity activity, IgnoredReason reason, ref ActivityRecord slot, List<GrowthEvent> events)
    {
        slot.Ignored = (byte)(reason + 1);
        events.Add(new ActivityIgnored(Member, activity.At, activity.Id, activity.Kind, reason) { ProgramVersion = _program.Version });
    }

    private void Reverse(in GrowthActivity activity, long ticks, ref ActivityRecord slot, List<GrowthEvent> events)
    {
        var target = activity.Reverses
            ?? throw new ArgumentException($"Refund {activity.Id} names no activity to reverse.", nameof(activity));
        if (!_activities.TryGetValue(target.Value, out var original) || original.IsReversal || original.Source < 0)
        {
            Ignore(activity, IgnoredReason.UnknownActivity, ref slot, events);
            return;
        }

        if (original.Reversed)
        {
            Ignore(activity, IgnoredReason.AlreadyReversed, ref slot, events);
            return;
        }

        original.Reversed = true;
        _activities[target.Value] = original;
        var take = original.Points;
        if (take > 0 && !_program.Policy.AllowDebt && Balance - take < 0)
        {
            take = Balance > 0 ? Balance : 0;
        }

        Sales -= original.Sales;
        slot.Points = -take;
        slot.IsReversal = true;
        Credit(ticks, long.MinValue, -take);
        events.Add(new PointsReversed(Member, activity.At, activity.Id, target, take, Balance) { ProgramVersion = _program.Version });
        Relevel(activity.At, ticks, events);
    }

    private void Credit(long ticks, long day, long points)
    {
        if (points == 0)
        {
            return;
        }

        Balance = checked(Balance + points);
        LifetimePoints = checked(LifetimePoints + points);
        var month = _clock.Month(day == long.MinValue ? _clock.Day(ticks) : day);
        if (month != _openMonth)
        {
            FlushMonth();
            _openMonth = month;
        }

        _openMonthPoints = checked(_openMonthPoints + points);
    }

    /// <summary>Moves the points of the month being written into the month table.</summary>
    private void FlushMonth()
    {
        if (_openMonthPoints != 0)
        {
            _monthPoints[_openMonth] = checked((_monthPoints.TryGetValue(_openMonth, out var bucket) ? bucket : 0) + _openMonthPoints);
            _openMonthPoints = 0;
        }
    }

    private void Relevel(Instant at, long ticks, List<GrowthEvent> events)
    {
        var ladder = _program.Ladder;
        var level = Level;
        if (Balance >= ladder.ThresholdAt(level) && (level + 1 == ladder.Count || Balance < ladder.ThresholdAt(level + 1)))
        {
            return;
        }

        var target = ladder.IndexFor(Balance);
        if (target == level)
        {
            // Below the first level's threshold (a debt balance) there is no lower level: nothing changes.
            return;
        }

        var levels = ladder.Levels;
        Level = target;
        if (target > level)
        {
            LastPromotedDay = _clock.Day(ticks);
            LastPromotedAt = at;
            events.Add(new LevelPromoted(Member, at, levels[level], levels[target], Balance) { ProgramVersion = _program.Version });
        }
        else
        {
            events.Add(new LevelDemoted(Member, at, levels[level], levels[target], DemotionReason.BalanceFell, 0, 0, 0, Balance) { ProgramVersion = _program.Version });
        }
    }

    private void EvaluateRetention(RetentionPolicy retention, LocalDate boundary, Instant at, List<GrowthEvent> events)
    {
        var ladder = _program.Ladder;
        var level = Level;
        var keepUp = ladder.Levels[level].KeepUp;
        var boundaryMonth = DayClock.MonthIndex(boundary);
        if (level > 0 && keepUp is { } required && !InGrace(retention, boundary))
        {
            var earned = SumMonths(boundaryMonth - retention.Months, boundaryMonth);
            if (earned < required)
            {
                var target = level - 1;
                if (retention.Mode == DemotionMode.ToRollingWindowLevel)
                {
                    var supported = ladder.IndexFor(SumMonths(boundaryMonth - retention.RollingWindowMonths, boundaryMonth));
                    target = Math.Min(target, supported);
                }

                var threshold = ladder.ThresholdAt(target);
                var forfeited = Balance > threshold ? Balance - threshold : 0;
                Balance -= forfeited;
                Level = target;
                events.Add(new LevelDemoted(Member, at, ladder.Levels[level], ladder.Levels[target], DemotionReason.KeepUpNotMet, required, earned, forfeited, Balance) { ProgramVersion = _program.Version });
            }
        }

        FlushMonth();
        var oldest = boundaryMonth - Math.Max(12, retention.RollingWindowMonths) - 1;
        foreach (var month in _monthPoints.Keys.ToArray())
        {
            if (month < oldest)
            {
                _monthPoints.Remove(month);
            }
        }
    }

    private bool InGrace(RetentionPolicy retention, LocalDate boundary) =>
        LastPromotedDay != long.MinValue && DayClock.ToDate(LastPromotedDay).Plus(retention.GracePeriod) > boundary;

    private long SumMonths(int fromInclusive, int toExclusive)
    {
        long sum = 0;
        for (var m = fromInclusive; m < toExclusive; m++)
        {
            sum = checked(sum + PointsInMonth(m));
        }

        return sum;
    }

    private void SetNextBoundary(LocalDate date)
    {
        NextBoundaryDate = date;
        NextBoundaryTicks = Zone.AtStartOfDay(date).ToInstant().ToUnixTimeTicks();
    }

    private static LocalDate NextPeriodStart(LocalDate date, int months)
    {
        var startMonth = ((date.Month - 1) / months * months) + 1;
        return new LocalDate(date.Year, startMonth, 1).PlusMonths(months);
    }
}
