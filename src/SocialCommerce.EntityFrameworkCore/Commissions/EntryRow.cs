namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>
/// An append-only ledger entry of one account, keyed (member, currency, posting id): the account is its partition, and
/// the posting id (Core's, naming the sale, step and earning, or the account's withdrawal or adjustment) makes every
/// posting idempotent in the database.
/// </summary>
internal sealed class EntryRow
{
    /// <summary>Gets or sets: The posting id from Core, or the withdrawal id; unique in its account.</summary>
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
