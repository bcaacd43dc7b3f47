using System.Collections.Generic;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Samples.WebApi.Errors;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>
/// Reads request bodies into the SDK's values, refusing (400, naming the field) what is missing, null or out of
/// range. The quote and the posting read a sale the same way, so whatever a quote accepts can be posted.
/// </summary>
internal static class ShopRequests
{
    public static (string SaleId, MemberId Buyer, List<SaleLine> Lines) Sale(Shop shop, SaleRequest request)
    {
        var saleId = Required(request.SaleId, "saleId");
        var buyer = Member(request.BuyerId, "buyerId");
        if (request.Lines is not { Count: > 0 })
        {
            throw new RequestValidationException("lines", "lines: a sale needs at least one line.");
        }

        var lines = new List<SaleLine>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var path = $"lines[{i}]";
            var line = request.Lines[i] ?? throw new RequestValidationException(path, $"{path} is null; every sale line is an object.");
            var paid = Money(shop, line.Paid ?? throw Missing(path + ".paid"), path + ".paid");
            Money? shipping = line.Shipping is null ? null : Money(shop, line.Shipping, path + ".shipping");
            lines.Add(new SaleLine(Required(line.ProductId, path + ".productId"), line.Category ?? string.Empty, line.Quantity, paid, shipping));
        }

        return (saleId, buyer, lines);
    }

    public static List<LedgerRefundLine>? RefundLines(IReadOnlyList<RefundLineRequest?>? requested)
    {
        if (requested is null)
        {
            return null;
        }

        var lines = new List<LedgerRefundLine>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var line = requested[i] ?? throw new RequestValidationException($"lines[{i}]", $"lines[{i}] is null; every refund line is an object.");
            lines.Add(new LedgerRefundLine(line.LineIndex, line.Quantity));
        }

        return lines;
    }

    /// <summary>A member id: positive (ids are the shop's own, 1 and up).</summary>
    public static MemberId Member(long id, string field) =>
        id > 0 ? new MemberId(id) : throw new RequestValidationException(field, $"{field} = {id}: member ids are positive.");

    public static Money Money(Shop shop, MoneyDto dto, string field)
    {
        var code = dto.Currency ?? shop.Settings.DefaultCurrency.Code;
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw new RequestValidationException(field + ".currency", $"{field}.currency = '{code}': unknown currency.");
        }

        return new Money(dto.Amount, currency);
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(field) : value;

    public static RequestValidationException Missing(string field) => new(field, $"{field} is required.");
}
