using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SocialCommerce.Samples.WebApi.Persistence;

/// <summary>
/// One accepted command of the shop, as stored in the append-only log. Instants are Unix ticks (UTC, 100 ns),
/// amounts are decimals with their currency code: replaying the log through the engines rebuilds the state.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MemberAdded), "member-added")]
[JsonDerivedType(typeof(SalePosted), "sale-posted")]
[JsonDerivedType(typeof(SaleCompleted), "sale-completed")]
[JsonDerivedType(typeof(RefundPosted), "refund-posted")]
[JsonDerivedType(typeof(LedgerReleased), "ledger-released")]
[JsonDerivedType(typeof(WithdrawalPosted), "withdrawal-posted")]
[JsonDerivedType(typeof(GroupOpenRequested), "group-opened")]
[JsonDerivedType(typeof(GroupJoinRequested), "group-joined")]
[JsonDerivedType(typeof(GroupsClosedDue), "groups-closed")]
[JsonDerivedType(typeof(GrowthReported), "growth-reported")]
public abstract record ShopCommand(long AtTicks);

/// <summary>A member registered, with its referrer if any.</summary>
public sealed record MemberAdded(long AtTicks, long Member, long? Referrer) : ShopCommand(AtTicks);

/// <summary>A sale quoted and booked: the quote's earnings are stored, so a replay never re-quotes.</summary>
public sealed record SalePosted(
    long AtTicks,
    string SaleId,
    long Buyer,
    string Currency,
    IReadOnlyList<StoredSaleLine> Lines,
    IReadOnlyList<StoredEarning> Earnings,
    long ReturnWindowTicks) : ShopCommand(AtTicks);

/// <summary>A sale line of a stored sale.</summary>
public sealed record StoredSaleLine(int Quantity, decimal Paid);

/// <summary>A quoted earning of a stored sale.</summary>
public sealed record StoredEarning(long Beneficiary, int Level, int LineIndex, decimal Amount);

/// <summary>A sale completed (delivered).</summary>
public sealed record SaleCompleted(long AtTicks, string SaleId) : ShopCommand(AtTicks);

/// <summary>A refund: of sale lines when <see cref="Lines"/> is set, of an amount when <see cref="Amount"/> is, else full.</summary>
public sealed record RefundPosted(long AtTicks, string RefundId, string SaleId, decimal? Amount, string? Currency, IReadOnlyList<StoredRefundLine>? Lines) : ShopCommand(AtTicks);

/// <summary>A refunded quantity of one sale line.</summary>
public sealed record StoredRefundLine(int LineIndex, int Quantity);

/// <summary>A release of what is due at the instant.</summary>
public sealed record LedgerReleased(long AtTicks) : ShopCommand(AtTicks);

/// <summary>A withdrawal of available commission.</summary>
public sealed record WithdrawalPosted(long AtTicks, string WithdrawalId, long Member, decimal Amount, string Currency) : ShopCommand(AtTicks);

/// <summary>A group opened under a rule by its leader.</summary>
public sealed record GroupOpenRequested(long AtTicks, string Rule, long Leader) : ShopCommand(AtTicks);

/// <summary>A member joined a group.</summary>
public sealed record GroupJoinRequested(long AtTicks, long GroupId, long Member, bool IsNewMember) : ShopCommand(AtTicks);

/// <summary>The groups due at the instant were closed (formed or failed).</summary>
public sealed record GroupsClosedDue(long AtTicks) : ShopCommand(AtTicks);

/// <summary>A growth activity reported for a member.</summary>
public sealed record GrowthReported(
    long AtTicks,
    long ActivityId,
    long Member,
    string Kind,
    decimal? Amount,
    string? Currency,
    string? Subject,
    int Rank,
    long? Referred,
    long? Reverses) : ShopCommand(AtTicks);
