using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Samples.WebApi.Errors;
using SocialCommerce.Samples.WebApi.Security;
using static SocialCommerce.Samples.WebApi.Http.ShopRequests;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>
/// The endpoints a storefront calls. Each one names who may call it (<see cref="ShopPolicies"/>), reads its input
/// through <see cref="ShopRequests"/> and calls <see cref="Shop"/>.
/// </summary>
internal static class ShopEndpoints
{
    public static IEndpointRouteBuilder MapShop(this IEndpointRouteBuilder app)
    {
        MapMembers(app);
        MapSales(app);
        MapGroups(app);
        MapCampaigns(app);

        app.MapGet("/compliance/audit", async (Shop shop, CancellationToken ct) =>
        {
            var report = await shop.AuditAsync(ct);
            return new AuditResponse(report.Profile, report.Analysis.MemberCount, report.Analysis.MaxDepth, report.Analysis.Shape.ToString(), ShopResponses.Findings(report.Findings));
        }).RequireAuthorization(ShopPolicies.Operator);

        return app;
    }

    private static void MapMembers(IEndpointRouteBuilder app)
    {
        // The storefront's back office registers members at sign-up.
        app.MapPost("/members", async (Shop shop, AddMemberRequest request, CancellationToken ct) =>
        {
            var member = Member(request.MemberId, "memberId");
            MemberId? referrer = request.ReferrerId is { } r ? Member(r, "referrerId") : null;
            var result = await shop.AddMemberAsync(member, referrer, ct);
            return result.IsBound ? Results.Created($"/members/{request.MemberId}", ShopResponses.Member(await shop.GetMemberAsync(member, ct)))
                : result.Refusal == BindingRefusalReason.AlreadyRegistered ? Refused(result.Refusal.ToString(), result.Message)
                : Results.Problem(title: "Invalid request", detail: result.Message, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "referrerId" });
        }).RequireAuthorization(ShopPolicies.Operator);

        app.MapGet("/members/{id:long}", async (Shop shop, long id, CancellationToken ct) =>
            ShopResponses.Member(await shop.GetMemberAsync(Member(id, "id"), ct)))
            .RequireAuthorization(ShopPolicies.OwnAccountOrOperator);

        // Only the member moves its own money; an operator cannot withdraw for it.
        app.MapPost("/members/{id:long}/withdrawals", async (Shop shop, long id, WithdrawalRequest request, CancellationToken ct) =>
        {
            var withdrawalId = Required(request.WithdrawalId, "withdrawalId");
            var amount = Money(shop, request.Amount ?? throw Missing("amount"), "amount");
            var result = await shop.WithdrawAsync(withdrawalId, Member(id, "id"), amount, ct);
            return result.Result.Outcome == LedgerOutcome.Refused
                ? Refused(result.Result.Refusal.ToString(), result.Result.Message)
                : Results.Ok(new WithdrawalResponse(result.Result.Outcome.ToString(), MoneyDto.From(result.Gross), MoneyDto.From(result.Fee), MoneyDto.From(result.Net)));
        }).RequireAuthorization(ShopPolicies.OwnAccount).LimitWrites();

        app.MapGet("/members/{id:long}/growth", async (Shop shop, long id, CancellationToken ct) =>
            ShopResponses.Growth(await shop.GetGrowthAsync(Member(id, "id"), ct)))
            .RequireAuthorization(ShopPolicies.OwnAccountOrOperator);

        // The member's own referral reward (the one their first purchase claims for their inviter).
        app.MapGet("/members/{id:long}/referral-reward", async (Shop shop, long id, CancellationToken ct) =>
            ShopResponses.ReferralReward(await shop.GetReferralRewardAsync(Member(id, "id"), ct)))
            .RequireAuthorization(ShopPolicies.OwnAccountOrOperator);

        app.MapPost("/members/{id:long}/activities", async (Shop shop, long id, ActivityRequest request, CancellationToken ct) =>
        {
            var kind = Required(request.Kind, "kind");
            var member = Member(id, "id");
            var amount = request.Amount is null ? (Money?)null : Money(shop, request.Amount, "amount");
            var activity = new GrowthActivity(new ActivityId(request.ActivityId), member, shop.Now, new GrowthActivityKind(kind))
            {
                Amount = amount,
                Subject = request.Subject,
                Rank = request.Rank ?? 0,
                Referred = request.ReferredId is { } referred ? Member(referred, "referredId") : null,
                Reverses = request.ReversesId is { } reverses ? new ActivityId(reverses) : null,
            };
            var evaluation = await shop.ReportAsync(activity, ct);
            var events = new List<string>(evaluation.Events.Count);
            foreach (var growthEvent in evaluation.Events)
            {
                events.Add(ShopResponses.Describe(growthEvent));
            }

            return new ActivityResponse(id, ShopResponses.Level(evaluation.State), events);
        }).RequireAuthorization(ShopPolicies.Operator);
    }

    private static void MapSales(IEndpointRouteBuilder app)
    {
        var sales = app.MapGroup("/sales").RequireAuthorization(ShopPolicies.Operator);
        sales.MapPost("/quote", async (Shop shop, SaleRequest request, CancellationToken ct) =>
        {
            var (saleId, buyer, lines) = Sale(shop, request);
            return ShopResponses.Quote(await shop.QuoteAsync(saleId, buyer, lines, ct));
        });

        sales.MapPost("/", async (Shop shop, SaleRequest request, CancellationToken ct) =>
        {
            var (saleId, buyer, lines) = Sale(shop, request);
            var (posting, booked) = await shop.PostAsync(saleId, buyer, lines, ct);
            return posting.Outcome == LedgerOutcome.Refused
                ? Refused(posting.Refusal.ToString(), posting.Message)
                : Results.Ok(ShopResponses.Posting(booked!, posting.Outcome, null));
        });

        sales.MapPost("/{saleId}/complete", async (Shop shop, string saleId, CancellationToken ct) => Ledger(await shop.CompleteAsync(saleId, ct)));

        sales.MapPost("/{saleId}/refunds", async (Shop shop, string saleId, RefundRequest request, CancellationToken ct) =>
        {
            var refundId = Required(request.RefundId, "refundId");
            Money? amount = request.Amount is null ? null : Money(shop, request.Amount, "amount");
            return Ledger(await shop.RefundAsync(refundId, saleId, amount, RefundLines(request.Lines), ct));
        });

        app.MapPost("/ledger/release", async (Shop shop, CancellationToken ct) =>
        {
            var released = await shop.ReleaseAsync(ct);
            var postings = 0;
            foreach (var release in released)
            {
                postings += release.Postings.Count;
            }

            return Results.Ok(new LedgerResponse(released.Count > 0 ? nameof(LedgerOutcome.Applied) : nameof(LedgerOutcome.Duplicate), postings));
        }).RequireAuthorization(ShopPolicies.Operator);
    }

    private static void MapGroups(IEndpointRouteBuilder app)
    {
        // A member opens and joins groups as itself; a bot hammering them is slowed down per member (429).
        app.MapPost("/groups", async (Shop shop, ClaimsPrincipal user, OpenGroupRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.LeaderId, "leaderId", out var leader))
            {
                return Results.Forbid();
            }

            var result = await shop.OpenGroupAsync(Required(request.Rule, "rule"), leader, Units(request.Units), ct);
            return result.IsAccepted
                ? Results.Created($"/groups/{result.GroupId.Value}", ShopResponses.Group(await shop.GetGroupAsync(result.GroupId, ct)))
                : Refused(result.Refusal.ToString(), result.Message);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();

        // Paged (at most 100 a page, two database round trips whatever the page); who takes part only for participants
        // and operators.
        app.MapGet("/groups", async (Shop shop, ClaimsPrincipal user, int? skip, int? take, CancellationToken ct) =>
        {
            var from = skip ?? 0;
            var size = take ?? 20;
            if (from < 0)
            {
                throw new RequestValidationException("skip", $"skip should not be negative; was {from}.");
            }

            if (size is < 1 or > 100)
            {
                throw new RequestValidationException("take", $"take should be from 1 to 100; was {size}.");
            }

            var groups = await shop.GetGroupPageAsync(from, size, ct);
            var dtos = new List<GroupDto>(groups.Count);
            foreach (var group in groups)
            {
                dtos.Add(ShopResponses.Group(group, user));
            }

            return dtos;
        });

        app.MapGet("/groups/{id:long}", async (Shop shop, ClaimsPrincipal user, long id, CancellationToken ct) => ShopResponses.Group(await shop.GetGroupAsync(new GroupBuyId(id), ct), user));

        app.MapPost("/groups/{id:long}/join", async (Shop shop, ClaimsPrincipal user, long id, JoinGroupRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.MemberId, "memberId", out var member))
            {
                return Results.Forbid();
            }

            var result = await shop.JoinGroupAsync(new GroupBuyId(id), member, Units(request.Units), ct);
            return result.IsAccepted ? Results.Ok(ShopResponses.Group(await shop.GetGroupAsync(result.GroupId, ct))) : Refused(result.Refusal.ToString(), result.Message);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();

        app.MapPost("/invitations", async (Shop shop, ClaimsPrincipal user, OpenInvitationRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.OwnerId, "ownerId", out var owner))
            {
                return Results.Forbid();
            }

            var result = await shop.OpenInvitationAsync(Required(request.Rule, "rule"), owner, ct);
            return result.IsAccepted
                ? Results.Created($"/invitations/{result.InvitationId.Value}", ShopResponses.Invitation(await shop.GetInvitationAsync(result.InvitationId, ct), user))
                : Refused(result.Refusal.ToString(), result.Message);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();

        app.MapGet("/invitations/{id:long}", async (Shop shop, ClaimsPrincipal user, long id, CancellationToken ct) =>
            ShopResponses.Invitation(await shop.GetInvitationAsync(new InvitationId(id), ct), user)).RequireAuthorization();

        app.MapPost("/invitations/{id:long}/help", async (Shop shop, ClaimsPrincipal user, long id, HelpInvitationRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.HelperId, "helperId", out var helper))
            {
                return Results.Forbid();
            }

            var result = await shop.HelpAsync(new InvitationId(id), helper, ct);
            return result.IsAccepted ? Results.Ok(ShopResponses.Invitation(await shop.GetInvitationAsync(new InvitationId(id), ct), user)) : Refused(result.Refusal.ToString(), result.Message);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();

        app.MapPost("/groups/close-due", async (Shop shop, CancellationToken ct) =>
        {
            var closed = new List<GroupDto>();
            foreach (var result in await shop.CloseDueGroupsAsync(ct))
            {
                closed.Add(ShopResponses.Group(await shop.GetGroupAsync(result.GroupId, ct)));
            }

            return new CloseDueResponse(closed);
        }).RequireAuthorization(ShopPolicies.Operator);
    }

    // A campaign's groups: a seat of several units reserved from the SKU's quota; every answer shows the units left.
    private static void MapCampaigns(IEndpointRouteBuilder app)
    {
        app.MapGet("/campaigns/{name}", async (Shop shop, string name, CancellationToken ct) =>
        {
            var book = shop.Campaign(name);
            var skus = new List<CampaignSkuDto>();
            foreach (var sku in book.Campaign.Skus)
            {
                skus.Add(new CampaignSkuDto(sku.SkuId, MoneyDto.From(sku.CampaignPrice), sku.Quota, await book.GetLeftAsync(sku.SkuId, ct)));
            }

            var c = book.Campaign;
            return new CampaignDto(c.Name, InstantPattern.General.Format(c.Starts), InstantPattern.General.Format(c.Ends), c.MaxUnitsPerOrder, c.MaxUnitsPerMember, skus);
        });

        app.MapPost("/campaigns/{name}/groups", async (Shop shop, ClaimsPrincipal user, string name, OpenCampaignGroupRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.LeaderId, "leaderId", out var leader))
            {
                return Results.Forbid();
            }

            var book = shop.Campaign(name);
            var sku = Required(request.Sku, "sku");
            var result = await shop.OpenCampaignGroupAsync(book, sku, leader, Units(request.Units), ct);
            return result.IsAccepted
                ? Results.Created($"/groups/{result.GroupId.Value}", await CampaignGroupAsync(book, result, ct))
                : CampaignRefused(result);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();

        app.MapPost("/campaigns/{name}/groups/{id:long}/join", async (Shop shop, ClaimsPrincipal user, string name, long id, JoinGroupRequest request, CancellationToken ct) =>
        {
            if (!Caller(user, request.MemberId, "memberId", out var member))
            {
                return Results.Forbid();
            }

            var book = shop.Campaign(name);
            var result = await shop.JoinCampaignGroupAsync(book, new GroupBuyId(id), member, Units(request.Units), ct);
            return result.IsAccepted ? Results.Ok(await CampaignGroupAsync(book, result, ct)) : CampaignRefused(result);
        }).RequireAuthorization(ShopPolicies.Member).LimitJoins();
    }

    private static async Task<CampaignGroupResponse> CampaignGroupAsync(StoredCampaignBook book, CampaignResult result, CancellationToken ct)
    {
        var group = await book.GetAsync(result.GroupId, ct) ?? throw new UnknownGroupBuyException(result.GroupId);
        var sku = System.Linq.Enumerable.First(book.Campaign.Skus, s => book.Campaign.RuleFor(s.SkuId) == group.Rule).SkuId;
        return new CampaignGroupResponse(ShopResponses.Group(group), sku, await book.GetLeftAsync(sku, ct), result.IsDuplicate);
    }

    // The campaign's refusal (a limit, the quota: its name and numbers) before the group's.
    private static IResult CampaignRefused(CampaignResult result) =>
        Refused(result.QuotaRefusal != CampaignQuotaRefusal.None ? result.QuotaRefusal.ToString() : result.Group.Refusal.ToString(), result.Message);

    // A seat's units: 1 when the request leaves them out; the sample takes 1 to 1,000.
    private static int Units(int? units) => units switch
    {
        null => 1,
        >= 1 and <= 1_000 => units.Value,
        _ => throw new RequestValidationException("units", $"units should be from 1 to 1000; was {units}."),
    };

    // The member a request acts for is the caller; a body naming somebody else is forbidden.
    private static bool Caller(ClaimsPrincipal user, long? named, string field, out MemberId member)
    {
        ShopClaims.TryGetMember(user, out var caller);
        member = new MemberId(caller);
        return named is null || Member(named.Value, field).Value == caller;
    }

    private static IResult Ledger(SaleCommissionResult result) =>
        result.Outcome == LedgerOutcome.Refused
            ? Refused(result.Refusal.ToString(), result.Message)
            : Results.Ok(new LedgerResponse(result.Outcome.ToString(), result.Postings.Count));

    private static IResult Refused(string refusal, string? message) =>
        Results.Problem(
            title: "Refused: " + refusal,
            detail: message ?? refusal,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["refusal"] = refusal });
}
