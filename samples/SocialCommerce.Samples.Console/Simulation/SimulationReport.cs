using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>Everything the simulation observed, ready to print (see <see cref="SimulationReportWriter"/>).</summary>
internal sealed class SimulationReport
{
    public required SimulationOptions Options { get; init; }

    public required DateTimeZone Zone { get; init; }

    public required Instant Start { get; init; }

    public required Instant End { get; init; }

    // Members and network.
    public required int Members { get; init; }

    public required int Founders { get; init; }

    public required int MaxDepth { get; init; }

    // Commissions.
    public required CommissionPlan Plan { get; init; }

    public required string ProfileName { get; init; }

    public required IReadOnlyList<ComplianceFinding> PlanFindings { get; init; }

    public required int Sales { get; init; }

    public required int GroupSales { get; init; }

    public required int CommunitySales { get; init; }

    public required Money SalesBase { get; init; }

    public required Money TotalQuoted { get; init; }

    public required Money TotalBooked { get; init; }

    public required Money TotalPooled { get; init; }

    public required int CompletedSales { get; init; }

    public required IReadOnlyDictionary<string, int> Refunds { get; init; }

    public required IReadOnlyDictionary<string, int> LedgerRefusals { get; init; }

    public required int Withdrawals { get; init; }

    public required LedgerBalance LedgerTotals { get; init; }

    public required int Earners { get; init; }

    public required IReadOnlyList<EarnerStatement> TopEarners { get; init; }

    public required IReadOnlyList<string> Checks { get; init; }

    // Group buying.
    public required int GroupsOpened { get; init; }

    public required int GroupsFormed { get; init; }

    public required int GroupsFormedAtDeadline { get; init; }

    public required int GroupsFailed { get; init; }

    public required int GroupsStillOpen { get; init; }

    public required int GroupJoins { get; init; }

    public required IReadOnlyDictionary<GroupBuyRefusal, int> JoinRefusals { get; init; }

    public required IReadOnlyList<(string Rule, GroupBuyEvent Event)> GroupExamples { get; init; }

    public required CommunityBatch? Batch { get; init; }

    public required CommunityBatchSettlement? BatchSettlement { get; init; }

    public required int BatchOrdersAccepted { get; init; }

    public required IReadOnlyList<string> BatchRefusals { get; init; }

    // Growth.
    public required LevelLadder Ladder { get; init; }

    public required IReadOnlyList<int> LevelCounts { get; init; }

    public required IReadOnlyList<int> FounderStartingLevels { get; init; }

    public required IReadOnlyDictionary<string, int> Promotions { get; init; }

    public required IReadOnlyDictionary<string, int> Demotions { get; init; }

    public required LevelDemoted? DemotionExample { get; init; }

    public required IReadOnlyDictionary<string, int> HonoursAwarded { get; init; }

    public required int HonoursExpired { get; init; }

    public required long GrowthActivities { get; init; }

    // Compliance.
    public required NetworkAuditReport Audit { get; init; }
}
