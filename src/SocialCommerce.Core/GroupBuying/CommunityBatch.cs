using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// One leader's pickup point for one delivery day (社区团购): takes orders until the cut-off, then
/// confirms each product whose total quantity met its threshold and refunds the others, per order line,
/// and quotes the leader's commission on confirmed sales.
/// </summary>
/// <remarks>
/// <para>
/// The cut-off is exclusive: an order at or after <see cref="CutOff"/> is refused; one tick before is accepted.
/// An order is accepted whole or refused whole (nothing half-applied).
/// </para>
/// <para>Not thread-safe: like <see cref="GroupBuy"/>, a host serialises actions per batch (optimistic concurrency on <see cref="Version"/>).</para>
/// </remarks>
public sealed partial class CommunityBatch
{
    private readonly CommunityProduct[] _products;
    private readonly Dictionary<string, int> _productIndex = new(StringComparer.Ordinal);
    private readonly int[] _ordered;
    private readonly Dictionary<(MemberId Member, int Product), int> _perMember = [];
    private readonly HashSet<string> _orderIds = new(StringComparer.Ordinal);
    private readonly List<AcceptedLine> _lines = [];

    /// <summary>Creates a batch whose cut-off follows the rule (e.g. 23:00 the day before delivery).</summary>
    /// <param name="batchId">The host's identifier of the batch; not empty.</param>
    /// <param name="leader">The community leader (团长) running the pickup point.</param>
    /// <param name="deliveryDate">The delivery day.</param>
    /// <param name="rule">The rule: zone, cut-off, leader commission.</param>
    /// <param name="products">The products offered: at least one, distinct ids, one currency.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is empty, there are no products, a product id repeats, or the currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The delivery day's cut-off is outside the supported instants (the calendar's edges).</exception>
    public CommunityBatch(string batchId, MemberId leader, LocalDate deliveryDate, CommunityBatchRule rule, IEnumerable<CommunityProduct> products)
        : this(batchId, leader, deliveryDate, rule, products, null)
    {
    }

    /// <summary>Creates a batch with its own local cut-off instead of the rule's.</summary>
    /// <param name="batchId">The host's identifier of the batch; not empty.</param>
    /// <param name="leader">The community leader (团长) running the pickup point.</param>
    /// <param name="deliveryDate">The delivery day.</param>
    /// <param name="rule">The rule: zone, leader commission.</param>
    /// <param name="products">The products offered: at least one, distinct ids, one currency.</param>
    /// <param name="cutOffLocal">The cut-off in the rule's zone, resolved like the rule's (daylight-saving safe).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is empty, there are no products, a product id repeats, or the currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The delivery day's cut-off is outside the supported instants (the calendar's edges).</exception>
    public CommunityBatch(string batchId, MemberId leader, LocalDate deliveryDate, CommunityBatchRule rule, IEnumerable<CommunityProduct> products, LocalDateTime cutOffLocal)
        : this(batchId, leader, deliveryDate, rule, products, (LocalDateTime?)cutOffLocal)
    {
    }

    private CommunityBatch(string batchId, MemberId leader, LocalDate deliveryDate, CommunityBatchRule rule, IEnumerable<CommunityProduct> products, LocalDateTime? cutOffLocal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        Limits.CheckId(batchId, nameof(batchId));
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(products);
        var list = new List<CommunityProduct>();
        foreach (var product in products)
        {
            ArgumentNullException.ThrowIfNull(product, nameof(products));
            if (!_productIndex.TryAdd(product.ProductId, list.Count))
            {
                throw new ArgumentException($"Community batch '{batchId}' offers product '{product.ProductId}' twice.", nameof(products));
            }

            if (list.Count > 0 && !product.UnitPrice.Currency.Equals(list[0].UnitPrice.Currency))
            {
                throw new ArgumentException($"Community batch '{batchId}': product '{product.ProductId}' is priced in {product.UnitPrice.Currency.Code}, the batch in {list[0].UnitPrice.Currency.Code}.", nameof(products));
            }

            list.Add(product);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException($"Community batch '{batchId}' should offer at least one product.", nameof(products));
        }

        // The cut-off must be an instant the engines support: a delivery day at the calendar's edge is refused here,
        // naming it, instead of overflowing in a later command.
        LocalDateTime local;
        Instant cutOff;
        try
        {
            local = cutOffLocal ?? rule.CutOffLocal(deliveryDate);
            cutOff = CommunityBatchRule.Resolve(local, rule.Zone);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw new ArgumentOutOfRangeException(nameof(deliveryDate), deliveryDate, $"Community batch '{batchId}': delivery day {deliveryDate} has no cut-off the calendar can hold ({e.Message}).");
        }

        if (!Limits.IsSupported(cutOff))
        {
            throw new ArgumentOutOfRangeException(nameof(deliveryDate), deliveryDate, $"Community batch '{batchId}': the cut-off {cutOff} of delivery day {deliveryDate} is outside the supported instants [{Limits.MinInstant}-{Limits.MaxInstant}).");
        }

        Id = batchId;
        Leader = leader;
        DeliveryDate = deliveryDate;
        Rule = rule;
        _products = [.. list];
        _ordered = new int[_products.Length];
        Currency = _products[0].UnitPrice.Currency;
        CutOffLocal = local;
        CutOff = cutOff;
    }

    /// <summary>Gets the batch's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the community leader.</summary>
    public MemberId Leader { get; }

    /// <summary>Gets the delivery day.</summary>
    public LocalDate DeliveryDate { get; }

    /// <summary>Gets the rule.</summary>
    public CommunityBatchRule Rule { get; }

    /// <summary>Gets the currency of the batch's prices.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the products offered.</summary>
    public IReadOnlyList<CommunityProduct> Products => _products;

    /// <summary>Gets the cut-off's local date and time in the rule's zone.</summary>
    public LocalDateTime CutOffLocal { get; }

    /// <summary>Gets the exclusive cut-off instant: orders at or after it are refused.</summary>
    public Instant CutOff { get; }

    /// <summary>Gets the batch's status.</summary>
    public CommunityBatchStatus Status { get; private set; }

    /// <summary>Gets the version: the number of accepted actions (orders and the close).</summary>
    public long Version { get; private set; }

    /// <summary>Returns the total quantity ordered so far for a product.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The total over all accepted orders.</returns>
    /// <exception cref="UnknownCommunityProductException">The batch does not offer the product.</exception>
    public int OrderedQuantity(string productId) => _ordered[IndexOf(productId)];

    /// <summary>Places an order: accepted whole, or refused whole.</summary>
    /// <param name="orderId">The host's order identifier; unique within the batch.</param>
    /// <param name="member">The member ordering.</param>
    /// <param name="lines">The lines: at least one, each product at most once, quantities at least 1.</param>
    /// <param name="at">When the order is placed.</param>
    /// <returns>
    /// Accepted; a duplicate (<see cref="CommunityOrderResult.IsDuplicate"/>) when the same order — id, member and
    /// lines — was accepted before, whatever happened since (decided before any state check: a resend after the
    /// cut-off or the close still answers its first outcome); or refused — checked in this order:
    /// <see cref="CommunityBatchRefusal.ConflictingDuplicate"/> (the id was used for another order),
    /// <see cref="CommunityBatchRefusal.AlreadyClosed"/>, <see cref="CommunityBatchRefusal.CutOffPassed"/>,
    /// <see cref="CommunityBatchRefusal.PerMemberLimitExceeded"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="orderId"/> or <paramref name="lines"/> is null.</exception>
    /// <exception cref="ArgumentException">The order id is empty, there are no lines, or a product appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is below 1.</exception>
    /// <exception cref="UnknownCommunityProductException">A line names a product the batch does not offer.</exception>
    public CommunityOrderResult PlaceOrder(string orderId, MemberId member, IReadOnlyList<CommunityOrderLine> lines, Instant at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        Limits.CheckId(orderId, nameof(orderId));
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException($"Order '{orderId}' should have at least one line.", nameof(lines));
        }

        var indices = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Quantity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(lines), line.Quantity, $"Order '{orderId}', product '{line.ProductId}': quantity should be at least 1; was {line.Quantity}.");
            }

            indices[i] = IndexOf(line.ProductId);
            for (var j = 0; j < i; j++)
            {
                if (indices[j] == indices[i])
                {
                    throw new ArgumentException($"Order '{orderId}' names product '{line.ProductId}' twice; merge the lines.", nameof(lines));
                }
            }
        }

        if (_orderIds.Contains(orderId))
        {
            return SameOrder(orderId, member, lines, indices)
                ? new CommunityOrderResult(orderId, CommunityBatchRefusal.None, Version) { IsDuplicate = true }
                : new CommunityOrderResult(orderId, CommunityBatchRefusal.ConflictingDuplicate, Version);
        }

        CommunityBatchRefusal refusal;
        if (Status == CommunityBatchStatus.Closed)
        {
            refusal = CommunityBatchRefusal.AlreadyClosed;
        }
        else if (at >= CutOff)
        {
            refusal = CommunityBatchRefusal.CutOffPassed;
        }
        else
        {
            refusal = CommunityBatchRefusal.None;
            for (var i = 0; i < lines.Count; i++)
            {
                if (_products[indices[i]].PerMemberLimit is int limit
                    && (long)MemberQuantity(member, indices[i]) + lines[i].Quantity > limit)
                {
                    refusal = CommunityBatchRefusal.PerMemberLimitExceeded;
                    break;
                }
            }
        }

        if (refusal != CommunityBatchRefusal.None)
        {
            return new CommunityOrderResult(orderId, refusal, Version);
        }

        // All checks passed: nothing below can refuse, so the order is applied whole.
        var totals = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            totals[i] = checked(_ordered[indices[i]] + lines[i].Quantity);
        }

        _orderIds.Add(orderId);
        for (var i = 0; i < lines.Count; i++)
        {
            var p = indices[i];
            _ordered[p] = totals[i];
            if (_products[p].PerMemberLimit.HasValue)
            {
                _perMember[(member, p)] = MemberQuantity(member, p) + lines[i].Quantity;
            }

            _lines.Add(new AcceptedLine(orderId, member, p, lines[i].Quantity));
        }

        Version++;
        return new CommunityOrderResult(orderId, CommunityBatchRefusal.None, Version);
    }

    /// <summary>
    /// Closes the batch at the cut-off: each product whose total quantity meets its threshold is
    /// confirmed, the others refunded, per order line; the leader's commission is quoted on confirmed sales.
    /// </summary>
    /// <param name="at">The instant of evaluation; at or after <see cref="CutOff"/>.</param>
    /// <param name="listener">Told about the settlement (products confirmed and refunded); none when null.</param>
    /// <returns>
    /// The settlement; the same settlement again as a duplicate (<see cref="CommunityCloseResult.IsDuplicate"/>) when
    /// the batch was closed before, whatever the instant (a resend answers its first outcome); or refused with
    /// <see cref="CommunityBatchRefusal.NotYetDue"/>, or <see cref="CommunityBatchRefusal.AlreadyClosed"/> for a batch
    /// restored from a snapshot written before the closing instant was kept.
    /// </returns>
    public CommunityCloseResult CloseAtCutOff(Instant at, SocialCommerceListener? listener = null)
    {
        if (Status == CommunityBatchStatus.Closed)
        {
            return ClosedAt is { } closedAt
                ? Settle(closedAt) with { IsDuplicate = true }
                : new CommunityCloseResult(CommunityBatchRefusal.AlreadyClosed, null);
        }

        if (at < CutOff)
        {
            return new CommunityCloseResult(CommunityBatchRefusal.NotYetDue, null);
        }

        Status = CommunityBatchStatus.Closed;
        ClosedAt = at;
        Version++;
        var closed = Settle(at);
        if (listener is not null)
        {
            CommittedReport.To(listener, static (l, a) => l.OnCommunityBatchClosed(a), new CommunityBatchClosedArguments(Id, closed.Settlement!));
        }

        return closed;
    }

    /// <summary>Gets when the batch was closed; null while open (or restored from a snapshot that did not keep it).</summary>
    public Instant? ClosedAt { get; private set; }

    // The settlement of a closed batch: what its lines decide, at the closing instant (the same every time).
    private CommunityCloseResult Settle(Instant at)
    {

        var zero = Money.Zero(Currency);
        var confirmed = new bool[_products.Length];
        var amounts = new Money[_products.Length];
        for (var p = 0; p < _products.Length; p++)
        {
            confirmed[p] = _ordered[p] >= _products[p].MinimumQuantity;
            amounts[p] = zero;
        }

        var lines = new CommunityLineOutcome[_lines.Count];
        var confirmedSales = zero;
        var refunded = zero;
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            var amount = _products[line.Product].UnitPrice * line.Quantity;
            amounts[line.Product] += amount;
            if (confirmed[line.Product])
            {
                confirmedSales += amount;
            }
            else
            {
                refunded += amount;
            }

            lines[i] = new CommunityLineOutcome(line.OrderId, line.Member, _products[line.Product].ProductId, line.Quantity, amount, confirmed[line.Product]);
        }

        var products = new CommunityProductOutcome[_products.Length];
        for (var p = 0; p < _products.Length; p++)
        {
            products[p] = new CommunityProductOutcome(_products[p].ProductId, _ordered[p], _products[p].MinimumQuantity, confirmed[p], amounts[p]);
        }

        var rate = Rule.LeaderCommission;
        var exact = rate.ApplyTo(confirmedSales);
        var earned = exact.Round(RoundingMode.TowardZero);
        var commission = new LeaderCommission(Leader, rate, confirmedSales, exact, earned, exact - earned);

        return new CommunityCloseResult(
            CommunityBatchRefusal.None,
            new CommunityBatchSettlement(Id, at, Version, products, lines, confirmedSales, refunded, commission));
    }

    // Whether a resent order is the order accepted under its id: the same member and the same lines (in any order).
    private bool SameOrder(string orderId, MemberId member, IReadOnlyList<CommunityOrderLine> lines, int[] indices)
    {
        var matched = 0;
        foreach (var accepted in _lines)
        {
            if (!string.Equals(accepted.OrderId, orderId, StringComparison.Ordinal))
            {
                continue;
            }

            var i = Array.IndexOf(indices, accepted.Product);
            if (accepted.Member != member || i < 0 || lines[i].Quantity != accepted.Quantity)
            {
                return false;
            }

            matched++;
        }

        return matched == lines.Count;
    }

    /// <summary>Describes the batch.</summary>
    /// <returns>Identifier, leader, delivery day, cut-off and status.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Community batch '{Id}' (leader {Leader}, delivery {DeliveryDate:uuuu-MM-dd}, cut-off {CutOffLocal:uuuu-MM-dd HH:mm} {Rule.Zone.Id}): {Status}");

    private int IndexOf(string productId)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return _productIndex.TryGetValue(productId, out var index) ? index : throw new UnknownCommunityProductException(Id, productId);
    }

    private int MemberQuantity(MemberId member, int product) =>
        _perMember.TryGetValue((member, product), out var quantity) ? quantity : 0;

    private readonly record struct AcceptedLine(string OrderId, MemberId Member, int Product, int Quantity);
}
