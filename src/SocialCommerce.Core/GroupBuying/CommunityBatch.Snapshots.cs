using System;
using System.Collections.Generic;
using SocialCommerce.Serialization;

namespace SocialCommerce.GroupBuying;

/// <content>Snapshots: export and restore in O(state).</content>
public sealed partial class CommunityBatch
{
    /// <summary>Exports the batch's state: its offer, cut-off, every accepted order line, status and version.</summary>
    /// <returns>A snapshot that <see cref="FromSnapshot"/> restores to a batch that behaves exactly like this one.</returns>
    public CommunityBatchSnapshot ToSnapshot()
    {
        var lines = new CommunityOrderRecord[_lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = _lines[i];
            lines[i] = new CommunityOrderRecord(line.OrderId, line.Member, _products[line.Product].ProductId, line.Quantity);
        }

        return new CommunityBatchSnapshot(SocialCommerceJson.SchemaVersion, Id, Leader, DeliveryDate, CutOffLocal, Rule.Version, _products, lines, Status, Version) { ClosedAt = ClosedAt };
    }

    /// <summary>Restores a batch from its snapshot in O(lines), re-deciding nothing (limits and thresholds are not re-checked).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="rule">The rule for what happens from now on (its zone resolves the recorded local cut-off).</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state the batch could have reached: an offer or delivery day the batch refuses, a line of a
    /// product it does not offer or with a quantity below 1, an order split or repeated, a member over a product's limit,
    /// an unknown status or a version below its orders. The path names the place.
    /// </exception>
    public static CommunityBatch FromSnapshot(CommunityBatchSnapshot snapshot, CommunityBatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rule);
        SocialCommerceJson.CheckSchema("community batch snapshot", snapshot.SchemaVersion);
        var check = new StateCheck("community batch snapshot");
        CommunityBatch batch;
        try
        {
            var products = check.Present(snapshot.Products, "$.products");
            for (var i = 0; i < products.Count; i++)
            {
                check.Present(products[i], $"$.products[{i}]");
            }

            batch = new CommunityBatch(check.Present(snapshot.BatchId, "$.batchId"), snapshot.Leader, snapshot.DeliveryDate, rule, products, snapshot.CutOffLocal);
        }
        catch (ArgumentException e)
        {
            var path = e.ParamName switch { "deliveryDate" => "$.deliveryDate", "batchId" => "$.batchId", _ => "$.products" };
            throw check.Fail(path, e.ParamName == "deliveryDate" ? snapshot.DeliveryDate : e.ParamName == "batchId" ? snapshot.BatchId : "(products)", e.Message);
        }

        check.That(Enum.IsDefined(snapshot.Status), "$.status", snapshot.Status, "not a batch status.");
        var lines = SocialCommerceJson.OrEmpty(snapshot.Lines);
        var orders = 0;
        string? current = null;
        var inOrder = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.lines[{i}]");
            check.That(!string.IsNullOrEmpty(line.OrderId), $"{path}.orderId", line.OrderId, "an order id is not empty.");
            check.That(line.ProductId is not null && batch._productIndex.TryGetValue(line.ProductId, out _), $"{path}.productId", line.ProductId, "not a product the batch offers.");
            var p = batch._productIndex[line.ProductId!];
            check.That(line.Quantity >= 1, $"{path}.quantity", line.Quantity, "a line orders at least 1 unit.");
            if (!string.Equals(line.OrderId, current, StringComparison.Ordinal))
            {
                check.That(!batch._orderIds.Contains(line.OrderId), $"{path}.orderId", line.OrderId, "an order's lines are recorded together, once.");
                current = line.OrderId;
                inOrder.Clear();
                orders++;
            }
            else
            {
                check.That(batch._lines[^1].Member == line.Member, $"{path}.member", line.Member, $"an order is one member's ({batch._lines[^1].Member}).");
            }

            check.That(inOrder.Add(p), $"{path}.productId", line.ProductId, "an order names a product once.");
            check.That((long)batch._ordered[p] + line.Quantity <= int.MaxValue, $"{path}.quantity", line.Quantity, "the product's total is beyond the range the batch counts.");
            batch._ordered[p] += line.Quantity;
            if (batch._products[p].PerMemberLimit is int limit)
            {
                var quantity = (long)batch.MemberQuantity(line.Member, p) + line.Quantity;
                check.That(quantity <= limit, $"{path}.quantity", line.Quantity, $"member {line.Member} would hold {quantity} of product '{line.ProductId}', over its limit of {limit}.");
                batch._perMember[(line.Member, p)] = (int)quantity;
            }

            batch._orderIds.Add(line.OrderId);
            batch._lines.Add(new AcceptedLine(line.OrderId, line.Member, p, line.Quantity));
        }

        check.Version(snapshot.Version, "$.version");
        check.That(snapshot.Version >= orders, "$.version", snapshot.Version, $"each of the {orders} orders made a version.");
        check.That(snapshot.ClosedAt is not { } closedAt || (snapshot.Status == CommunityBatchStatus.Closed && Limits.IsSupported(closedAt) && closedAt >= batch.CutOff),
            "$.closedAt", snapshot.ClosedAt, "a closed batch's closing instant, at or after its cut-off.");
        batch.Status = snapshot.Status;
        batch.Version = snapshot.Version;
        batch.ClosedAt = snapshot.ClosedAt;
        return batch;
    }
}
