using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

internal sealed class ChainDepthCheck : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Network || arguments.Network is not { ChainLevelsLimit: { } limit } network)
        {
            return;
        }

        var citation = arguments.Profile.GetCitation(ComplianceCodes.NetworkChainBeyondDepth);
        for (var i = 0; i < network.Chains.Count; i++)
        {
            var chain = network.Chains[i];
            var team = chain.Team;
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "Referral tree of member {0} reaches {1} team levels ({2} links below the top), more than the flag limit of {3} team levels ({4} links); {5} participants in the tree, {6} of them beyond team level {3}.",
                team.Top,
                team.Levels,
                team.Links,
                limit,
                limit - 1,
                team.Participants,
                chain.MembersBeyondLimit);
            findings.Add(new ComplianceFinding(ComplianceCodes.NetworkChainBeyondDepth, FindingSeverity.Warning, message, citation, FindingScope.Network, team.Top.ToString()));
        }
    }
}
