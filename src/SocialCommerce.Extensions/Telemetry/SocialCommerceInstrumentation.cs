using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Extensions.Telemetry;

/// <summary>
/// The listener the container gives the engines: maps what they report to the SDK's <see cref="Meter"/>,
/// <see cref="ActivitySource"/> and, where a logger factory is registered, <see cref="ILogger"/>.
/// Every instrument is checked for listeners before any tag is built, so nothing is spent while nobody listens.
/// </summary>
internal sealed partial class SocialCommerceInstrumentation : SocialCommerceListener, IDisposable
{
    private static readonly ActivitySource Source = new(SocialCommerceTelemetry.ActivitySourceName, typeof(SocialCommerceInstrumentation).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ILogger _logger;
    private readonly Counter<long> _salesQuoted;
    private readonly Counter<long> _amountQuoted;
    private readonly Histogram<int> _linesPerQuote;
    private readonly Counter<long> _linesTruncated;
    private readonly Counter<long> _linesCapped;
    private readonly Counter<long> _findings;
    private readonly Counter<long> _groupsOpened;
    private readonly Counter<long> _groupsFormed;
    private readonly Counter<long> _groupsFailed;
    private readonly Counter<long> _seatsLeft;
    private readonly Counter<long> _seatsRefunded;
    private readonly Counter<long> _productsConfirmed;
    private readonly Counter<long> _productsRefunded;
    private readonly Counter<long> _promotions;
    private readonly Counter<long> _demotions;
    private readonly Counter<long> _invitations;
    private readonly Counter<long> _ledgerOperations;
    private readonly Counter<long> _ledgerAmount;
    private readonly Counter<long> _referralRewards;
    private readonly Counter<long> _pointsOperations;
    private readonly Counter<long> _pointsMoved;
    private readonly Counter<long> _couponOperations;
    private readonly Counter<long> _mallOperations;

    public SocialCommerceInstrumentation(ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _logger = (ILogger?)loggerFactory?.CreateLogger("SocialCommerce") ?? NullLogger.Instance;
        // The host's IMeterFactory (registered by the generic host and AddMetrics) owns the meter when there is one, so
        // meters of two hosts in one process stay apart and the factory disposes them; otherwise the listener owns it.
        var version = typeof(SocialCommerceInstrumentation).Assembly.GetName().Version?.ToString();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(SocialCommerceTelemetry.MeterName) { Version = version }) ?? new Meter(SocialCommerceTelemetry.MeterName, version);
        _salesQuoted = _meter.CreateCounter<long>("socialcommerce.commission.sales_quoted", "{sale}", "Sales quoted by a commission engine.");
        // Minor units as long: exact, and exported by OpenTelemetry (which drops Counter<decimal>).
        _amountQuoted = _meter.CreateCounter<long>("socialcommerce.commission.amount_quoted", "{minor_unit}", "Commission amount quoted, in minor units of the currency (tag: currency; divide by 10^digits for the amount).");
        _linesPerQuote = _meter.CreateHistogram<int>("socialcommerce.commission.lines", "{line}", "Commission lines per quote.");
        _linesTruncated = _meter.CreateCounter<long>("socialcommerce.compliance.lines_truncated", "{line}", "Quote lines removed beyond the compliance profile's paid depth.");
        _linesCapped = _meter.CreateCounter<long>("socialcommerce.compliance.lines_capped", "{line}", "Quote lines scaled down to the compliance profile's payout ratio.");
        _findings = _meter.CreateCounter<long>("socialcommerce.compliance.findings", "{finding}", "Compliance findings by code, severity and scope.");
        _groupsOpened = _meter.CreateCounter<long>("socialcommerce.groupbuy.groups_opened", "{group}", "Group buys opened.");
        _groupsFormed = _meter.CreateCounter<long>("socialcommerce.groupbuy.groups_formed", "{group}", "Group buys formed.");
        _groupsFailed = _meter.CreateCounter<long>("socialcommerce.groupbuy.groups_failed", "{group}", "Group buys failed at the deadline.");
        _seatsLeft = _meter.CreateCounter<long>("socialcommerce.groupbuy.seats_left", "{seat}", "Seats given up before formation (tag handover: whether the leader left and the next joiner leads).");
        _seatsRefunded = _meter.CreateCounter<long>("socialcommerce.groupbuy.seats_refunded", "{seat}", "Seats refunded after formation; the group stays formed.");
        _productsConfirmed = _meter.CreateCounter<long>("socialcommerce.community.products_confirmed", "{product}", "Community batch products confirmed at the cut-off.");
        _productsRefunded = _meter.CreateCounter<long>("socialcommerce.community.products_refunded", "{product}", "Community batch products refunded at the cut-off.");
        _promotions = _meter.CreateCounter<long>("socialcommerce.growth.promotions", "{promotion}", "Members promoted a level.");
        _demotions = _meter.CreateCounter<long>("socialcommerce.growth.demotions", "{demotion}", "Members demoted by retention.");
        _ledgerOperations = _meter.CreateCounter<long>("socialcommerce.ledger.operations", "{operation}", "Commission-ledger operations by outcome (tags: operation, outcome).");
        _ledgerAmount = _meter.CreateCounter<long>("socialcommerce.ledger.amount", "{minor_unit}", "Amounts the ledger's entries moved, in minor units of the currency, by entry kind (earned, released, cancelled, clawed back, withdrawn...).");
        _invitations = _meter.CreateCounter<long>("socialcommerce.invitation.events", "{event}", "Invitation (bargain, assist) events and refusals (tags: rule, kind, event or refusal).");
        _referralRewards = _meter.CreateCounter<long>("socialcommerce.referral.events", "{event}", "Referral-reward events and refusals (tags: rule, event or refusal).");
        _pointsOperations = _meter.CreateCounter<long>("socialcommerce.points.operations", "{operation}", "Points-wallet commands by outcome (tags: operation, outcome, refusal).");
        _pointsMoved = _meter.CreateCounter<long>("socialcommerce.points.moved", "{point}", "Points the wallets' entries moved, by entry kind (earned, unfrozen, reserved, released, spent, returned, expired, taken back...).");
        _couponOperations = _meter.CreateCounter<long>("socialcommerce.coupon.operations", "{operation}", "Coupon commands by outcome (tags: rule = template, operation, outcome, refusal).");
        _mallOperations = _meter.CreateCounter<long>("socialcommerce.mall.operations", "{operation}", "Points-mall commands by outcome (tags: rule = item, operation, outcome, refusal).");
    }

    internal Meter Meter => _meter;

    public override IDisposable? StartOperation(string operation) => Source.StartActivity(operation);

    public override void OnQuoted(in QuotedArguments arguments)
    {
        var plan = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Plan, arguments.PlanName);
        if (_salesQuoted.Enabled)
        {
            _salesQuoted.Add(1, plan);
        }

        if (_amountQuoted.Enabled)
        {
            _amountQuoted.Add(arguments.Total.ToMinorUnits(), plan, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Currency, arguments.Total.Currency.Code));
        }

        if (_linesPerQuote.Enabled)
        {
            _linesPerQuote.Record(arguments.LineCount, plan);
        }

        var quote = arguments.Quote;
        if (quote is null)
        {
            return;
        }

        var truncated = 0;
        var capped = 0;
        foreach (var adjustment in quote.Adjustments)
        {
            if (adjustment.Kind == CommissionAdjustmentKind.Truncated)
            {
                truncated++;
            }
            else if (adjustment.Kind == CommissionAdjustmentKind.ScaledByCompliance)
            {
                capped++;
            }
        }

        if (truncated > 0 && _linesTruncated.Enabled)
        {
            _linesTruncated.Add(truncated, plan);
        }

        if (capped > 0 && _linesCapped.Enabled)
        {
            _linesCapped.Add(capped, plan);
        }

        if (quote.Findings.Length > 0)
        {
            Count(quote.Findings);
            LogSaleAdjusted(_logger, quote.SaleId, arguments.PlanName, string.Join("; ", quote.Findings));
        }
    }

    public override void OnComplianceDecision(in ComplianceDecisionArguments arguments)
    {
        var decision = arguments.Decision;
        Count(decision.Findings);
        if (decision.IsRefused)
        {
            LogRefused(_logger, decision.Profile, decision.Scope, decision.Subject, string.Join("; ", decision.Findings));
        }
        else if (decision.HasErrors)
        {
            LogAudited(_logger, decision.Profile, decision.Scope, decision.Subject, string.Join("; ", decision.Findings));
        }
        else
        {
            // An accepted plan or rule with warnings (a return window shorter than the profile's, team compensation)
            // starts, but never silently: each finding is logged with its code, severity and citation.
            foreach (var finding in decision.Findings)
            {
                LogFinding(_logger, finding.Severity == FindingSeverity.Info ? LogLevel.Information : LogLevel.Warning, decision.Profile, decision.Scope, decision.Subject, finding.Code, finding.Severity, finding.Message, finding.Citation);
            }
        }
    }

    public override void OnNetworkAudited(in NetworkAuditedArguments arguments)
    {
        var report = arguments.Report;
        Count(report.Findings);
        foreach (var finding in report.Findings)
        {
            if (finding.Severity != FindingSeverity.Info)
            {
                LogNetworkFinding(_logger, finding.Code, finding.Severity, finding.Message);
            }
        }
    }

    public override void OnGroupBuy(in GroupBuyArguments arguments)
    {
        var result = arguments.Result;
        if (!result.IsAccepted)
        {
            LogGroupBuyRefused(_logger, arguments.RuleName, result.GroupId.Value, result.Refusal);
            return;
        }

        var rule = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Rule, arguments.RuleName);
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case GroupOpened when _groupsOpened.Enabled:
                    _groupsOpened.Add(1, rule);
                    break;
                case GroupFormed when _groupsFormed.Enabled:
                    _groupsFormed.Add(1, rule);
                    break;
                case GroupFailed when _groupsFailed.Enabled:
                    _groupsFailed.Add(1, rule);
                    break;
                case MemberLeft left when _seatsLeft.Enabled:
                    _seatsLeft.Add(1, rule, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.HandOver, left.NewLeader is not null));
                    break;
                case SeatRefunded when _seatsRefunded.Enabled:
                    _seatsRefunded.Add(1, rule);
                    break;
            }
        }
    }

    public override void OnLedger(in LedgerArguments arguments)
    {
        if (_ledgerOperations.Enabled)
        {
            var outcome = arguments.Outcome switch
            {
                LedgerOutcome.Applied => "applied",
                LedgerOutcome.Duplicate => "duplicate",
                _ => arguments.Refusal.ToString(),
            };
            _ledgerOperations.Add(1, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Operation, arguments.Operation), new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Outcome, outcome));
        }

        if (!_ledgerAmount.Enabled || arguments.Outcome != LedgerOutcome.Applied)
        {
            return;
        }

        foreach (var posting in arguments.Postings)
        {
            _ledgerAmount.Add(
                Math.Abs(posting.MinorUnits),
                new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.EntryKind, posting.Kind.ToString()),
                new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Currency, posting.Currency.Code));
        }

        if (arguments.HasResult)
        {
            foreach (var entry in arguments.Result.GetEntries())
            {
                _ledgerAmount.Add(
                    Math.Abs(entry.Amount.ToMinorUnits()),
                    new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.EntryKind, entry.Kind.ToString()),
                    new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Currency, entry.Amount.Currency.Code));
            }
        }
    }

    public override void OnInvitation(in InvitationArguments arguments)
    {
        if (!_invitations.Enabled)
        {
            return;
        }

        var rule = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Rule, arguments.RuleName);
        var kind = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.InvitationKind, arguments.Kind == InvitationKind.Bargain ? "bargain" : "assist");
        var result = arguments.Result;
        if (!result.IsAccepted)
        {
            _invitations.Add(1, rule, kind, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Refusal, result.Refusal.ToString()));
            return;
        }

        foreach (var e in result.Events)
        {
            var name = e switch
            {
                InvitationOpened => "opened",
                InvitationHelped => "helped",
                InvitationCompleted => "completed",
                _ => "expired",
            };
            _invitations.Add(1, rule, kind, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Event, name));
        }
    }

    public override void OnReferralReward(in ReferralRewardArguments arguments)
    {
        if (!_referralRewards.Enabled || arguments.Result.IsDuplicate)
        {
            return;
        }

        var rule = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Rule, arguments.RuleName);
        var result = arguments.Result;
        var outcome = result.IsAccepted
            ? new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Event, result.Event switch
            {
                ReferralRewardClaimed => "claimed",
                ReferralRewardEarned => "earned",
                ReferralRewardReleased => "released",
                _ => "reversed",
            })
            : new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Refusal, result.Refusal.ToString());
        _referralRewards.Add(1, rule, outcome);
    }

    public override void OnPoints(in PointsArguments arguments)
    {
        var operation = new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Operation, arguments.Operation);
        var result = arguments.Result;
        if (_pointsOperations.Enabled)
        {
            _pointsOperations.Add(1, operation, Outcome(result.Outcome), Refusal(result.Refusal.ToString()));
        }

        CountEntries(result.Entries);
    }

    public override void OnCoupon(in CouponArguments arguments)
    {
        if (_couponOperations.Enabled)
        {
            var result = arguments.Result;
            _couponOperations.Add(1, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Rule, arguments.TemplateId), new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Operation, arguments.Operation), new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Outcome, result.Outcome switch
            {
                SocialCommerce.Coupons.CouponOutcome.Applied => "applied",
                SocialCommerce.Coupons.CouponOutcome.Duplicate => "duplicate",
                _ => "refused",
            }), Refusal(result.Refusal.ToString()));
        }
    }

    public override void OnMall(in MallArguments arguments)
    {
        var result = arguments.Result;
        if (_mallOperations.Enabled)
        {
            _mallOperations.Add(1, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Rule, arguments.ItemId), new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Operation, arguments.Operation), Outcome(result.Outcome), Refusal(result.Refusal.ToString()));
        }

        if (result.Wallet is { } wallet)
        {
            CountEntries(wallet.Entries);
        }
    }

    private void CountEntries(IReadOnlyList<SocialCommerce.Points.PointsEntry> entries)
    {
        if (!_pointsMoved.Enabled)
        {
            return;
        }

        foreach (var entry in entries)
        {
            _pointsMoved.Add(entry.Points, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.EntryKind, entry.Kind.ToString()));
        }
    }

    private static KeyValuePair<string, object?> Outcome(SocialCommerce.Points.PointsOutcome outcome) =>
        new(SocialCommerceTelemetryTags.Outcome, outcome switch
        {
            SocialCommerce.Points.PointsOutcome.Applied => "applied",
            SocialCommerce.Points.PointsOutcome.Duplicate => "duplicate",
            _ => "refused",
        });

    private static KeyValuePair<string, object?> Refusal(string refusal) => new(SocialCommerceTelemetryTags.Refusal, refusal);

    public override void OnCommunityBatchClosed(in CommunityBatchClosedArguments arguments)
    {
        var confirmed = 0;
        var refunded = 0;
        foreach (var product in arguments.Settlement.Products)
        {
            if (product.IsConfirmed)
            {
                confirmed++;
            }
            else
            {
                refunded++;
            }
        }

        if (_productsConfirmed.Enabled && confirmed > 0)
        {
            _productsConfirmed.Add(confirmed);
        }

        if (_productsRefunded.Enabled && refunded > 0)
        {
            _productsRefunded.Add(refunded);
        }
    }

    public override void OnGrowthEvaluated(in GrowthEvaluatedArguments arguments)
    {
        if (!_promotions.Enabled && !_demotions.Enabled)
        {
            return;
        }

        foreach (var e in arguments.Evaluation.Events)
        {
            if (e is LevelPromoted promoted && _promotions.Enabled)
            {
                _promotions.Add(1, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Level, promoted.To.Name));
            }
            else if (e is LevelDemoted demoted && _demotions.Enabled)
            {
                _demotions.Add(1, new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.Level, demoted.To.Name));
            }
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private void Count(IReadOnlyList<ComplianceFinding> findings)
    {
        if (!_findings.Enabled)
        {
            return;
        }

        foreach (var finding in findings)
        {
            _findings.Add(
                1,
                new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.FindingCode, finding.Code),
                new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.FindingSeverity, finding.Severity.ToString()),
                new KeyValuePair<string, object?>(SocialCommerceTelemetryTags.FindingScope, finding.Scope.ToString()));
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Compliance profile '{Profile}' refused {Scope} '{Subject}': {Findings}")]
    private static partial void LogRefused(ILogger logger, string profile, FindingScope scope, string subject, string findings);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Compliance profile '{Profile}' (audit mode) accepted {Scope} '{Subject}' with errors: {Findings}")]
    private static partial void LogAudited(ILogger logger, string profile, FindingScope scope, string subject, string findings);

    [LoggerMessage(EventId = 1003, Message = "Compliance profile '{Profile}' accepted {Scope} '{Subject}' with finding {Code} ({Severity}): {Finding} ({Citation})")]
    private static partial void LogFinding(ILogger logger, LogLevel level, string profile, FindingScope scope, string subject, string code, FindingSeverity severity, string finding, string citation);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Sale '{SaleId}' (plan '{Plan}') was adjusted by compliance: {Findings}")]
    private static partial void LogSaleAdjusted(ILogger logger, string saleId, string plan, string findings);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Network audit finding {Code} ({Severity}): {Message}")]
    private static partial void LogNetworkFinding(ILogger logger, string code, FindingSeverity severity, string message);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Group-buy action on rule '{Rule}' (group {GroupId}) refused: {Refusal}")]
    private static partial void LogGroupBuyRefused(ILogger logger, string rule, long groupId, GroupBuyRefusal refusal);
}
