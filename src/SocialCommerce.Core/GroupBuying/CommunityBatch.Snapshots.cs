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

        return new CommunityBatchSnapshot(SocialCommerceJson.SchemaVersion, Id, Leader, DeliveryDate, CutOffLocal, Rule.Version, _products, lines, Status, Version);
    }

    /// <summary>Restores a batch from its snapshot in O(lines), re-deciding nothing (limits and thresholds are not re-checked).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="rule">The rule for what happens from now on (its zone resolves the recorded local cut-off).</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="ArgumentException">A line names a product the batch does not offer, or its quantity is not positive.</exception>
    public static CommunityBatch FromSnapshot(CommunityBatchSnapshot snapshot, CommunityBatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rule);
        SocialCommerceJson.CheckSchema("community batch snapshot", snapshot.SchemaVersion);
        var batch = new CommunityBatch(snapshot.BatchId, snapshot.Leader, snapshot.DeliveryDate, rule, snapshot.Products, snapshot.CutOffLocal);
        foreach (var line in SocialCommerceJson.OrEmpty(snapshot.Lines))
        {
            if (!batch._productIndex.TryGetValue(line.ProductId, out var p) || line.Quantity < 1)
            {
                throw new ArgumentException($"Community batch snapshot '{snapshot.BatchId}': line of order '{line.OrderId}' names product '{line.ProductId}' with quantity {line.Quantity}, which the batch cannot hold.", nameof(snapshot));
            }

            batch._ordered[p] = checked(batch._ordered[p] + line.Quantity);
            if (batch._products[p].PerMemberLimit.HasValue)
            {
                batch._perMember[(line.Member, p)] = batch.MemberQuantity(line.Member, p) + line.Quantity;
            }

            batch._orderIds.Add(line.OrderId);
            batch._lines.Add(new AcceptedLine(line.OrderId, line.Member, p, line.Quantity));
        }

        batch.Status = snapshot.Status;
        batch.Version = snapshot.Version;
        return batch;
    }
}
