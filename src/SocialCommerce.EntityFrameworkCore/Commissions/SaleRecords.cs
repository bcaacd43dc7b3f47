using System;
using System.Linq.Expressions;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>
/// Sales' commission records as state rows in <c>sc_sales</c>: one row a sale, Core's <see cref="SaleCommissionRecord"/>
/// as JSON, with its status and release instant as columns for the release job. A command on a posted sale (complete,
/// refund, hold, lift, decline) runs through the state rows' one command path; its account postings are saved with
/// the row (<see cref="StateRows{TRow, TKey, TAggregate}.DecideAsync"/>'s save step).
/// </summary>
internal sealed class SaleRecords : StateRows<SaleRow, string, SaleCommissionRecord>
{
    /// <summary>Restores a sale's record from its row (a state Core refuses is the store's schema error naming the row).</summary>
    public static SaleCommissionRecord Load(SaleRow row) =>
        SaleCommissionRecord.FromSnapshot(StoredJson.Read<SaleCommissionSnapshot>(row.State, row.SchemaVersion, "sc_sales", row.SaleId));

    /// <summary>A new row for a posted sale's record.</summary>
    public static SaleRow NewRow(SaleCommissionRecord record)
    {
        var row = new SaleRow { SaleId = record.Sale.SaleId, Currency = record.Sale.Currency.Code };
        Save(row, record);
        return row;
    }

    /// <summary>Writes a record into its row: the state, the version, and the columns the release job reads.</summary>
    public static void Save(SaleRow row, SaleCommissionRecord record)
    {
        row.Version = record.Version;
        row.Status = (int)record.Status;
        row.ReleaseAt = record.Status == LedgerSaleStatus.Frozen && !record.IsHeld && record.ReleaseAt is { } due ? StoredJson.Ticks(due) : null;
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.State = StoredJson.Write(record.ToSnapshot());
    }

    protected override Expression<Func<SaleRow, bool>> Of(string key) => r => r.SaleId == key;

    protected override SaleCommissionRecord Restore(SaleRow row) => Load(row);

    protected override bool Write(SaleRow row, SaleCommissionRecord aggregate)
    {
        Save(row, aggregate);
        return true;
    }

    protected override Exception Missing(string key) => new InvalidOperationException($"Sale '{key}' is not in the ledger.");
}
