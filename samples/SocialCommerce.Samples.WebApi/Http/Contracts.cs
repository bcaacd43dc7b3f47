using System.Collections.Generic;

namespace SocialCommerce.Samples.WebApi.Http;

// The JSON shapes of the API. Money is always { amount, currency }; a request may leave the currency out
// (the configured default currency is used).

/// <summary>An amount with its currency.</summary>
public sealed record MoneyDto(decimal Amount, string? Currency)
{
    /// <summary>The amount with its currency's minor digits when it is whole minor units (10 → 10.00 CNY), so every amount prints alike.</summary>
    public static MoneyDto From(Money money) =>
        new(money.IsWholeMinorUnits ? Money.FromMinorUnits(money.ToMinorUnits(), money.Currency).Amount : money.Amount, money.Currency.Code);
}

public sealed record AddMemberRequest(long MemberId, long? ReferrerId);

public sealed record SaleRequest(string? SaleId, long BuyerId, IReadOnlyList<SaleLineRequest?>? Lines);

public sealed record SaleLineRequest(string? ProductId, string? Category, int Quantity, MoneyDto? Paid, MoneyDto? Shipping);

public sealed record RefundRequest(string? RefundId, MoneyDto? Amount, IReadOnlyList<RefundLineRequest?>? Lines);

public sealed record RefundLineRequest(int LineIndex, int Quantity);

public sealed record WithdrawalRequest(string? WithdrawalId, MoneyDto? Amount);

/// <summary>Opens a group; the leader is the caller (a given <c>leaderId</c> must be the caller's) and takes <c>units</c> (1 when absent).</summary>
public sealed record OpenGroupRequest(string? Rule, long? LeaderId, int? Units = null);

/// <summary>Joins a group as the caller (a given <c>memberId</c> must be the caller's), taking <c>units</c> (1 when absent).</summary>
public sealed record JoinGroupRequest(long? MemberId, int? Units = null);

/// <summary>Opens a group of a campaign for one of its SKUs; the leader is the caller and takes <c>units</c> (1 when absent).</summary>
public sealed record OpenCampaignGroupRequest(string? Sku, long? LeaderId, int? Units = null);

/// <summary>A campaign's group and what is left of its SKU's quota after the command.</summary>
public sealed record CampaignGroupResponse(GroupDto Group, string Sku, int Left, bool Duplicate);

/// <summary>A campaign: its window, limits and each SKU's price, quota and units left.</summary>
public sealed record CampaignDto(string Name, string Starts, string Ends, int? MaxUnitsPerOrder, int? MaxUnitsPerMember, IReadOnlyList<CampaignSkuDto> Skus);

/// <summary>A campaign's SKU: its campaign price, quota and units left, as committed.</summary>
public sealed record CampaignSkuDto(string Sku, MoneyDto Price, int Quota, int Left);

public sealed record ActivityRequest(long ActivityId, string? Kind, MoneyDto? Amount, string? Subject, int? Rank, long? ReferredId, long? ReversesId);

public sealed record CommissionLineDto(long BeneficiaryId, int Level, int SaleLineIndex, MoneyDto Amount, decimal? RatePercent, string Rule, string Explanation);

public sealed record FindingDto(string Code, string Severity, string Message);

public sealed record QuoteResponse(
    string SaleId,
    long BuyerId,
    MoneyDto Base,
    MoneyDto Total,
    MoneyDto Residual,
    IReadOnlyList<CommissionLineDto> Lines,
    IReadOnlyList<FindingDto> Findings);

/// <summary>What the ledger booked for a sale: on a retry, what the first posting booked.</summary>
public sealed record PostingResponse(string SaleId, long BuyerId, string Posting, MoneyDto Total, IReadOnlyList<EarningDto> Lines, string? PlanVersion);

public sealed record EarningDto(long BeneficiaryId, int Level, int SaleLineIndex, MoneyDto Amount);

public sealed record LedgerResponse(string Outcome, int Entries);

public sealed record WithdrawalResponse(string Outcome, MoneyDto Gross, MoneyDto Fee, MoneyDto Net);

public sealed record GroupDto(long Id, string Rule, long? LeaderId, string Status, IReadOnlyList<long>? Participants, string Deadline)
{
    /// <summary>Gets how many real participants the group holds (always shown; who they are is shown to participants and operators only).</summary>
    public int ParticipantCount { get; init; }

    /// <summary>Gets the units the group's seats hold (a seat may take several).</summary>
    public int Units { get; init; }
}

public sealed record LevelDto(string Name, int Index, long Points, decimal DiscountPercent, int CommissionRank, string? Badge);

public sealed record BalanceDto(
    string Currency,
    MoneyDto Pending,
    MoneyDto Frozen,
    MoneyDto Available,
    MoneyDto Withdrawn,
    MoneyDto ClawbackDebt,
    MoneyDto Booked,
    MoneyDto Reversed);

public sealed record MemberDto(long MemberId, long? ReferrerId, int Depth, LevelDto Level, IReadOnlyList<BalanceDto> Balances);

/// <summary>An honour a member holds (or held: expired honours stay on the record).</summary>
public sealed record HonourDto(string Name, string Tier, string Term, string Status, string AwardedAt, string? ExpiresAt);

/// <summary>A member's growth: level, points, streaks and honours.</summary>
public sealed record GrowthDto(long MemberId, LevelDto Level, long LifetimePoints, int CurrentStreak, int LongestStreak, IReadOnlyList<HonourDto> Honours);

/// <summary>
/// A member's referral reward: open until their first qualifying purchase claims it for their inviter; then pending,
/// earned when that purchase completes, or reversed by a refund after completion.
/// </summary>
public sealed record ReferralRewardDto(long MemberId, string Status, long? InviterId, string? SaleId, string? ClaimedAt, MoneyDto? InviterReward, MoneyDto? MemberReward);

public sealed record ActivityResponse(long MemberId, LevelDto Level, IReadOnlyList<string> Events);

public sealed record AuditResponse(string Profile, int MemberCount, int MaxDepth, string Shape, IReadOnlyList<FindingDto> Findings);

public sealed record CloseDueResponse(IReadOnlyList<GroupDto> Closed);

public sealed record OpenInvitationRequest(string? Rule, long? OwnerId);

public sealed record HelpInvitationRequest(long? HelperId);

public sealed record InvitationDto(long Id, string Rule, string Kind, long OwnerId, string Status, int HelpsDone, int HelpsRequired, MoneyDto? Price, MoneyDto? Remaining, string Deadline, IReadOnlyList<long>? Helpers);
