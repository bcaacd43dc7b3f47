using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.WebApi;

/// <summary>The endpoints a storefront calls. Each one validates its input and calls <see cref="Shop"/>.</summary>
internal static class ShopEndpoints
{
    public static IEndpointRouteBuilder MapShop(this IEndpointRouteBuilder app)
    {
        app.MapPost("/members", async (Shop shop, AddMemberRequest request, CancellationToken ct) =>
        {
            var member = new MemberId(request.MemberId);
            var result = await shop.AddMemberAsync(member, request.ReferrerId is { } r ? new MemberId(r) : null, ct);
            // Registering a member twice is a conflict; an unknown referrer or a self-referral is bad input.
            return result.IsBound ? Results.Created($"/members/{request.MemberId}", ToDto(await shop.GetMemberAsync(member, ct)))
                : result.Refusal == BindingRefusalReason.AlreadyRegistered ? Refused(result.Refusal.ToString(), result.Message)
                : Results.Problem(title: "Bad request", detail: result.Message, statusCode: StatusCodes.Status400BadRequest);
        });

        app.MapGet("/members/{id:long}", async (Shop shop, long id, CancellationToken ct) => ToDto(await shop.GetMemberAsync(new MemberId(id), ct)));

        app.MapPost("/sales/quote", async (Shop shop, SaleRequest request, CancellationToken ct) =>
        {
            var (saleId, buyer, lines) = ReadSale(shop, request);
            return ToDto(await shop.QuoteAsync(saleId, buyer, lines, ct), null);
        });

        app.MapPost("/sales", async (Shop shop, SaleRequest request, CancellationToken ct) =>
        {
            var (saleId, buyer, lines) = ReadSale(shop, request);
            var (quote, posting) = await shop.QuoteAndPostAsync(saleId, buyer, lines, ct);
            return posting.Outcome == LedgerOutcome.Refused
                ? Refused(posting.Refusal.ToString(), posting.Message)
                : Results.Ok(ToDto(quote, posting.Outcome.ToString()));
        });

        app.MapPost("/sales/{saleId}/complete", async (Shop shop, string saleId, CancellationToken ct) => Ledger(await shop.CompleteAsync(saleId, ct)));

        app.MapPost("/sales/{saleId}/refunds", async (Shop shop, string saleId, RefundRequest request, CancellationToken ct) =>
        {
            var refundId = Required(request.RefundId, "refundId");
            Money? amount = request.Amount is null ? null : ToMoney(shop, request.Amount, "amount");
            List<LedgerRefundLine>? lines = null;
            if (request.Lines is not null)
            {
                lines = new List<LedgerRefundLine>(request.Lines.Count);
                foreach (var line in request.Lines)
                {
                    lines.Add(new LedgerRefundLine(line.LineIndex, line.Quantity));
                }
            }

            return Ledger(await shop.RefundAsync(refundId, saleId, amount, lines, ct));
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
        });

        app.MapPost("/members/{id:long}/withdrawals", async (Shop shop, long id, WithdrawalRequest request, CancellationToken ct) =>
        {
            var withdrawalId = Required(request.WithdrawalId, "withdrawalId");
            var amount = ToMoney(shop, request.Amount ?? throw Missing("amount"), "amount");
            var result = await shop.WithdrawAsync(withdrawalId, new MemberId(id), amount, ct);
            return result.Result.Outcome == LedgerOutcome.Refused
                ? Refused(result.Result.Refusal.ToString(), result.Result.Message)
                : Results.Ok(new WithdrawalResponse(result.Result.Outcome.ToString(), MoneyDto.From(result.Gross), MoneyDto.From(result.Fee), MoneyDto.From(result.Net)));
        });

        app.MapPost("/groups", async (Shop shop, OpenGroupRequest request, CancellationToken ct) =>
        {
            var result = await shop.OpenGroupAsync(Required(request.Rule, "rule"), new MemberId(request.LeaderId), ct);
            return result.IsAccepted
                ? Results.Created($"/groups/{result.GroupId.Value}", ToDto(await shop.GetGroupAsync(result.GroupId, ct)))
                : Refused(result.Refusal.ToString(), result.Message);
        });

        app.MapGet("/groups", async (Shop shop, CancellationToken ct) =>
        {
            var groups = await shop.GetGroupsAsync(ct);
            var dtos = new List<GroupDto>(groups.Count);
            foreach (var group in groups)
            {
                dtos.Add(ToDto(group));
            }

            return dtos;
        });

        app.MapGet("/groups/{id:long}", async (Shop shop, long id, CancellationToken ct) => ToDto(await shop.GetGroupAsync(new GroupBuyId(id), ct)));

        app.MapPost("/groups/{id:long}/join", async (Shop shop, long id, JoinGroupRequest request, CancellationToken ct) =>
        {
            var result = await shop.JoinGroupAsync(new GroupBuyId(id), new MemberId(request.MemberId), ct);
            return result.IsAccepted ? Results.Ok(ToDto(await shop.GetGroupAsync(result.GroupId, ct))) : Refused(result.Refusal.ToString(), result.Message);
        });

        app.MapPost("/groups/close-due", async (Shop shop, CancellationToken ct) =>
        {
            var closed = new List<GroupDto>();
            foreach (var result in await shop.CloseDueGroupsAsync(ct))
            {
                closed.Add(ToDto(await shop.GetGroupAsync(result.GroupId, ct)));
            }

            return new CloseDueResponse(closed);
        });

        app.MapPost("/members/{id:long}/activities", async (Shop shop, long id, ActivityRequest request, CancellationToken ct) =>
        {
            var kind = Required(request.Kind, "kind");
            var member = new MemberId(id);
            var amount = request.Amount is null ? (Money?)null : ToMoney(shop, request.Amount, "amount");
            var activity = new GrowthActivity(new ActivityId(request.ActivityId), member, shop.Now, new GrowthActivityKind(kind))
            {
                Amount = amount,
                Subject = request.Subject,
                Rank = request.Rank ?? 0,
                Referred = request.ReferredId is { } referred ? new MemberId(referred) : null,
                Reverses = request.ReversesId is { } reverses ? new ActivityId(reverses) : null,
            };
            var evaluation = await shop.ReportAsync(activity, ct);
            var events = new List<string>(evaluation.Events.Count);
            foreach (var growthEvent in evaluation.Events)
            {
                events.Add(Describe(growthEvent));
            }

            return new ActivityResponse(id, ToDto(evaluation.State), events);
        });

        app.MapGet("/compliance/audit", async (Shop shop, CancellationToken ct) =>
        {
            var report = await shop.AuditAsync(ct);
            return new AuditResponse(report.Profile, report.Analysis.MemberCount, report.Analysis.MaxDepth, report.Analysis.Shape.ToString(), ToDto(report.Findings));
        });

        return app;
    }

    private static (string SaleId, MemberId Buyer, List<SaleLine> Lines) ReadSale(Shop shop, SaleRequest request)
    {
        var saleId = Required(request.SaleId, "saleId");
        if (request.Lines is not { Count: > 0 })
        {
            throw new ArgumentException("lines: a sale needs at least one line.", nameof(request));
        }

        var lines = new List<SaleLine>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            var path = $"lines[{i}]";
            var paid = ToMoney(shop, line.Paid ?? throw Missing(path + ".paid"), path + ".paid");
            Money? shipping = line.Shipping is null ? null : ToMoney(shop, line.Shipping, path + ".shipping");
            lines.Add(new SaleLine(Required(line.ProductId, path + ".productId"), line.Category ?? string.Empty, line.Quantity, paid, shipping));
        }

        return (saleId, new MemberId(request.BuyerId), lines);
    }

    private static Money ToMoney(Shop shop, MoneyDto dto, string field)
    {
        var code = dto.Currency ?? shop.Settings.DefaultCurrency.Code;
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw new ArgumentException($"{field}.currency = '{code}': unknown currency.", nameof(dto));
        }

        return new Money(dto.Amount, currency);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(field) : value;

    private static ArgumentException Missing(string field) => new($"{field} is required.", field);

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

    private static QuoteResponse ToDto(CommissionQuote quote, string? posting)
    {
        var lines = new List<CommissionLineDto>(quote.Lines.Length);
        foreach (var line in quote.Lines)
        {
            lines.Add(new CommissionLineDto(
                line.Beneficiary.Value, line.Level, line.SaleLineIndex, MoneyDto.From(line.Amount), line.Rate?.AsPercent, line.Rule, line.Explanation));
        }

        return new QuoteResponse(
            quote.SaleId, quote.Buyer.Value, MoneyDto.From(quote.Base), MoneyDto.From(quote.Total), MoneyDto.From(quote.Residual), lines, ToDto(quote.Findings), posting);
    }

    private static List<FindingDto> ToDto(IEnumerable<ComplianceFinding> findings)
    {
        var result = new List<FindingDto>();
        foreach (var finding in findings)
        {
            result.Add(new FindingDto(finding.Code, finding.Severity.ToString(), finding.Message));
        }

        return result;
    }

    private static GroupDto ToDto(GroupBuy group)
    {
        var members = group.GetParticipants();
        var participants = new List<long>(members.Length);
        foreach (var participant in members)
        {
            participants.Add(participant.Value);
        }

        return new GroupDto(group.Id.Value, group.Rule.Name, group.Leader.Value, group.Status.ToString(), participants, InstantPattern.General.Format(group.Deadline));
    }

    private static LevelDto ToDto(MemberGrowth growth) =>
        new(growth.Level.Name, growth.LevelIndex, growth.Balance, growth.Level.Benefits.Discount.AsPercent, growth.Level.Benefits.CommissionRank, growth.Level.Benefits.Badge);

    private static MemberDto ToDto(MemberView view)
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

        return new MemberDto(view.Member.Value, view.Referrer?.Value, view.Depth, ToDto(view.Growth), balances);
    }

    private static string Describe(GrowthEvent growthEvent) => growthEvent switch
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
