using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>Community batches as state rows in <c>sc_batches</c>: one row a batch, its snapshot as JSON.</summary>
internal sealed class BatchRows(Func<string, CommunityBatchRule> rule) : StateRows<BatchRow, string, CommunityBatch>
{
    /// <summary>Writes a new batch into a new row under the name its rule is registered with.</summary>
    public static BatchRow New(CommunityBatch batch, string ruleName)
    {
        var row = new BatchRow { BatchId = batch.Id, RuleName = ruleName };
        Update(row, batch);
        return row;
    }

    protected override Expression<Func<BatchRow, bool>> Of(string key) => b => b.BatchId == key;

    protected override CommunityBatch Restore(BatchRow row) =>
        CommunityBatch.FromSnapshot(StoredJson.Read<CommunityBatchSnapshot>(row.State, row.SchemaVersion, "sc_batches", row.BatchId), rule(row.RuleName));

    protected override bool Write(BatchRow row, CommunityBatch aggregate)
    {
        Update(row, aggregate);
        return true;
    }

    protected override Exception Missing(string key) =>
        new KeyNotFoundException($"Community batch '{key}' is not stored; create it first (StoredCommunityBatches.CreateAsync).");

    private static void Update(BatchRow row, CommunityBatch batch)
    {
        row.Status = (int)batch.Status;
        row.CutOff = StoredJson.Ticks(batch.CutOff);
        row.Version = batch.Version;
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.State = StoredJson.Write(batch.ToSnapshot());
    }
}
