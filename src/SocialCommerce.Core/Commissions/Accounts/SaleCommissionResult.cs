using System.Collections.Generic;

namespace SocialCommerce.Commissions;

/// <summary>
/// What a command on a <see cref="SaleCommissionRecord"/> decided: the outcome (as the ledger reports it) and the
/// postings to apply to the members' accounts (<see cref="CommissionAccount.Apply"/>), with the record's new version.
/// A refusal or a duplicate has no postings.
/// </summary>
/// <param name="Outcome">Applied, duplicate or refused.</param>
/// <param name="Refusal">Why it was refused; <see cref="LedgerRefusal.None"/> otherwise.</param>
/// <param name="Message">A message naming the ids and values, for duplicates and refusals.</param>
/// <param name="Postings">The account postings the command produced, in order.</param>
/// <param name="Version">The record's version after the command.</param>
public readonly record struct SaleCommissionResult(LedgerOutcome Outcome, LedgerRefusal Refusal, string? Message, IReadOnlyList<AccountPosting> Postings, long Version)
{
    /// <summary>Gets a value indicating whether the command was applied.</summary>
    public bool IsApplied => Outcome == LedgerOutcome.Applied;

    internal SaleCommissionResult WithPostings(IReadOnlyList<AccountPosting> postings) => this with { Postings = postings };
}
