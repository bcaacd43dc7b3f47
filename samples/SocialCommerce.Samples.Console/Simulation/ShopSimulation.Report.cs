using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>The end of the run: the self-checks and the report.</summary>
internal sealed partial class ShopSimulation
{
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
                throw new SimulationCheckException($"Ledger does not reconcile for member {b.Member}: pending + frozen + available + withdrawn - debt = {held}, booked - reversed + written off + forgiven = {net}.");
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
            throw new SimulationCheckException($"Money not conserved: the engine quoted {_quoted} but the ledger booked {_booked}.");
        }

        if (sum.Booked != _booked)
        {
            throw new SimulationCheckException($"Money not conserved: the ledger booked {_booked} but the accounts show {sum.Booked}.");
        }

        checks.Add($"total quoted {ReportFormat.Amount(_quoted)} = total booked {ReportFormat.Amount(_booked)} = sum of accounts' booked {ReportFormat.Amount(sum.Booked)}");

        if (_quoted + _residual != _pooled)
        {
            throw new SimulationCheckException($"Quotes do not add up: paid {_quoted} + kept by the platform {_residual} != pool {_pooled}.");
        }

        checks.Add($"every quote adds up: paid {ReportFormat.Amount(_quoted)} + kept by the platform {ReportFormat.Amount(_residual)} = pool {ReportFormat.Amount(_pooled)}");

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
            throw new SimulationCheckException($"The ledger's entries do not match its balances: earned {earned} vs booked {_booked}, reversed {reversed} vs {sum.Reversed}.");
        }

        checks.Add($"the ledger's entries replay to the balances: earned {ReportFormat.Amount(earned)}, reversed {ReportFormat.Amount(reversed)}");
        return sum;
    }
}
