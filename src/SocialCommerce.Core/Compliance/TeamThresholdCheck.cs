using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class TeamThresholdCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Network || arguments.Network is not { } network || network.FlaggedTeams.Count == 0)
        {
            return;
        }

        var thresholds = Thresholds(network);
        var citation = arguments.Profile.GetCitation(ComplianceCodes.NetworkTeamThreshold);
        for (var i = 0; i < network.FlaggedTeams.Count; i++)
        {
            var flagged = network.FlaggedTeams[i];
            var team = flagged.Team;
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "Team of member {0}: {1} participants over {2} team levels ({3} links below the top; the top member is level 1 and counts as a participant) reaches the flag thresholds of {4} (members whose own team reaches them: {5}; smallest such teams: {6}). {7}",
                team.Top,
                team.Participants,
                team.Levels,
                team.Links,
                thresholds,
                flagged.MembersTripping,
                flagged.CoreTeams,
                Describe(flagged.Case, network.Plan));
            var cited = flagged.Case == TeamCase.Administrative ? AdministrativeCitation(arguments.Profile) : citation;
            findings.Add(new ComplianceFinding(ComplianceCodes.NetworkTeamThreshold, SeverityOf(flagged.Case), message, cited, FindingScope.Network, team.Top.ToString()));
        }
    }

    /// <summary>
    /// The administrative case (team compensation on sales, no entry fee, no head-count reward) is governed by the
    /// provision on team compensation, not by the criminal threshold: the profile's team-compensation citation, and
    /// the 2013 opinion's article that keeps pure team compensation out of criminal liability.
    /// </summary>
    private static string AdministrativeCitation(ComplianceProfile profile) =>
        profile.GetCitation(ComplianceCodes.PlanTeamCompensation) + "; " + Opinion2013Article5;

    internal const string Opinion2013Article5 = "SPC/SPP/MPS Opinions on Criminal Cases of Organising and Leading Pyramid-Selling Activities (2013), art. 5 (team compensation based only on sales of goods is not handled as a crime)";

    private static FindingSeverity SeverityOf(TeamCase @case) => @case switch
    {
        TeamCase.CriminalThreshold => FindingSeverity.Error,
        TeamCase.NoTeamCompensation => FindingSeverity.Info,
        _ => FindingSeverity.Warning,
    };

    private static string Thresholds(NetworkAnalysis network)
    {
        var p = network.StrictThresholds.HasFlag(ComplianceThresholds.TeamParticipants) ? "more than " : string.Empty;
        var l = network.StrictThresholds.HasFlag(ComplianceThresholds.TeamLevels) ? "more than " : string.Empty;
        return (network.TeamParticipantsThreshold, network.TeamLevelsThreshold) switch
        {
            ({ } n, { } levels) => string.Format(CultureInfo.InvariantCulture, "{0}{1} participants and {2}{3} team levels", p, n, l, levels),
            ({ } n, null) => string.Format(CultureInfo.InvariantCulture, "{0}{1} participants", p, n),
            (null, { } levels) => string.Format(CultureInfo.InvariantCulture, "{0}{1} team levels", l, levels),
            _ => "the profile",
        };
    }

    private static string Describe(TeamCase @case, PlanFacts? plan) => @case switch
    {
        TeamCase.CriminalThreshold => string.Format(CultureInfo.InvariantCulture, "Criminal-threshold case: plan '{0}' {1}, and the team reaches the thresholds.", plan!.Name, plan.RequiresEntryFee && plan.RewardsRecruitment ? "requires an entry fee and rewards head-count" : plan.RequiresEntryFee ? "requires an entry fee or a qualifying purchase" : "rewards head-count"),
        TeamCase.Administrative => string.Format(CultureInfo.InvariantCulture, "Administrative case: plan '{0}' pays team compensation (paid depth {1}) without entry fee or head-count reward.", plan!.Name, plan.PaidDepth),
        TeamCase.NoTeamCompensation => string.Format(CultureInfo.InvariantCulture, "No team compensation: plan '{0}' pays no upline above level 1 and has no entry fee or head-count reward.", plan!.Name),
        _ => "Case undetermined: no plan was given to the audit; with an entry fee or head-count rewards this is the criminal threshold, otherwise team compensation is an administrative matter.",
    };
}
