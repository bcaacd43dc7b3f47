using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Compliance;

/// <summary>The built-in checks of invitation, referral-reward and share-reward rules (SC501, SC502, SC504, SC505, SC506).</summary>
internal sealed class InvitationChecks : IComplianceCheck
{
    public void Check(in ComplianceCheckArguments arguments, ICollection<ComplianceFinding> findings)
    {
        if (arguments.Scope != FindingScope.Invitation || arguments.InvitationRule is not { } rule)
        {
            return;
        }

        var profile = arguments.Profile;
        if (rule.AllowsPaidHelp && !profile.AllowsPaidHelp)
        {
            Add(findings, profile, ComplianceCodes.InvitationPaidHelp, FindingSeverity.Error, rule.Name, "'{0}' lets members buy a help or an accelerator (付费加速): an entry fee by another name, which profile '{1}' forbids.");
        }

        if (rule.NewMembersOnly)
        {
            var severity = profile.AllowsNewMemberOnlyHelp ? FindingSeverity.Warning : FindingSeverity.Error;
            Add(findings, profile, ComplianceCodes.InvitationNewMembersOnly, severity, rule.Name, "'{0}' admits only newly registered members as helpers: a recruitment incentive (拉新助力) under profile '{1}'.");
        }

        if (rule.RewardsShareWithoutPurchase)
        {
            Add(findings, profile, ComplianceCodes.ShareRewardWithoutPurchase, FindingSeverity.Error, rule.Name, "'{0}' rewards a share, a click or a sign-up without someone else's real purchase; profile '{1}' allows share rewards only for a purchase.");
        }

        if (rule.UndisclosedRandomSchedule && profile.RequiresScheduleDisclosure)
        {
            Add(findings, profile, ComplianceCodes.InvitationUndisclosedSchedule, FindingSeverity.Warning, rule.Name, "'{0}' draws a random bargain schedule without disclosing it; profile '{1}' expects the cuts (or their hash) to be disclosed.");
        }

        if (rule.PayoutRatio is Rate ratio && profile.MaxPayoutRatio is Rate max && ratio > max)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "'{0}' can pay {1} of a qualifying purchase with the plan's commissions, above profile '{2}''s maximum payout ratio {3}; rewards will be scaled down to fit.", rule.Name, ratio, profile.Name, max);
            findings.Add(new ComplianceFinding(ComplianceCodes.ReferralRewardPayoutRatio, FindingSeverity.Warning, message, profile.GetCitation(ComplianceCodes.ReferralRewardPayoutRatio), FindingScope.Invitation, rule.Name));
        }
    }

    private static void Add(ICollection<ComplianceFinding> findings, ComplianceProfile profile, string code, FindingSeverity severity, string subject, string format)
    {
        var message = string.Format(CultureInfo.InvariantCulture, format, subject, profile.Name);
        findings.Add(new ComplianceFinding(code, severity, message, profile.GetCitation(code), FindingScope.Invitation, subject));
    }
}
