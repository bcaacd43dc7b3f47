using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Extensions.Telemetry;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Telemetry;

// Meters and activity sources are process-wide: these tests must not run in parallel with each other.
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 12, 0);

    private static ReferralNetwork Chain(int length)
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var i = 2; i <= length; i++)
        {
            network.AddMember(new MemberId(i), new MemberId(i - 1), At);
        }

        return network;
    }

    private static ServiceProvider Provider(Action<ISocialCommerceBuilder> register, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs));
        }

        register(services.AddSocialCommerce());
        return services.BuildServiceProvider();
    }

    // Other test classes build their own containers (and meters of the same name) in parallel: listen to this container's meter only.
    private static (MeterListener Listener, ConcurrentDictionary<string, decimal> Totals) Listen(IServiceProvider provider)
    {
        var meter = ((SocialCommerceInstrumentation)provider.GetRequiredService<SocialCommerce.Telemetry.SocialCommerceListener>()).Meter;
        var totals = new ConcurrentDictionary<string, decimal>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Meter.Name == SocialCommerceTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => totals.AddOrUpdate(Key(i, tags), v, (_, t) => t + v));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => totals.AddOrUpdate(Key(i, tags), v, (_, t) => t + v));
        listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => totals.AddOrUpdate(Key(i, tags), v, (_, t) => t + v));
        listener.Start();
        return (listener, totals);
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key is SocialCommerceTelemetryTags.Currency or SocialCommerceTelemetryTags.FindingCode or SocialCommerceTelemetryTags.Event or SocialCommerceTelemetryTags.Refusal or SocialCommerceTelemetryTags.Operation or SocialCommerceTelemetryTags.EntryKind)
            {
                return $"{instrument.Name}[{tag.Value}]";
            }
        }

        return instrument.Name;
    }

    [Fact]
    public void A_quote_emits_sales_amount_lines_and_compliance_metrics()
    {
        var plan = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Build();
        using var provider = Provider(b => b.AddCommissionPlan(plan).UseComplianceProfile(ComplianceProfiles.ChinaDirectSelling with { Mode = ComplianceMode.Audit }));
        var engine = provider.GetRequiredService<CommissionEngine>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            engine.Quote(new Sale("S-1", new MemberId(3), At, Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(199.00m, Currency.CNY))]), Chain(3));
        }

        Assert.Equal(1m, totals["socialcommerce.commission.sales_quoted"]);
        Assert.Equal(2985m, totals["socialcommerce.commission.amount_quoted[CNY]"]); // minor units
        Assert.Equal(2m, totals["socialcommerce.commission.lines"]);
        // Audit mode under a paid-depth-1 profile: the level-2 line is reported, not removed.
        Assert.Equal(1m, totals[$"socialcommerce.compliance.findings[{ComplianceCodes.SaleLineBeyondPaidDepth}]"]);
    }

    [Fact]
    public void Wallet_coupon_and_mall_commands_count_by_operation_and_points_moved_by_entry_kind()
    {
        using var provider = Provider(_ => { });
        var telemetry = provider.GetRequiredService<SocialCommerce.Telemetry.SocialCommerceListener>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var wallet = new SocialCommerce.Points.PointsWallet();
            telemetry.OnPoints(new SocialCommerce.Telemetry.PointsArguments("earn", wallet.Earn(new SocialCommerce.Points.PointsEarning("L-1", SocialCommerce.Points.PointsSource.Task, 500, At))));
            telemetry.OnPoints(new SocialCommerce.Telemetry.PointsArguments("reserve", wallet.Reserve("O-1", 120, At)));
            telemetry.OnPoints(new SocialCommerce.Telemetry.PointsArguments("reserve", wallet.Reserve("O-2", 9_999, At)));
            var stock = new SocialCommerce.Points.MallStock(SocialCommerce.Points.MallItem.Create("mug", new SocialCommerce.Points.MallItemOptions { Points = 100, Quota = 5 }));
            telemetry.OnMall(new SocialCommerce.Telemetry.MallArguments("mug", "redeem", stock.Redeem("M-1", new MemberId(1), 1, wallet, At)));
            var template = new SocialCommerce.Coupons.CouponTemplate("flash", SocialCommerce.Checkout.CouponOffer.AmountOff(new Money(10m, Currency.CNY)), 5, 1, SocialCommerce.Coupons.CouponValidity.DaysFromIssue(3));
            var issuance = new SocialCommerce.Coupons.CouponIssuance(template);
            telemetry.OnCoupon(new SocialCommerce.Telemetry.CouponArguments("flash", "issue", issuance.Issue("C-1", new MemberId(1), At, false, out _)));
        }

        Assert.Equal(1m, totals["socialcommerce.points.operations[earn]"]);
        Assert.Equal(2m, totals["socialcommerce.points.operations[reserve]"]);
        Assert.Equal(500m, totals["socialcommerce.points.moved[Earned]"]);
        Assert.Equal(220m, totals["socialcommerce.points.moved[Reserved]"]);   // the order's 120 and the mug's 100
        Assert.Equal(1m, totals["socialcommerce.mall.operations[redeem]"]);
        Assert.Equal(1m, totals["socialcommerce.coupon.operations[issue]"]);
    }

    [Fact]
    public void A_truncated_quote_counts_the_truncated_line()
    {
        var plan = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10)).Rule("deep").Build(new CommissionRuleCatalog().Add(new DeepBonus()));
        using var provider = Provider(b => b.UseComplianceProfile(ComplianceProfiles.TwoLevelDistribution).AddCommissionPlan(plan).AddCommissionRule<DeepBonus>());
        var engine = provider.GetRequiredService<CommissionEngine>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var quote = engine.Quote(new Sale("S-9", new MemberId(5), At, Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(100m, Currency.CNY))]), Chain(5));
            Assert.Single(quote.Lines);
        }

        Assert.Equal(1m, totals["socialcommerce.compliance.lines_truncated"]);
    }

    [Fact]
    public void Invitations_and_referral_rewards_count_their_events_and_refusals()
    {
        var rule = SocialCommerce.Invitations.BargainRule.Create("cut", new SocialCommerce.Invitations.BargainRuleOptions { StartPrice = new Money(10m, Currency.CNY), Floor = new Money(1m, Currency.CNY), Helpers = 2 });
        var referral = SocialCommerce.Invitations.ReferralRewardRule.Create("first", new SocialCommerce.Invitations.ReferralRewardRuleOptions
        {
            MinimumPurchase = new Money(1m, Currency.CNY),
            InviterReward = SocialCommerce.Invitations.ReferralRewardValue.PointsOf(10),
        });
        using var provider = Provider(b => b.AddInvitationRule(rule).UseReferralRewards(referral));
        var book = provider.GetRequiredService<SocialCommerce.Invitations.InvitationBook>();
        var rewards = provider.GetRequiredService<SocialCommerce.Invitations.ReferralRewardBook>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var id = book.Open("cut", new MemberId(1), At).InvitationId;
            book.Help(id, new MemberId(1), At);
            book.Help(id, new MemberId(2), At);
            book.Help(id, new MemberId(3), At);
            var sale = new Sale("S-1", new MemberId(2), At, Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(5m, Currency.CNY))]);
            rewards.Claim(sale, new NetworkMember(new MemberId(2), new MemberId(1), At));
            rewards.Claim(sale, new NetworkMember(new MemberId(2), new MemberId(1), At)); // a duplicate counts nothing
            rewards.Earn("S-1", At);
            rewards.Earn("S-2", At);
        }

        Assert.Equal(1m, totals["socialcommerce.invitation.events[opened]"]);
        Assert.Equal(2m, totals["socialcommerce.invitation.events[helped]"]);
        Assert.Equal(1m, totals["socialcommerce.invitation.events[completed]"]);
        Assert.Equal(1m, totals["socialcommerce.invitation.events[OwnerHelping]"]);
        Assert.Equal(1m, totals["socialcommerce.referral.events[claimed]"]);
        Assert.Equal(1m, totals["socialcommerce.referral.events[earned]"]);
        Assert.Equal(1m, totals["socialcommerce.referral.events[NotClaimedBySale]"]);
    }

    [Fact]
    public void The_ledger_counts_operations_by_outcome_and_the_amounts_its_entries_moved()
    {
        using var provider = Provider(_ => { });
        var ledger = new CommissionLedger(listener: provider.GetRequiredService<SocialCommerce.Telemetry.SocialCommerceListener>());
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var sale = new LedgerSale("S-1", new MemberId(2), At, Currency.CNY, [new LedgerSaleLine(1, new Money(100m, Currency.CNY))], [new LedgerEarning(new MemberId(1), 1, 0, new Money(10m, Currency.CNY))], Duration.FromDays(7));
            ledger.Post(sale);
            ledger.Post(sale); // a duplicate
            ledger.Complete("S-1", At + Duration.FromDays(1));
            ledger.Release(At + Duration.FromDays(8));
            ledger.Withdraw(new LedgerWithdrawal("W-1", new MemberId(1), new Money(4m, Currency.CNY), At + Duration.FromDays(9)));
            ledger.Refund(LedgerRefund.Full("R-1", "S-1", At + Duration.FromDays(10)));
            ledger.Refund(LedgerRefund.Full("R-2", "S-404", At + Duration.FromDays(10)));
        }

        Assert.Equal(2m, totals["socialcommerce.ledger.operations[post]"]);
        Assert.Equal(2m, totals["socialcommerce.ledger.operations[refund]"]);
        Assert.Equal(1m, totals["socialcommerce.ledger.operations[withdraw]"]);
        Assert.Equal(1000m, totals[$"socialcommerce.ledger.amount[{LedgerEntryKind.Earned}]"]);
        Assert.Equal(400m, totals[$"socialcommerce.ledger.amount[{LedgerEntryKind.Withdrawn}]"]);
    }

    [Fact]
    public void A_formed_group_emits_opened_and_formed()
    {
        var rule = GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(24)).AddTier(2, 9.90m).Build();
        using var provider = Provider(b => b.AddGroupBuyRule(rule));
        var book = provider.GetRequiredService<GroupBuyBook>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var opened = book.Open("duo", new MemberId(1), At);
            book.Join(opened.GroupId, new MemberId(2), At + Duration.FromMinutes(5));
        }

        Assert.Equal(1m, totals["socialcommerce.groupbuy.groups_opened"]);
        Assert.Equal(1m, totals["socialcommerce.groupbuy.groups_formed"]);
        Assert.False(totals.ContainsKey("socialcommerce.groupbuy.groups_failed"));
    }

    [Fact]
    public void A_seat_left_before_formation_and_one_refunded_after_are_counted()
    {
        var rule = GroupBuyRule.Create("trio", Currency.CNY).RequireParticipants(3).WithTimeLimit(Duration.FromHours(24)).AddTier(3, 9.90m).Build();
        using var provider = Provider(b => b.AddGroupBuyRule(rule));
        var book = provider.GetRequiredService<GroupBuyBook>();
        var (listener, totals) = Listen(provider);
        using (listener)
        {
            var id = book.Open("trio", new MemberId(1), At).GroupId;
            book.Join(id, new MemberId(2), At + Duration.FromMinutes(1));
            book.Leave(id, new MemberId(1), At + Duration.FromMinutes(2));
            book.Join(id, new MemberId(3), At + Duration.FromMinutes(3));
            book.Join(id, new MemberId(4), At + Duration.FromMinutes(4));
            book.RefundSeat(id, new MemberId(3), At + Duration.FromDays(1));
        }

        Assert.Equal(1m, totals["socialcommerce.groupbuy.seats_left"]);
        Assert.Equal(1m, totals["socialcommerce.groupbuy.seats_refunded"]);
        Assert.Equal(1m, totals["socialcommerce.groupbuy.groups_formed"]);
    }

    [Fact]
    public void Quoting_and_auditing_are_traced()
    {
        var plan = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10)).Build();
        using var provider = Provider(b => b.AddCommissionPlan(plan));
        var stopped = new List<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SocialCommerceTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a.OperationName); } },
        };
        ActivitySource.AddActivityListener(activities);

        var network = Chain(2);
        provider.GetRequiredService<CommissionEngine>().Quote(new Sale("S-1", new MemberId(2), At, Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(10m, Currency.CNY))]), network);
        ComplianceProfiles.ChinaSocialCommerce.AuditNetwork(network, listener: provider.GetRequiredService<SocialCommerce.Telemetry.SocialCommerceListener>());

        lock (stopped)
        {
            Assert.Contains("socialcommerce.quote", stopped);
            Assert.Contains("socialcommerce.audit", stopped);
        }
    }

    [Fact]
    public void Compliance_adjustments_and_group_refusals_are_logged_with_event_ids()
    {
        var logs = new CapturingLoggerProvider();
        var plan = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10)).Rule("deep").Build(new CommissionRuleCatalog().Add(new DeepBonus()));
        var rule = GroupBuyRule.Create("duo", Currency.CNY).RequireParticipants(2).WithTimeLimit(Duration.FromHours(24)).AddTier(2, 9.90m).Build();
        using var provider = Provider(b => b.UseComplianceProfile(ComplianceProfiles.TwoLevelDistribution).AddCommissionPlan(plan).AddCommissionRule<DeepBonus>().AddGroupBuyRule(rule), logs);

        provider.GetRequiredService<CommissionEngine>().Quote(new Sale("S-7", new MemberId(5), At, Currency.CNY, [new SaleLine("SKU", "tea", 1, new Money(100m, Currency.CNY))]), Chain(5));
        var book = provider.GetRequiredService<GroupBuyBook>();
        var opened = book.Open("duo", new MemberId(1), At);
        book.Join(opened.GroupId, new MemberId(1), At);

        var adjusted = Assert.Single(logs.Entries, e => e.Id == 1101);
        Assert.Equal(LogLevel.Warning, adjusted.Level);
        Assert.Contains("S-7", adjusted.Message);
        Assert.Contains(ComplianceCodes.SaleLineBeyondPaidDepth, adjusted.Message);
        Assert.Contains(logs.Entries, e => e.Id == 1301 && e.Message.Contains("duo", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_finding_of_an_accepted_plan_is_logged_at_start_with_its_code_severity_and_citation()
    {
        var logs = new CapturingLoggerProvider();
        var plan = CommissionPlan.CreateBuilder("short-window", Currency.CNY).Levels(Rate.Percent(10)).ReturnWindow(Duration.FromDays(3)).Build();
        using var provider = Provider(b => b.UseComplianceProfile(ComplianceProfiles.ChinaSocialCommerce).AddCommissionPlan(plan), logs);

        Assert.NotNull(provider.GetRequiredService<CommissionEngine>());

        var finding = Assert.Single(logs.Entries, e => e.Id == 1003 && e.Message.Contains(ComplianceCodes.PlanReturnWindowShort, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, finding.Level);
        Assert.Contains("short-window", finding.Message);
        Assert.Contains("Warning", finding.Message);
        Assert.Contains("(", finding.Message); // the citation follows the message
    }

    /// <summary>A hostile host rule: pays 5 % to the level-4 upline, beyond a two-level profile.</summary>
    public sealed class DeepBonus : ICommissionRule
    {
        public string Name => "deep";

        public void Apply(CommissionRuleContext context)
        {
            if (context.TryGetUpline(4, out var member))
            {
                var lineBase = context.GetLineBase(0);
                context.Add(new CommissionLine { Beneficiary = member, Level = 4, SaleLineIndex = 0, Base = lineBase, Rate = Rate.Percent(5), Amount = Rate.Percent(5).ApplyTo(lineBase) });
            }
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentBag<(int Id, LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Add((eventId.Id, logLevel, formatter(state, exception)));
        }
    }
}
