using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>A generated community-batch product: id, price in minor units, the minimum to confirm, and a per-member limit.</summary>
/// <param name="Id">The product id.</param>
/// <param name="PriceMinorUnits">The unit price, in minor units.</param>
/// <param name="Minimum">The units the batch must reach for the product to be confirmed.</param>
/// <param name="Limit">The most units one member may order, or null.</param>
public sealed record BatchProductSample(string Id, long PriceMinorUnits, int Minimum, int? Limit);

/// <summary>One line of a generated community order: a product index and units.</summary>
/// <param name="Product">The product's index in <see cref="CommunityBatchScenario.Products"/>.</param>
/// <param name="Quantity">The units.</param>
public readonly record struct BatchOrderLine(int Product, int Quantity);

/// <summary>A generated community order: the member, its lines, and when it is placed relative to the cut-off.</summary>
/// <param name="Member">The member's id.</param>
/// <param name="Lines">The lines.</param>
/// <param name="MinutesFromCutOff">Minutes relative to the cut-off (negative: before it).</param>
public sealed record BatchOrderSample(long Member, IReadOnlyList<BatchOrderLine> Lines, int MinutesFromCutOff)
{
    /// <summary>Formats as <c>m3@-120min [p0x2, p1x1]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"m{Member}@{MinutesFromCutOff}min [{string.Join(", ", Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"p{l.Product}x{l.Quantity}")))}]");
}

/// <summary>What one order of a <see cref="CommunityBatchRun"/> gave.</summary>
/// <param name="Order">The order.</param>
/// <param name="Result">The batch's result.</param>
public sealed record BatchOrderOutcome(BatchOrderSample Order, CommunityOrderResult Result);

/// <summary>A <see cref="CommunityBatchScenario"/> played: the batch, each order's outcome and the settlement at the cut-off.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="Orders">Each order's outcome, in order.</param>
/// <param name="Settlement">The settlement at the cut-off.</param>
public sealed record CommunityBatchRun(CommunityBatch Batch, IReadOnlyList<BatchOrderOutcome> Orders, CommunityBatchSettlement Settlement);

/// <summary>
/// A generated community batch (社区团购): products, orders placed around the cut-off, and the leader's commission
/// rate. <see cref="Play"/> runs it for delivery on 2026-11-20 with a cut-off at 23:00 the day before, in Shanghai.
/// </summary>
/// <param name="Products">The products.</param>
/// <param name="Orders">The orders, in order.</param>
/// <param name="RateBasisPoints">The leader's commission rate, in basis points.</param>
public sealed record CommunityBatchScenario(IReadOnlyList<BatchProductSample> Products, IReadOnlyList<BatchOrderSample> Orders, int RateBasisPoints)
{
    /// <summary>The batch's delivery date.</summary>
    public static readonly LocalDate DeliveryDate = new(2026, 11, 20);

    /// <summary>The batch's leader: member 100.</summary>
    public static readonly MemberId Leader = new(100);

    /// <summary>Builds the batch rule: Shanghai, 23:00 one day before delivery, the scenario's commission rate.</summary>
    /// <returns>The rule.</returns>
    public CommunityBatchRule BuildRule() =>
        new(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.BasisPoints(RateBasisPoints));

    /// <summary>Opens the batch (id <c>b1</c>), places every order (ids <c>o0</c>, <c>o1</c>, ...) and closes it at the cut-off.</summary>
    /// <returns>The run.</returns>
    /// <exception cref="InvalidOperationException">The batch did not close at its cut-off.</exception>
    public CommunityBatchRun Play()
    {
        var products = Products.Select(p => new CommunityProduct(p.Id, Money.FromMinorUnits(p.PriceMinorUnits, Currency.CNY), p.Minimum, p.Limit));
        var batch = new CommunityBatch("b1", Leader, DeliveryDate, BuildRule(), products);
        var outcomes = new List<BatchOrderOutcome>();
        for (var i = 0; i < Orders.Count; i++)
        {
            var order = Orders[i];
            var lines = order.Lines.Select(l => new CommunityOrderLine(Products[l.Product].Id, l.Quantity)).ToArray();
            var id = "o" + i.ToString(CultureInfo.InvariantCulture);
            outcomes.Add(new BatchOrderOutcome(order, batch.PlaceOrder(id, new MemberId(order.Member), lines, batch.CutOff + Duration.FromMinutes(order.MinutesFromCutOff))));
        }

        var close = batch.CloseAtCutOff(batch.CutOff);
        if (!close.IsClosed || close.Settlement is null)
        {
            throw new InvalidOperationException($"The batch did not close at its cut-off: {close.Refusal}.");
        }

        return new CommunityBatchRun(batch, outcomes, close.Settlement);
    }

    /// <summary>Formats the rate, the products and the orders.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"rate {RateBasisPoints} bp, products [{string.Join(", ", Products.Select(p => p.ToString()))}], orders [{string.Join("; ", Orders.Select(o => o.ToString()))}]");
}
