using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>
/// A deterministic simulation of a small social shop, driven by a seeded <see cref="Random"/> and a simulated clock:
/// every instant is computed from the start date, nothing reads the system clock. Events (joins, sign-ins, sales,
/// completions, refunds, group joins, withdrawals) are processed in time order from a queue; at the end of each
/// simulated day the ledger releases what is due and group buys past their deadline close; growth activities are
/// evaluated in a weekly batch (and on the last day).
/// </summary>
internal sealed partial class ShopSimulation
{
    private static readonly Currency Cny = Currency.CNY;

    private static readonly (string Id, string Category, decimal Price)[] Catalogue =
    [
        ("TEA-LONGJING", "tea", 68.00m),
        ("RICE-5KG", "fresh", 45.90m),
        ("EGGS-30", "fresh", 19.99m),
        ("SERUM-30ML", "beauty", 199.00m),
        ("MASK-10", "beauty", 89.00m),
        ("BOOK-KIDS", "books", 39.90m),
        ("PAN-28CM", "kitchen", 129.00m),
    ];

    private readonly SimulationOptions _options;
    private readonly TextWriter? _progress;
    private readonly Random _random;
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly LocalDate _firstDay = new(2026, 11, 9);
    private readonly PriorityQueue<Action, (Instant At, long Sequence)> _queue = new();
    private long _sequence;

    // The SDK objects a host would hold.
    private readonly ReferralNetwork _network;
    private readonly CommissionPlan _plan;
    private readonly CommissionEngine _engine;
    private readonly CommissionLedger _ledger;
    private readonly GroupBuyBook _groups;
    private readonly GrowthProgram _growth;
    private CommunityBatch? _batch;

    // Members, by dense index (member id = index + 1).
    private readonly int _founders;
    private readonly double[] _propensity;
    private readonly int[] _referrer;
    private readonly int[] _directReferrals;
    private readonly bool[] _hasCompletedOrder;
    private readonly bool[] _hasEarned;
    private readonly MemberGrowth?[] _memberGrowth;
    private readonly List<GrowthActivity>?[] _growthBuffer;
    private readonly List<int> _growthTouched = [];
    private readonly List<int> _attachment = [];
    private readonly List<int> _earners = [];
    private int _joined;
    private long _nextActivity = 1;

    // Counters for the report.
    private int _sales;
    private int _groupSales;
    private int _communitySales;
    private int _completed;
    private int _withdrawals;
    private Money _base;
    private Money _quoted;
    private Money _booked;
    private Money _pooled;
    private Money _residual;
    private readonly SortedDictionary<string, int> _refunds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _ledgerRefusals = new(StringComparer.Ordinal);
    private int _groupsOpened;
    private int _groupsFormed;
    private int _groupsFormedAtDeadline;
    private int _groupsFailed;
    private int _groupJoins;
    private readonly SortedDictionary<GroupBuyRefusal, int> _joinRefusals = [];
    private readonly List<(string Rule, GroupBuyEvent Event)> _groupExamples = [];
    private CommunityBatchSettlement? _batchSettlement;
    private int _batchOrdersAccepted;
    private readonly List<string> _batchRefusals = [];
    private readonly SortedDictionary<string, int> _promotions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _demotions = new(StringComparer.Ordinal);
    private LevelDemoted? _demotionExample;
    private readonly SortedDictionary<string, int> _honours = new(StringComparer.Ordinal);
    private int _honoursExpired;
    private long _growthActivities;
    private readonly int[] _startingLevels;

    private ShopSimulation(SimulationOptions options, TextWriter? progress)
    {
        _options = options;
        _progress = progress;
        _random = new Random(options.Seed);
        var members = options.Members;
        _founders = Math.Clamp(members / 20, 5, 200);
        _propensity = new double[members];
        _referrer = new int[members];
        _directReferrals = new int[members];
        _hasCompletedOrder = new bool[members];
        _hasEarned = new bool[members];
        _memberGrowth = new MemberGrowth?[members];
        _growthBuffer = new List<GrowthActivity>?[members];
        _base = _quoted = _booked = _pooled = _residual = Money.Zero(Cny);

        // Referral binding is permanent here: the first referrer wins, as most shops do.
        _network = new ReferralNetwork(BindingPolicy.FirstBindingWins, capacity: members);

        // Three levels, 10 % / 5 % / 2 %, fresh food pays less (thin margins); 7-day return window.
        _plan = CommissionPlan.CreateBuilder("shop-3-level", Cny)
            .Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(2))
            .CategoryOverride("fresh", o => o.Level(1, Rate.Percent(5)).Level(2, Rate.Percent(2)).Level(3, Rate.Percent(1)))
            .ReturnWindow(Duration.FromDays(7))
            .Build();
        _engine = new CommissionEngine(_plan, new CommissionEngineOptions { Compliance = ComplianceProfiles.ChinaSocialCommerce });
        _ledger = new CommissionLedger(
            new LedgerOptions { MinimumWithdrawals = [new Money(10.00m, Cny)], WithdrawalFee = Rate.Percent(0.6m) },
            capacity: members * 2);

        // Team-up groups: a trio where the leader's item is free, and a family pack with two tiers and 50 % off for the leader.
        _groups = new GroupBuyBook(ComplianceProfiles.ChinaSocialCommerce);
        _groups.AddRule(GroupBuyRule.Create("trio-tea", Cny)
            .RequireParticipants(3)
            .AddTier(3, 49.90m)
            .WithLeaderPerk(LeaderPerk.Free)
            .WithTimeLimit(Duration.FromHours(24))
            .LimitOpenGroupsPerMember(2)
            .Build());
        _groups.AddRule(GroupBuyRule.Create("family-rice", Cny)
            .RequireParticipants(5)
            .AddTier(3, 42.90m)
            .AddTier(5, 36.90m)
            .WithLeaderPerk(LeaderPerk.Off(Rate.Percent(50)))
            .WithTimeLimit(Duration.FromHours(24))
            .LimitOpenGroupsPerMember(2)
            .Build());

        _growth = new GrowthProgram(
            new GrowthPolicy(Cny, _zone,
            [
                new GrowthSource(GrowthActivityKind.OrderCompleted, GrowthRules.PerCurrencyUnit(1m), dailyCap: 2_000),
                new GrowthSource(GrowthActivityKind.SignIn, GrowthRules.SignInStreak(5, [new StreakBonus(7, 30)], cycleDays: 7)),
                new GrowthSource(GrowthActivityKind.ReferredFirstOrder, GrowthRules.PerActivity(100)),
            ]),
            new LevelLadder(
                [
                    new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, "seedling")),
                    new GrowthLevel("V2", 300, new LevelBenefits(Rate.Percent(2), 1, "sprout"), keepUp: 100),
                    new GrowthLevel("V3", 1_000, new LevelBenefits(Rate.Percent(4), 2, "bloom"), keepUp: 300),
                    new GrowthLevel("V4", 2_500, new LevelBenefits(Rate.Percent(6), 3, "tree"), keepUp: 800),
                    new GrowthLevel("V5", 6_000, new LevelBenefits(Rate.Percent(8), 4, "forest"), keepUp: 2_000),
                ],
                new RetentionPolicy(RetentionPeriod.Monthly, DemotionMode.OneLevel, gracePeriod: Period.FromDays(7))),
            [
                new HonourRule("Seven-day streak", HonourTerm.ShortTerm, HonourMeasure.LongestSignInStreak, [new HonourTier("weekly", 7)])
                {
                    ValidFor = Period.FromDays(14),
                },
                new HonourRule("Big spender", HonourTerm.LongTerm, HonourMeasure.CumulativeSales, [new HonourTier("bronze", 500m), new HonourTier("silver", 1_500m)]),
                new HonourRule("Connector", HonourTerm.MediumTerm, HonourMeasure.ActivityCount, [new HonourTier("three friends", 3)])
                {
                    Kind = GrowthActivityKind.ReferredFirstOrder,
                },
            ]);
        _startingLevels = new int[_growth.Ladder.Levels.Count];
    }

    /// <summary>Runs the simulation: the same options always give the same report.</summary>
    /// <param name="options">Members, days and seed.</param>
    /// <param name="progress">Where to write a progress line each simulated week, or <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SimulationCheckException">Money was not conserved or the ledger does not reconcile.</exception>
    public static SimulationReport Run(SimulationOptions options, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ShopSimulation(options, progress).Execute();
    }

    private Instant DayStart(int day) => _firstDay.PlusDays(day).AtStartOfDayInZone(_zone).ToInstant();

    private static MemberId Id(int index) => new(index + 1);

    private static int Index(MemberId member) => checked((int)member.Value - 1);

    private void Schedule(Instant at, Action action) => _queue.Enqueue(action, (at, _sequence++));

    private Duration RandomDuration(int fromMinutes, int toMinutes) => Duration.FromMinutes(_random.Next(fromMinutes, toMinutes));

    private SimulationReport Execute()
    {
        var days = _options.Days;
        var batchDay = Math.Max(0, (days / 2) - 3);
        for (var day = 0; day < days; day++)
        {
            var dayStart = DayStart(day);
            var dayEnd = DayStart(day + 1);
            ScheduleDay(day, dayStart);
            if (day == batchDay)
            {
                Schedule(dayStart + Duration.FromHours(9), () => OpenCommunityBatch(day, dayStart + Duration.FromHours(9)));
            }

            while (_queue.TryPeek(out var action, out var key) && key.At < dayEnd)
            {
                _queue.Dequeue();
                action();
            }

            EndOfDay(dayEnd);
            if ((day + 1) % 7 == 0 || day == days - 1)
            {
                EvaluateGrowth(dayEnd);
            }
            if (_progress is not null && ((day + 1) % 7 == 0 || day == days - 1))
            {
                _progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[progress] day {day + 1,3}/{days}: {_joined:N0} members, {_sales:N0} sales, {_quoted} quoted, {_groupsOpened:N0} groups opened"));
            }
        }

        var end = DayStart(days);

        // A last look at every member at the end, so monthly retention is judged for the quiet ones too.
        for (var i = 0; i < _joined; i++)
        {
            Apply(_growth.Evaluate(_memberGrowth[i]!, [], end));
        }

        return BuildReport(end);
    }

    private void ScheduleDay(int day, Instant dayStart)
    {
        // Joins: members arrive evenly over the period, between 07:00 and 21:00 local time.
        var members = _options.Members;
        var target = day == _options.Days - 1 ? members : _founders + (int)((long)(members - _founders) * (day + 1) / _options.Days);
        var scheduled = _joined;
        var newcomers = Math.Max(0, target - scheduled);
        if (day == 0)
        {
            newcomers = Math.Max(newcomers, _founders);
        }

        var offsets = new int[newcomers];
        for (var i = 0; i < newcomers; i++)
        {
            offsets[i] = _random.Next(7 * 60, 21 * 60);
        }

        Array.Sort(offsets);
        for (var i = 0; i < newcomers; i++)
        {
            var index = scheduled + i;
            var at = dayStart + Duration.FromMinutes(offsets[i]);
            Schedule(at, () => Join(index, at));
        }

        // Members who joined before today sign in, shop and open group buys.
        for (var i = 0; i < scheduled; i++)
        {
            var p = _propensity[i];
            if (_random.NextDouble() < p)
            {
                // A sign-in touches nothing but growth, which is evaluated in batches: record it straight away.
                Buffer(i, GrowthActivity.SignIn(NextActivity(), Id(i), dayStart + RandomDuration(8 * 60, 23 * 60)));
            }

            if (_random.NextDouble() < p * 0.12)
            {
                var buyer = i;
                var at = dayStart + RandomDuration(10 * 60, 23 * 60);
                Schedule(at, () => Buy(buyer, at));
            }
        }

        var opens = scheduled == 0 ? 0 : Math.Max(1, scheduled / 60);
        for (var g = 0; g < opens; g++)
        {
            var leader = _random.Next(scheduled);
            var at = dayStart + RandomDuration(10 * 60, 21 * 60);
            Schedule(at, () => OpenGroup(leader, at));
        }

        if (day % 7 == 6)
        {
            var at = dayStart + Duration.FromHours(21);
            Schedule(at, () => WithdrawalRound(at));
        }
    }

    private void Join(int index, Instant at)
    {
        var member = Id(index);
        _propensity[index] = 0.05 + (0.9 * Math.Pow(_random.NextDouble(), 1.5));
        _referrer[index] = -1;
        if (index < _founders)
        {
            // Founders were already customers in October: import their history, so they start at a level.
            var since = _firstDay.PlusDays(-39).AtStartOfDayInZone(_zone).ToInstant();
            _network.AddMember(member, since);
            _attachment.Add(index);
            _memberGrowth[index] = _growth.Enrol(member, since);
            var history = new GrowthActivity[2 + _random.Next(5)];
            for (var i = 0; i < history.Length; i++)
            {
                var amount = new Money(150m + _random.Next(750), Cny);
                history[i] = GrowthActivity.OrderCompleted(NextActivity(), member, since + Duration.FromDays(1 + (i * 5)) + RandomDuration(9 * 60, 21 * 60), amount);
            }

            // The imported history only sets the starting level; its events are not part of the simulated period.
            _memberGrowth[index] = _growth.Evaluate(_memberGrowth[index]!, history, at).State;
            _startingLevels[_memberGrowth[index]!.LevelIndex]++;
            _joined++;
            return;
        }

        if (_random.Next(50) == 0)
        {
            _network.AddMember(member, at);
        }
        else
        {
            // Preferential attachment: a member who already referred many is more likely to refer the next one.
            var referrer = _attachment[_random.Next(_attachment.Count)];
            _network.AddMember(member, Id(referrer), at);
            _referrer[index] = referrer;
            _directReferrals[referrer]++;
            _attachment.Add(referrer);
        }

        _attachment.Add(index);
        _memberGrowth[index] = _growth.Enrol(member, at);
        _joined++;
    }

    private void EndOfDay(Instant dayEnd)
    {
        foreach (var closed in _groups.CloseDue(dayEnd))
        {
            HandleGroupEvents(_groups.GetSnapshot(closed.GroupId).RuleName, closed.Events);
        }

        Count(_ledger.Release(dayEnd));
    }
}
