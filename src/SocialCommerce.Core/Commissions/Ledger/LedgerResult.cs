using System;
using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// The result of a posting to a <see cref="CommissionLedger"/>: applied (with the entries appended), duplicate, or
/// refused with a reason.
/// </summary>
/// <remarks>
/// Creating a result allocates nothing; <see cref="GetEntries"/> materialises the entries it appended on each call,
/// reading them from the ledger's history (which is append-only, so they never change), and falls under the ledger's
/// thread-safety rule.
/// </remarks>
public readonly record struct LedgerResult
{
    private readonly CommissionLedger? _ledger;

    internal LedgerResult(CommissionLedger? ledger, LedgerOutcome outcome, LedgerRefusal refusal, string? message, long firstSequence, int entryCount)
    {
        _ledger = ledger;
        Outcome = outcome;
        Refusal = refusal;
        Message = message;
        FirstSequence = firstSequence;
        EntryCount = entryCount;
    }

    /// <summary>Gets what the posting did.</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Gets why the posting was refused; <see cref="LedgerRefusal.None"/> unless <see cref="Outcome"/> is <see cref="LedgerOutcome.Refused"/>.</summary>
    public LedgerRefusal Refusal { get; }

    /// <summary>Gets a message naming the ids and values involved, for a duplicate or a refusal; otherwise <see langword="null"/>.</summary>
    public string? Message { get; }

    /// <summary>Gets a value indicating whether the posting was applied.</summary>
    public bool IsApplied => Outcome == LedgerOutcome.Applied;

    /// <summary>Gets the sequence of the first entry appended (when <see cref="EntryCount"/> is above zero).</summary>
    public long FirstSequence { get; }

    /// <summary>Gets the number of entries appended.</summary>
    public int EntryCount { get; }

    /// <summary>Returns the entries this posting appended, in order (empty unless applied).</summary>
    /// <returns>A new list of the entries.</returns>
    public IReadOnlyList<LedgerEntry> GetEntries() =>
        _ledger is null || EntryCount == 0 ? Array.Empty<LedgerEntry>() : _ledger.GetEntries(FirstSequence, EntryCount);

    internal static LedgerResult Duplicate(string message) => new(null, LedgerOutcome.Duplicate, LedgerRefusal.None, message, 0, 0);

    internal static LedgerResult Refused(LedgerRefusal refusal, string message) => new(null, LedgerOutcome.Refused, refusal, message, 0, 0);
}
