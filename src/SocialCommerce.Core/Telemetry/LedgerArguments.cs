using System;
using System.Collections.Generic;
using SocialCommerce.Commissions;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnLedger"/> receives: from the in-memory <see cref="CommissionLedger"/> (its
/// <see cref="Result"/> with the entries), or from a ledger kept as split accounts in a store (the
/// <see cref="Postings"/> it committed).
/// </summary>
public readonly struct LedgerArguments
{
    internal LedgerArguments(string operation, LedgerResult result)
    {
        Operation = operation;
        Result = result;
        HasResult = true;
        Outcome = result.Outcome;
        Refusal = result.Refusal;
        Postings = [];
    }

    /// <summary>Initializes the arguments of an operation a store committed (or refused) on split accounts.</summary>
    /// <param name="operation">The operation: <c>post</c>, <c>complete</c>, <c>release</c>, <c>refund</c> or <c>withdraw</c>.</param>
    /// <param name="outcome">Applied, duplicate or refused.</param>
    /// <param name="refusal">The refusal; <see cref="LedgerRefusal.None"/> unless refused.</param>
    /// <param name="postings">The postings it committed (empty unless applied).</param>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="postings"/> is null.</exception>
    public LedgerArguments(string operation, LedgerOutcome outcome, LedgerRefusal refusal, IReadOnlyList<AccountPosting> postings)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(postings);
        Operation = operation;
        Outcome = outcome;
        Refusal = refusal;
        Postings = postings;
    }

    /// <summary>Gets the operation: <c>post</c>, <c>complete</c>, <c>release</c>, <c>refund</c> or <c>withdraw</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets the outcome.</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Gets the refusal (<see cref="LedgerRefusal.None"/> unless refused).</summary>
    public LedgerRefusal Refusal { get; }

    /// <summary>Gets a value indicating whether <see cref="Result"/> holds the in-memory ledger's result (false for a store's operation).</summary>
    public bool HasResult { get; }

    /// <summary>Gets the in-memory ledger's result: applied with its entries (earnings, releases, cancellations, clawbacks, withdrawals), a duplicate, or refused with a reason. Default when <see cref="HasResult"/> is false.</summary>
    public LedgerResult Result { get; }

    /// <summary>Gets the postings a store committed on split accounts (empty for the in-memory ledger, whose entries are in <see cref="Result"/>).</summary>
    public IReadOnlyList<AccountPosting> Postings { get; }
}
