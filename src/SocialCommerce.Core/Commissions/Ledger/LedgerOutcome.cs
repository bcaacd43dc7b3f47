namespace SocialCommerce.Commissions;

/// <summary>
/// What a posting to a <see cref="CommissionLedger"/> did.
/// </summary>
public enum LedgerOutcome
{
    /// <summary>The posting was applied; its entries were appended to the history.</summary>
    Applied = 0,

    /// <summary>
    /// The same posting (same id, same content) was already applied; nothing changed and no entry was appended.
    /// </summary>
    Duplicate = 1,

    /// <summary>The posting was refused; nothing changed. <see cref="LedgerResult.Refusal"/> says why.</summary>
    Refused = 2,
}
