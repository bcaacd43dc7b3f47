namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>An append-only ledger entry. The unique posting id makes every posting idempotent in the database.</summary>
internal sealed class EntryRow
{
    /// <summary>Gets or sets: The entry number (database-assigned, increasing in insertion order).</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets: The posting id from Core, or the withdrawal id; unique.</summary>
    public string PostingId { get; set; } = "";

    /// <summary>Gets or sets: The sale, for commission postings.</summary>
    public string? SaleId { get; set; }

    /// <summary>Gets or sets: The account's member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Gets or sets: Earned, Completed, Released, Cancelled, Clawback or Withdrawal.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Gets or sets: The LedgerState the amount left (for postings).</summary>
    public int FromState { get; set; }

    /// <summary>Gets or sets: The amount in minor units.</summary>
    public long MinorUnits { get; set; }

    /// <summary>Gets or sets: When the command that wrote it happened, in Unix ticks.</summary>
    public long At { get; set; }
}
