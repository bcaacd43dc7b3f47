using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
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
internal sealed class ShopSimulation
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
    /// <exception cref="InvalidOperationException">Money was not conserved or the ledger does not reconcile.</exception>
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

    private void Buy(int buyer, Instant at)
    {
        var count = 1 + _random.Next(3);
        var lines = new SaleLine[count];
        for (var i = 0; i < count; i++)
        {
            var (id, category, price) = Catalogue[_random.Next(Catalogue.Length)];
            var quantity = _random.Next(4) == 0 ? 2 + _random.Next(2) : 1;
            lines[i] = new SaleLine(id, category, quantity, new Money(price * quantity, Cny));
        }

        var sale = new Sale(string.Create(CultureInfo.InvariantCulture, $"S{_sales + 1:D6}"), Id(buyer), at, Cny, lines);
        PostSale(sale, allowRefunds: true);
    }

    private void PostSale(Sale sale, bool allowRefunds)
    {
        // Quote with the engine, book the quote as it is: the ledger keeps the quote's beneficiaries and amounts.
        var quote = _engine.Quote(sale, _network);
        _sales++;
        _base += quote.Base;
        _pooled += quote.Pool;
        _residual += quote.Residual;
        _quoted += quote.Total;
        var posted = _ledger.Post(LedgerSale.FromQuote(sale, quote, _plan));
        if (!posted.IsApplied)
        {
            throw new InvalidOperationException($"The ledger refused sale {sale.Id}: {posted.Message}");
        }

        foreach (var entry in posted.GetEntries())
        {
            _booked += entry.Amount;
            var beneficiary = Index(entry.Member);
            if (!_hasEarned[beneficiary])
            {
                _hasEarned[beneficiary] = true;
                _earners.Add(beneficiary);
            }
        }

        var record = new SaleRecord(sale);
        var completeAt = sale.PaidAt + Duration.FromDays(2 + _random.Next(3)) + RandomDuration(0, 8 * 60);
        Schedule(completeAt, () => Complete(record, completeAt));
        if (!allowRefunds)
        {
            return;
        }

        var draw = _random.NextDouble();
        var window = _plan.ReturnWindow;
        if (draw < 0.03)
        {
            // Cancelled before delivery: a full refund while the commission is still pending.
            var at = sale.PaidAt + RandomDuration(60, 20 * 60);
            Schedule(at, () => RefundFull(record, at, "full before completion"));
        }
        else if (draw < 0.05)
        {
            // One unit of the first line comes back inside the return window.
            var at = completeAt + Duration.FromDays(1 + _random.Next(3));
            Schedule(at, () => Refund(record, LedgerRefund.ForLines("R-" + sale.Id, sale.Id, at, [new LedgerRefundLine(0, 1)]), "partial (one unit) in the window"));
        }
        else if (draw < 0.065)
        {
            // A goodwill refund of 30 % after the commission was released: clawed back, as debt if already withdrawn.
            var at = completeAt + window + Duration.FromDays(1 + _random.Next(3));
            var amount = Rate.Percent(30).ApplyTo(Total(sale)).Round(RoundingMode.TowardZero);
            Schedule(at, () => Refund(record, LedgerRefund.ForAmount("R-" + sale.Id, sale.Id, at, amount), "partial (30 %) after release"));
        }
        else if (draw < 0.075)
        {
            var at = completeAt + Duration.FromDays(2);
            Schedule(at, () => RefundFull(record, at, "full in the window"));
        }
    }

    private static Money Total(Sale sale)
    {
        var total = Money.Zero(sale.Currency);
        foreach (var line in sale.Lines)
        {
            total += line.PaidAmount;
        }

        return total;
    }

    private void Complete(SaleRecord record, Instant at)
    {
        if (record.FullyRefunded)
        {
            return;
        }

        Count(_ledger.Complete(record.Sale.Id, at));
        _completed++;
        var buyer = Index(record.Sale.Buyer);
        var amount = Total(record.Sale);
        var activity = NextActivity();
        record.Completion = activity;
        Buffer(buyer, GrowthActivity.OrderCompleted(activity, record.Sale.Buyer, at, amount));
        if (!_hasCompletedOrder[buyer])
        {
            _hasCompletedOrder[buyer] = true;
            if (_referrer[buyer] >= 0)
            {
                Buffer(_referrer[buyer], GrowthActivity.ReferredFirstOrder(NextActivity(), Id(_referrer[buyer]), at, record.Sale.Buyer, amount));
            }
        }
    }

    private void RefundFull(SaleRecord record, Instant at, string kind)
    {
        Refund(record, LedgerRefund.Full("R-" + record.Sale.Id, record.Sale.Id, at), kind);
        record.FullyRefunded = true;
        if (record.Completion is { } completion)
        {
            Buffer(Index(record.Sale.Buyer), GrowthActivity.OrderRefunded(NextActivity(), record.Sale.Buyer, at, completion));
        }
    }

    private void Refund(SaleRecord record, LedgerRefund refund, string kind)
    {
        if (record.FullyRefunded)
        {
            return;
        }

        if (Count(_ledger.Refund(refund)))
        {
            _refunds[kind] = _refunds.GetValueOrDefault(kind) + 1;
        }
    }

    private bool Count(LedgerResult result)
    {
        if (result.IsApplied)
        {
            return true;
        }

        var key = $"{result.Outcome} {result.Refusal}";
        _ledgerRefusals[key] = _ledgerRefusals.GetValueOrDefault(key) + 1;
        return false;
    }

    private void WithdrawalRound(Instant at)
    {
        // Once a week some members cash out whole yuan of what is available (minimum ¥10, 0.6 % fee).
        foreach (var index in _earners)
        {
            var available = _ledger.GetBalance(Id(index), Cny).Available;
            if (available.Amount < 20m || _random.Next(2) == 0)
            {
                continue;
            }

            var withdrawalId = string.Create(CultureInfo.InvariantCulture, $"W{_withdrawals + 1:D5}");
            var withdrawn = _ledger.Withdraw(new LedgerWithdrawal(withdrawalId, Id(index), new Money(decimal.Floor(available.Amount), Cny), at));
            if (Count(withdrawn.Result))
            {
                _withdrawals++;
            }
        }
    }

    private void OpenGroup(int leader, Instant at)
    {
        var rule = _random.Next(2) == 0 ? "trio-tea" : "family-rice";
        var opened = _groups.Open(rule, Id(leader), at);
        if (!opened.IsAccepted)
        {
            _joinRefusals[opened.Refusal] = _joinRefusals.GetValueOrDefault(opened.Refusal) + 1;
            return;
        }

        _groupsOpened++;
        var group = opened.GroupId;

        // The leader shares the group: friends (direct referrals, the referrer) and strangers try to join,
        // some after the 24-hour deadline, a few twice, occasionally one too many.
        var capacity = _groups.GetRule(rule).Capacity;
        var attempts = _random.Next(capacity + 1);
        var offsets = new int[attempts];
        for (var i = 0; i < attempts; i++)
        {
            offsets[i] = _random.Next(5, 26 * 60);
        }

        Array.Sort(offsets);
        var friends = _network.GetDirectReferrals(Id(leader));
        foreach (var offset in offsets)
        {
            var joiner = _random.Next(10) < 6 && friends.Count > 0
                ? Index(friends[_random.Next(friends.Count)])
                : _random.Next(10) < 2 && _referrer[leader] >= 0 ? _referrer[leader] : _random.Next(_joined);
            var joinAt = at + Duration.FromMinutes(offset);
            Schedule(joinAt, () => JoinGroup(group, rule, joiner, joinAt));
        }
    }

    private void JoinGroup(GroupBuyId group, string rule, int member, Instant at)
    {
        var result = _groups.Join(group, Id(member), at);
        if (!result.IsAccepted)
        {
            _joinRefusals[result.Refusal] = _joinRefusals.GetValueOrDefault(result.Refusal) + 1;
            return;
        }

        _groupJoins++;
        HandleGroupEvents(rule, result.Events);
    }

    private void HandleGroupEvents(string rule, IReadOnlyList<GroupBuyEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case GroupFormed formed:
                    _groupsFormed++;
                    if (formed.FinalParticipants < _groups.GetRule(rule).Capacity)
                    {
                        if (_groupsFormedAtDeadline++ == 0)
                        {
                            _groupExamples.Add((rule, formed));
                        }
                    }
                    else if (_groupsFormed - _groupsFormedAtDeadline == 1)
                    {
                        _groupExamples.Add((rule, formed));
                    }

                    // Each participant's final price is a sale that earns commissions for its uplines.
                    foreach (var settlement in formed.Settlements)
                    {
                        if (settlement.Price.IsZero)
                        {
                            continue;
                        }

                        _groupSales++;
                        var id = string.Create(CultureInfo.InvariantCulture, $"G{formed.GroupId.Value}-{settlement.Member.Value}");
                        PostSale(new Sale(id, settlement.Member, formed.At, Cny, [new SaleLine("GROUP-" + rule, "group-buy", 1, settlement.Price)]), allowRefunds: false);
                    }

                    break;
                case GroupFailed failed:
                    _groupsFailed++;
                    if (_groupsFailed == 1)
                    {
                        _groupExamples.Add((rule, failed));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void OpenCommunityBatch(int day, Instant at)
    {
        // The member with the most direct referrals leads a neighbourhood batch delivered three days later;
        // orders close at 23:00 Asia/Shanghai the evening before delivery.
        var leader = 0;
        for (var i = 1; i < _joined; i++)
        {
            if (_directReferrals[i] > _directReferrals[leader])
            {
                leader = i;
            }
        }

        var orders = Math.Clamp(_joined / 4, 12, 80);
        var rule = new CommunityBatchRule(_zone, new LocalTime(23, 0), 1, Rate.Percent(10));
        _batch = new CommunityBatch(
            string.Create(CultureInfo.InvariantCulture, $"batch-{_firstDay.PlusDays(day + 3):yyyy-MM-dd}"),
            Id(leader),
            _firstDay.PlusDays(day + 3),
            rule,
            [
                new CommunityProduct("EGGS-30", new Money(19.99m, Cny), minimumQuantity: Math.Max(3, orders / 3), perMemberLimit: 2),
                new CommunityProduct("DURIAN-BOX", new Money(89.00m, Cny), minimumQuantity: orders),
            ]);
        var batch = _batch;
        var span = (int)(batch.CutOff - at).TotalMinutes;
        for (var o = 0; o < orders; o++)
        {
            var member = _random.Next(_joined);
            var orderId = string.Create(CultureInfo.InvariantCulture, $"{batch.Id}-o{o + 1}");
            CommunityOrderLine[] lines = _random.Next(5) == 0
                ? [new("EGGS-30", 1 + _random.Next(2)), new("DURIAN-BOX", 1)]
                : [new("EGGS-30", 1 + _random.Next(2))];
            var orderAt = at + Duration.FromMinutes(_random.Next(1, span + 120));
            Schedule(orderAt, () =>
            {
                var placed = batch.PlaceOrder(orderId, Id(member), lines, orderAt);
                if (placed.IsAccepted)
                {
                    _batchOrdersAccepted++;
                }
                else if (placed.Message is { } message)
                {
                    _batchRefusals.Add(message);
                }
            });
        }

        Schedule(batch.CutOff, () => CloseCommunityBatch(batch));
    }

    private void CloseCommunityBatch(CommunityBatch batch)
    {
        var closed = batch.CloseAtCutOff(batch.CutOff);
        _batchSettlement = closed.Settlement;
        if (_batchSettlement is null)
        {
            return;
        }

        // Confirmed lines are paid sales, one per order; refunded lines never earned anything.
        var byOrder = new SortedDictionary<string, List<SaleLine>>(StringComparer.Ordinal);
        var buyers = new Dictionary<string, MemberId>(StringComparer.Ordinal);
        foreach (var line in _batchSettlement.Lines)
        {
            if (!line.IsConfirmed)
            {
                continue;
            }

            if (!byOrder.TryGetValue(line.OrderId, out var lines))
            {
                byOrder[line.OrderId] = lines = [];
                buyers[line.OrderId] = line.Member;
            }

            lines.Add(new SaleLine(line.ProductId, "fresh", line.Quantity, line.Amount));
        }

        foreach (var (orderId, lines) in byOrder)
        {
            _communitySales++;
            PostSale(new Sale(orderId, buyers[orderId], batch.CutOff, Cny, lines), allowRefunds: false);
        }
    }

    private void EndOfDay(Instant dayEnd)
    {
        foreach (var closed in _groups.CloseDue(dayEnd))
        {
            HandleGroupEvents(_groups.GetSnapshot(closed.GroupId).RuleName, closed.Events);
        }

        Count(_ledger.Release(dayEnd));
    }

    private void EvaluateGrowth(Instant asOf)
    {
        // A weekly batch: each member's activities of the week, in time order. Evaluate copies the member's
        // state (its whole activity history) on every call, so fewer, larger batches are much cheaper.
        _growthTouched.Sort();
        foreach (var index in _growthTouched)
        {
            var activities = _growthBuffer[index]!;
            activities.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
            _growthActivities += activities.Count;
            Apply(_growth.Evaluate(_memberGrowth[index]!, CollectionsMarshal.AsSpan(activities), asOf));
            activities.Clear();
        }

        _growthTouched.Clear();
    }

    private ActivityId NextActivity() => new(_nextActivity++);

    private void Buffer(int member, GrowthActivity activity)
    {
        var list = _growthBuffer[member] ??= [];
        if (list.Count == 0)
        {
            _growthTouched.Add(member);
        }

        list.Add(activity);
    }

    private void Apply(GrowthEvaluation evaluation)
    {
        _memberGrowth[Index(evaluation.State.Member)] = evaluation.State;
        foreach (var e in evaluation.Events)
        {
            switch (e)
            {
                case LevelPromoted up:
                    Increment(_promotions, $"{up.From.Name} -> {up.To.Name}");
                    break;
                case LevelDemoted down:
                    Increment(_demotions, $"{down.From.Name} -> {down.To.Name} ({down.Reason})");
                    if (_demotionExample is null || (_demotionExample.Reason != DemotionReason.KeepUpNotMet && down.Reason == DemotionReason.KeepUpNotMet))
                    {
                        _demotionExample = down;
                    }
                    break;
                case HonourAwarded awarded:
                    Increment(_honours, $"{awarded.Honour.Name} / {awarded.Honour.Tier}");
                    break;
                case HonourExpired:
                    _honoursExpired++;
                    break;
                default:
                    break;
            }
        }
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private SimulationReport BuildReport(Instant end)
    {
        var checks = new List<string>();
        var totals = Reconcile(checks);

        // Top earners by what they earned (booked), ties to the older member.
        var ranked = new List<(Money Booked, int Index)>();
        foreach (var index in _earners)
        {
            ranked.Add((_ledger.GetBalance(Id(index), Cny).Booked, index));
        }

        ranked.Sort(static (a, b) => a.Booked != b.Booked ? b.Booked.CompareTo(a.Booked) : a.Index.CompareTo(b.Index));
        var top = new List<EarnerStatement>();
        for (var i = 0; i < ranked.Count && i < 3; i++)
        {
            var member = Id(ranked[i].Index);
            var entries = _ledger.GetEntries(member);
            var first = new List<LedgerEntry>();
            for (var e = 0; e < entries.Count && e < 6; e++)
            {
                first.Add(entries[e]);
            }

            top.Add(new EarnerStatement(
                member,
                _network.GetDepth(member),
                _directReferrals[ranked[i].Index],
                _network.GetDownlineSize(member),
                _ledger.GetBalance(member, Cny),
                entries.Count,
                first));
        }

        var levels = new int[_growth.Ladder.Levels.Count];
        var maxDepth = 0;
        for (var i = 0; i < _joined; i++)
        {
            levels[_memberGrowth[i]!.LevelIndex]++;
            maxDepth = Math.Max(maxDepth, _network.GetDepth(Id(i)));
        }

        var stillOpen = 0;
        foreach (var rule in (string[])["trio-tea", "family-rice"])
        {
            stillOpen += _groups.GetOpenGroups(rule).Count;
        }

        return new SimulationReport
        {
            Options = _options,
            Zone = _zone,
            Start = DayStart(0),
            End = end,
            Members = _joined,
            Founders = _founders,
            MaxDepth = maxDepth,
            Plan = _plan,
            ProfileName = _engine.Compliance?.Name ?? "none",
            PlanFindings = _engine.PlanFindings,
            Sales = _sales,
            GroupSales = _groupSales,
            CommunitySales = _communitySales,
            SalesBase = _base,
            TotalQuoted = _quoted,
            TotalBooked = _booked,
            TotalPooled = _pooled,
            CompletedSales = _completed,
            Refunds = _refunds,
            LedgerRefusals = _ledgerRefusals,
            Withdrawals = _withdrawals,
            LedgerTotals = totals,
            Earners = _earners.Count,
            TopEarners = top,
            Checks = checks,
            GroupsOpened = _groupsOpened,
            GroupsFormed = _groupsFormed,
            GroupsFormedAtDeadline = _groupsFormedAtDeadline,
            GroupsFailed = _groupsFailed,
            GroupsStillOpen = stillOpen,
            GroupJoins = _groupJoins,
            JoinRefusals = _joinRefusals,
            GroupExamples = _groupExamples,
            Batch = _batch,
            BatchSettlement = _batchSettlement,
            BatchOrdersAccepted = _batchOrdersAccepted,
            BatchRefusals = _batchRefusals,
            Ladder = _growth.Ladder,
            LevelCounts = levels,
            FounderStartingLevels = _startingLevels,
            Promotions = _promotions,
            Demotions = _demotions,
            DemotionExample = _demotionExample,
            HonoursAwarded = _honours,
            HonoursExpired = _honoursExpired,
            GrowthActivities = _growthActivities,
            Audit = ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(_network, _plan.ToPlanFacts()),
        };
    }

    /// <summary>Checks that no money was created or lost, and returns the ledger's totals over every member.</summary>
    private LedgerBalance Reconcile(List<string> checks)
    {
        var zero = Money.Zero(Cny);
        LedgerBalance sum = new(new MemberId(0), Cny, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero);
        var accounts = 0;
        foreach (var index in _earners)
        {
            var b = _ledger.GetBalance(Id(index), Cny);
            var held = b.Pending + b.Frozen + b.Available + b.Withdrawn - b.ClawbackDebt;
            var net = b.Booked - b.Reversed + b.WrittenOff + b.Forgiven;
            if (held != net)
            {
                throw new InvalidOperationException($"Ledger does not reconcile for member {b.Member}: pending + frozen + available + withdrawn - debt = {held}, booked - reversed + written off + forgiven = {net}.");
            }

            accounts++;
            sum = sum with
            {
                Pending = sum.Pending + b.Pending,
                Frozen = sum.Frozen + b.Frozen,
                Available = sum.Available + b.Available,
                Withdrawn = sum.Withdrawn + b.Withdrawn,
                WithdrawalFees = sum.WithdrawalFees + b.WithdrawalFees,
                ClawbackDebt = sum.ClawbackDebt + b.ClawbackDebt,
                WrittenOff = sum.WrittenOff + b.WrittenOff,
                Forgiven = sum.Forgiven + b.Forgiven,
                Booked = sum.Booked + b.Booked,
                Reversed = sum.Reversed + b.Reversed,
            };
        }

        checks.Add($"every account reconciles ({accounts:N0} accounts): pending + frozen + available + withdrawn - debt = booked - reversed + written off + forgiven");

        if (_quoted != _booked)
        {
            throw new InvalidOperationException($"Money not conserved: the engine quoted {_quoted} but the ledger booked {_booked}.");
        }

        if (sum.Booked != _booked)
        {
            throw new InvalidOperationException($"Money not conserved: the ledger booked {_booked} but the accounts show {sum.Booked}.");
        }

        checks.Add($"total quoted {_quoted} = total booked {_booked} = sum of accounts' booked {sum.Booked}");

        if (_quoted + _residual != _pooled)
        {
            throw new InvalidOperationException($"Quotes do not add up: paid {_quoted} + kept by the platform {_residual} != pool {_pooled}.");
        }

        checks.Add($"every quote adds up: paid {_quoted} + kept by the platform {_residual} = pool {_pooled}");

        var earned = zero;
        var reversed = zero;
        foreach (var entry in _ledger.GetEntries())
        {
            if (entry.Kind == LedgerEntryKind.Earned)
            {
                earned += entry.Amount;
            }
            else if (entry.Kind is LedgerEntryKind.Cancelled or LedgerEntryKind.Clawback)
            {
                reversed -= entry.Amount;
            }
        }

        if (earned != _booked || reversed != sum.Reversed)
        {
            throw new InvalidOperationException($"The ledger's entries do not match its balances: earned {earned} vs booked {_booked}, reversed {reversed} vs {sum.Reversed}.");
        }

        checks.Add($"the ledger's entries replay to the balances: earned {earned}, reversed {reversed}");
        return sum;
    }

    /// <summary>A sale the simulation booked, with what happened to it since.</summary>
    private sealed class SaleRecord(Sale sale)
    {
        public Sale Sale { get; } = sale;

        public ActivityId? Completion { get; set; }

        public bool FullyRefunded { get; set; }
    }
}
