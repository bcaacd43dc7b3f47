using System.Collections.Generic;
using System.Globalization;
using System.Security.Claims;
using NodaTime.Text;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Samples.WebApi.Security;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>Writes the SDK's values as the API's JSON shapes (<see cref="QuoteResponse"/>, <see cref="MemberDto"/>, ...).</summary>
internal static class ShopResponses
{
    public static QuoteResponse Quote(CommissionQuote quote)
    {
        var lines = new List<CommissionLineDto>(quote.Lines.Count);
        foreach (var line in quote.Lines)
        {
            lines.Add(new CommissionLineDto(
                line.Beneficiary.Value, line.Level, line.SaleLineIndex, MoneyDto.From(line.Amount), line.Rate?.AsPercent, line.Rule, line.Explanation));
        }

        return new QuoteResponse(quote.SaleId, quote.Buyer.Value, MoneyDto.From(quote.Base), MoneyDto.From(quote.Total), MoneyDto.From(quote.Residual), lines, Findings(quote.Findings));
    }

    public static PostingResponse Posting(LedgerSale booked, LedgerOutcome outcome, string? planVersion)
    {
        var lines = new List<EarningDto>(booked.Earnings.Count);
        var total = Money.Zero(booked.Currency);
        foreach (var earning in booked.Earnings)
        {
            lines.Add(new EarningDto(earning.Beneficiary.Value, earning.Level, earning.LineIndex, MoneyDto.From(earning.Amount)));
            total += earning.Amount;
        }

        return new PostingResponse(booked.SaleId, booked.Buyer.Value, outcome.ToString(), MoneyDto.From(total), lines, planVersion ?? booked.PlanVersion);
    }

    public static List<FindingDto> Findings(IEnumerable<ComplianceFinding> findings)
    {
        var result = new List<FindingDto>();
        foreach (var finding in findings)
        {
            result.Add(new FindingDto(finding.Code, finding.Severity.ToString(), finding.Message));
        }

        return result;
    }

    public static GroupDto Group(GroupBuy group) => Group(group, showMembers: true);

    // Who helped is shown to the owner, the helpers and operators; everyone sees the progress.
    public static InvitationDto Invitation(Invitation invitation, ClaimsPrincipal user)
    {
        var helpers = invitation.GetHelpers();
        var insider = user.IsInRole(ShopClaims.OperatorRole)
            || (ShopClaims.TryGetMember(user, out var caller) && (caller == invitation.Owner.Value || System.Array.Exists(helpers, h => h.Value == caller)));
        var progress = invitation.Progress;
        return new InvitationDto(
            invitation.Id.Value,
            invitation.Rule.Name,
            invitation.Kind.ToString(),
            invitation.Owner.Value,
            invitation.Status.ToString(),
            progress.HelpsDone,
            progress.HelpsRequired,
            progress.Price is { } price ? MoneyDto.From(price) : null,
            progress.RemainingAmount is { } remaining ? MoneyDto.From(remaining) : null,
            InstantPattern.General.Format(invitation.Deadline),
            insider ? System.Array.ConvertAll(helpers, h => h.Value) : null);
    }

    /// <summary>A group as a caller may see it: who takes part only for its participants and operators; the count for all.</summary>
    public static GroupDto Group(GroupBuy group, ClaimsPrincipal user) =>
        Group(group, user.IsInRole(ShopClaims.OperatorRole) || (ShopClaims.TryGetMember(user, out var caller) && group.Contains(new MemberId(caller))));

    private static GroupDto Group(GroupBuy group, bool showMembers)
    {
        List<long>? participants = null;
        if (showMembers)
        {
            var members = group.GetParticipants();
            participants = new List<long>(members.Length);
            foreach (var participant in members)
            {
                participants.Add(participant.Value);
            }
        }

        return new GroupDto(group.Id.Value, group.Rule.Name, showMembers ? group.Leader.Value : null, group.Status.ToString(), participants, InstantPattern.General.Format(group.Deadline))
        {
            ParticipantCount = group.ParticipantCount,
            Units = group.Units,
        };
    }

    public static LevelDto Level(MemberGrowth growth) =>
        new(growth.Level.Name, growth.LevelIndex, growth.Balance, growth.Level.Benefits.Discount.AsPercent, growth.Level.Benefits.CommissionRank, growth.Level.Benefits.Badge);

    public static GrowthDto Growth(MemberGrowth growth)
    {
        var honours = new List<HonourDto>(growth.Honours.Count);
        foreach (var h in growth.Honours)
        {
            honours.Add(new HonourDto(h.Name, h.Tier, h.Term.ToString(), h.Status.ToString(), InstantPattern.General.Format(h.AwardedAt), h.ExpiresAt is { } e ? InstantPattern.General.Format(e) : null));
        }

        return new GrowthDto(growth.Member.Value, Level(growth), growth.LifetimePoints, growth.CurrentStreak, growth.LongestStreak, honours);
    }

    public static ReferralRewardDto ReferralReward(ReferralClaim claim) => claim.Claimed is { } c
        ? new ReferralRewardDto(
            claim.Invited.Value,
            claim.Status.ToString(),
            c.Inviter.Value,
            c.SaleId,
            InstantPattern.General.Format(c.At),
            c.Grant.InviterMoney is { } inviter ? MoneyDto.From(inviter) : null,
            c.Grant.InvitedMoney is { } invited ? MoneyDto.From(invited) : null)
        : new ReferralRewardDto(claim.Invited.Value, claim.Status.ToString(), null, null, null, null, null);

    public static MemberDto Member(MemberView view)
    {
        var balances = new List<BalanceDto>(view.Balances.Count);
        foreach (var b in view.Balances)
        {
            balances.Add(new BalanceDto(
                b.Currency.Code,
                MoneyDto.From(b.Pending),
                MoneyDto.From(b.Frozen),
                MoneyDto.From(b.Available),
                MoneyDto.From(b.Withdrawn),
                MoneyDto.From(b.ClawbackDebt),
                MoneyDto.From(b.Booked),
                MoneyDto.From(b.Reversed)));
        }

        return new MemberDto(view.Member.Value, view.Referrer?.Value, view.Depth, Level(view.Growth), balances);
    }

    public static string Describe(GrowthEvent growthEvent) => growthEvent switch
    {
        PointsEarned e => string.Create(CultureInfo.InvariantCulture, $"points-earned {e.Points} (balance {e.Balance})"),
        PointsReversed e => string.Create(CultureInfo.InvariantCulture, $"points-reversed {e.Points} (balance {e.Balance})"),
        LevelPromoted e => $"level-promoted {e.From.Name} -> {e.To.Name}",
        LevelDemoted e => $"level-demoted {e.From.Name} -> {e.To.Name} ({e.Reason})",
        ActivityIgnored e => $"activity-ignored ({e.Reason})",
        HonourAwarded e => $"honour-awarded {e.Honour.Name} {e.Honour.Tier}",
        HonourExpired e => $"honour-expired {e.Honour.Name} {e.Honour.Tier}",
        _ => growthEvent.GetType().Name,
    };
}
