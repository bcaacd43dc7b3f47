using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>Prints a <see cref="SimulationReport"/> as plain text.</summary>
internal static class SimulationReportWriter
{
    private const int MaxFindings = 8;

    public static void Write(SimulationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = report.Options;
        output.WriteLine($"== SocialCommerce shop simulation: {o.Members:N0} members, {o.Days} days, seed {o.Seed} ==");
        output.WriteLine($"Period {Local(report.Start, report.Zone)} to {Local(report.End, report.Zone)} ({report.Zone.Id}), simulated clock");
        var roots = report.Audit.Analysis.TreeCount;
        output.WriteLine($"Members {report.Members:N0}; {roots:N0} joined without a referrer ({report.Founders} founders, {roots - report.Founders} on their own), each the top of its own referral tree");
        output.WriteLine($"Depth counts the links from a member up to the top of its tree: a top is at depth 0, its referrals at depth 1. Team levels,");
        output.WriteLine($"which the Chinese regulations count, are depth + 1 and are shown in brackets. The deepest member is at {ReportFormat.Depth(report.MaxDepth)}.");
        WriteCommissions(report, output);
        WriteGroupBuying(report, output);
        WriteGrowth(report, output);
        WriteCompliance(report, output);
    }

    private static void WriteCommissions(SimulationReport r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== Commissions: plan '{r.Plan.Name}' under profile '{r.ProfileName}' ==");
        output.WriteLine($"Plan {r.Plan}");
        foreach (var finding in r.PlanFindings)
        {
            output.WriteLine($"  plan finding: {finding}");
        }

        if (r.PlanFindings.Count > 0)
        {
            output.WriteLine("  (A warning does not stop the plan: the profile reports what a regulator would look at, here that it pays on");
            output.WriteLine("  downline sales. An error would have refused the plan before the first quote; see docs/compliance.md.)");
        }

        output.WriteLine($"Sales quoted {r.Sales:N0} (of which {r.GroupSales:N0} group-buy settlements, {r.CommunitySales:N0} community orders), {r.CompletedSales:N0} completed");
        output.WriteLine($"  commission base {M(r.SalesBase)}, pool (exact) {M(r.TotalPooled)}, quoted {M(r.TotalQuoted)} ({Percent(r.TotalQuoted.Amount, r.SalesBase.Amount)} of base)");
        output.WriteLine($"  refunds: {(r.Refunds.Count == 0 ? "none" : string.Join("; ", r.Refunds.Select(p => $"{p.Value} {p.Key}")))}");
        output.WriteLine($"  withdrawals: {r.Withdrawals:N0}, gross {M(r.LedgerTotals.Withdrawn)}, fees {M(r.LedgerTotals.WithdrawalFees)}");
        if (r.LedgerRefusals.Count > 0)
        {
            output.WriteLine($"  ledger refusals: {string.Join(", ", r.LedgerRefusals.Select(p => $"{p.Value} {p.Key}"))}");
        }

        var t = r.LedgerTotals;
        output.WriteLine($"Ledger over {r.Earners:N0} earning members: pending {M(t.Pending)}, frozen {M(t.Frozen)}, available {M(t.Available)}, withdrawn {M(t.Withdrawn)}, debt {M(t.ClawbackDebt)}");
        output.WriteLine($"  booked {M(t.Booked)} - reversed {M(t.Reversed)} = {M(t.Booked - t.Reversed)} = pending + frozen + available + withdrawn - debt");
        foreach (var check in r.Checks)
        {
            output.WriteLine($"  CHECK OK: {check}");
        }

        for (var i = 0; i < r.TopEarners.Count; i++)
        {
            var s = r.TopEarners[i];
            var b = s.Balance;
            output.WriteLine();
            output.WriteLine($"Statement #{i + 1}: member {s.Member} ({ReportFormat.Depth(s.Depth)}{(s.Depth == 0 ? ", top of its tree" : string.Empty)}, {s.DirectReferrals} direct referrals, {s.DownlineSize} in downline)");
            output.WriteLine($"  booked {M(b.Booked)}, reversed {M(b.Reversed)}; pending {M(b.Pending)}, frozen {M(b.Frozen)}, available {M(b.Available)}, withdrawn {M(b.Withdrawn)} (fees {M(b.WithdrawalFees)}), debt {M(b.ClawbackDebt)}");
            output.WriteLine($"  #        when (local)      entry          state       amount {r.Plan.Currency.Code}  source (level: the beneficiary's upline level for the buyer)");
            foreach (var e in s.FirstEntries)
            {
                var source = e.WithdrawalId ?? (e.RefundId is { } refund ? $"{e.SaleId}/{refund}" : e.SaleId);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {e.Sequence,-8} {Local(e.At, r.Zone),-17} {e.Kind,-14} {e.State,-10} {e.Amount.Amount,12:#,0.00##}  {source}{(e.Level > 0 ? $" (level {e.Level})" : string.Empty)}"));
            }

            if (s.EntryCount > s.FirstEntries.Count)
            {
                output.WriteLine($"  ... {s.EntryCount - s.FirstEntries.Count} more entries");
            }
        }
    }

    private static void WriteGroupBuying(SimulationReport r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("== Group buying (拼团) ==");
        output.WriteLine($"Groups opened {r.GroupsOpened:N0}: formed {r.GroupsFormed:N0} ({r.GroupsFormedAtDeadline:N0} of them at the deadline on a lower tier), failed {r.GroupsFailed:N0}, still open at the end {r.GroupsStillOpen:N0}");
        output.WriteLine($"Joins accepted {r.GroupJoins:N0}; refused: {(r.JoinRefusals.Count == 0 ? "none" : string.Join(", ", r.JoinRefusals.Select(p => $"{p.Value} {p.Key}")))}");
        foreach (var (rule, e) in r.GroupExamples)
        {
            switch (e)
            {
                case GroupFormed formed:
                    output.WriteLine($"  group {formed.GroupId.Value} ({rule}) formed {Local(formed.At, r.Zone)} with {formed.FinalParticipants} at {M(formed.Tier.UnitPrice)}:");
                    foreach (var s in formed.Settlements)
                    {
                        output.WriteLine($"      {(s.IsLeader ? "leader" : "member")} {s.Member}: charged {M(s.Charged)}, pays {M(s.Price)}, refund {M(s.Refund)}");
                    }

                    break;
                case GroupFailed failed:
                    output.WriteLine($"  group {failed.GroupId.Value} ({rule}) failed (closed {Local(failed.At, r.Zone)}); refunds {string.Join(", ", failed.Refunds.Select(x => $"{(x.IsLeader ? "leader" : "member")} {x.Member} {M(x.Amount)}"))}");
                    break;
                default:
                    break;
            }
        }

        output.WriteLine();
        output.WriteLine("== Community batch (社区团购) ==");
        if (r.Batch is not { } batch)
        {
            output.WriteLine("No batch in this period.");
            return;
        }

        output.WriteLine($"Batch {batch.Id} led by member {batch.Leader}, delivery {batch.DeliveryDate:yyyy-MM-dd}, cut-off {batch.CutOffLocal:yyyy-MM-dd HH:mm} {batch.Rule.Zone.Id} (exclusive)");
        output.WriteLine($"  orders accepted {r.BatchOrdersAccepted}, refused {r.BatchRefusals.Count}{(r.BatchRefusals.Count > 0 ? $", e.g. \"{r.BatchRefusals[0]}\"" : string.Empty)}");
        if (r.BatchSettlement is not { } settlement)
        {
            output.WriteLine("  not closed yet: the cut-off is after the simulated period");
            return;
        }

        foreach (var product in settlement.Products)
        {
            output.WriteLine($"  {product.ProductId}: {product.OrderedQuantity} ordered / {product.MinimumQuantity} needed -> {(product.IsConfirmed ? "confirmed" : "refunded")} {M(product.Amount)}");
        }

        output.WriteLine($"  confirmed sales {M(settlement.ConfirmedSales)}, refunded {M(settlement.Refunded)}");
        var c = settlement.Commission;
        output.WriteLine($"  leader {c.Leader}: {c.Rate} of {M(c.Base)} = {M(c.Exact)} -> pays {M(c.Amount)}, residual {M(c.Residual)}");
    }

    private static void WriteGrowth(SimulationReport r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== Growth: {r.GrowthActivities:N0} activities, ladder {string.Join(" / ", r.Ladder.Levels.Select(l => $"{l.Name} {l.Threshold}"))}, monthly retention ==");
        output.WriteLine($"Founders started from their imported October history at {string.Join(", ", r.FounderStartingLevels.Select((n, i) => $"{r.Ladder.Levels[i].Name} x{n}").Where((_, i) => r.FounderStartingLevels[i] > 0))}; everyone else at V1");
        output.WriteLine("Levels at the end:");
        var total = Math.Max(1, r.LevelCounts.Sum());
        for (var i = 0; i < r.LevelCounts.Count; i++)
        {
            var count = r.LevelCounts[i];
            var bar = new string('#', (int)Math.Ceiling(40.0 * count / total));
            output.WriteLine($"  {r.Ladder.Levels[i].Name}: {count,7:N0} {bar}");
        }

        output.WriteLine($"Promotions: {(r.Promotions.Count == 0 ? "none" : string.Join(", ", r.Promotions.Select(p => $"{p.Key} x{p.Value}")))}");
        output.WriteLine($"Demotions:  {(r.Demotions.Count == 0 ? "none" : string.Join(", ", r.Demotions.Select(p => $"{p.Key} x{p.Value}")))}");
        if (r.DemotionExample is { } d)
        {
            output.WriteLine(d.Reason == DemotionReason.KeepUpNotMet
                ? $"  e.g. member {d.Member} at {Local(d.At, r.Zone)}: {d.From.Name} -> {d.To.Name}, earned {d.Earned} of the {d.Required} keep-up last month, forfeited {d.Forfeited}, balance {d.Balance}"
                : $"  e.g. member {d.Member} at {Local(d.At, r.Zone)}: {d.From.Name} -> {d.To.Name}, a refund took points back, balance {d.Balance}");
        }

        output.WriteLine($"Honours awarded: {(r.HonoursAwarded.Count == 0 ? "none" : string.Join(", ", r.HonoursAwarded.Select(p => $"{p.Key} x{p.Value}")))}; expired {r.HonoursExpired}");
    }

    private static void WriteCompliance(SimulationReport r, TextWriter output)
    {
        var audit = r.Audit;
        var a = audit.Analysis;
        output.WriteLine();
        output.WriteLine($"== Compliance audit of the network under '{audit.Profile}' ==");
        output.WriteLine($"Members {a.MemberCount:N0} in {a.TreeCount:N0} trees (one per member without a referrer), deepest at {ReportFormat.Depth(a.MaxDepth)}, shape {a.Shape}, team case {a.TeamCase}");
        output.WriteLine($"Largest tree: {a.LargestTree}");
        output.WriteLine($"Fan-out: {a.FanOut.Recruiters:N0} recruiters, {a.FanOut.MeanFanOut.ToString("0.##", CultureInfo.InvariantCulture)} recruits each on average, widest {a.FanOut.WidestRecruiter} with {a.FanOut.MaxFanOut}");
        output.WriteLine($"Members at each depth (depth 0 = the tops of the trees): {string.Join(" ", a.MembersAtDepth.Select((n, d) => $"{d}:{n:N0}"))}");
        output.WriteLine($"Members whose team reaches {a.TeamParticipantsThreshold} participants over {a.TeamLevelsThreshold} team levels: {a.FlaggedMembers:N0}; flagged teams {a.FlaggedTeams.Count}, chains beyond the limit {a.Chains.Count}");
        output.WriteLine($"Findings ({audit.Findings.Count}){(audit.Findings.Count > 0 && audit.Findings.All(f => f.Severity == SocialCommerce.Compliance.FindingSeverity.Warning) ? ": warnings flag parts of the network for review; nothing is blocked, and the findings quote team levels with the links in brackets" : string.Empty)}:");
        for (var i = 0; i < audit.Findings.Count && i < MaxFindings; i++)
        {
            output.WriteLine($"  {audit.Findings[i]}");
        }

        if (audit.Findings.Count > MaxFindings)
        {
            output.WriteLine($"  ... {audit.Findings.Count - MaxFindings} more");
        }
    }

    private static string M(Money money) => ReportFormat.Amount(money);

    private static string Local(Instant at, DateTimeZone zone) => at.InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Percent(decimal part, decimal whole) =>
        whole == 0m ? "0 %" : (Math.Round(part * 100m / whole, 2)).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
