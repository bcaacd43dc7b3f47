namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>A sale's commission record: its status and release instant as columns (for the release job), its whole state as JSON.</summary>
internal sealed class SaleRow
{
    /// <summary>Gets or sets: The host's sale id.</summary>
    public string SaleId { get; set; } = "";

    /// <summary>Gets or sets: The record's version (optimistic concurrency).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The LedgerSaleStatus.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: When the frozen earnings become available, in Unix ticks; null until completed or once released.</summary>
    public long? ReleaseAt { get; set; }

    /// <summary>Gets or sets: The sale's currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: The schema version of State.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The SaleCommissionSnapshot as JSON.</summary>
    public string State { get; set; } = "";
}
