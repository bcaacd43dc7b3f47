using System;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A payout run: every account's available money at an instant grouped into payouts, skipping accounts below the
/// minimum withdrawal (carried to the next run) and accounts in debt. It is a value the host reviews (a dry run) before
/// <see cref="Commit"/> turns each payout into an approved withdrawal; committing again changes nothing, and a payout
/// whose account has less available by then is refused, never paid from money that is not there.
/// </summary>
public sealed class PayoutRun
{
    private PayoutRun(string runId, Instant at, IReadOnlyList<PlannedPayout> payouts, IReadOnlyList<SkippedPayout> skipped, IReadOnlyList<Money> totals)
    {
        RunId = runId;
        At = at;
        Payouts = payouts;
        Skipped = skipped;
        Totals = totals;
    }

    /// <summary>Gets the run's id.</summary>
    public string RunId { get; }

    /// <summary>Gets the instant of the run (each withdrawal's request instant).</summary>
    public Instant At { get; }

    /// <summary>Gets the payouts, by currency then member.</summary>
    public IReadOnlyList<PlannedPayout> Payouts { get; }

    /// <summary>Gets the accounts skipped, by currency then member.</summary>
    public IReadOnlyList<SkippedPayout> Skipped { get; }

    /// <summary>Gets the total paid out per currency (ordered by code).</summary>
    public IReadOnlyList<Money> Totals { get; }

    /// <summary>Plans a run over the accounts (a dry run: nothing changes); an account with nothing available and no debt is not part of it.</summary>
    /// <param name="runId">The run's id (unique per run).</param>
    /// <param name="at">The instant of the run.</param>
    /// <param name="accounts">The accounts to consider.</param>
    /// <param name="options">The ledger options (the minimum withdrawals).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty, contains ':', or an account appears twice.</exception>
    public static PayoutRun Plan(string runId, Instant at, IEnumerable<CommissionAccount> accounts, LedgerOptions? options = null)
    {
        Limits.CheckId(runId, nameof(runId));
        if (runId.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Payout run id '{runId}' must not contain ':' (it is part of the withdrawal ids).", nameof(runId));
        }

        ArgumentNullException.ThrowIfNull(accounts);
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"at must be in [{Limits.MinInstant}, {Limits.MaxInstant}).");
        }

        var minimums = (options ?? LedgerOptions.Default).MinimumWithdrawals ?? [];
        var seen = new HashSet<(MemberId, string)>();
        var payouts = new List<PlannedPayout>();
        var skipped = new List<SkippedPayout>();
        var totals = new SortedDictionary<string, Money>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            ArgumentNullException.ThrowIfNull(account, nameof(accounts));
            if (!seen.Add((account.Member, account.Currency.Code)))
            {
                throw new ArgumentException($"The account of member {account.Member} in {account.Currency.Code} appears twice in payout run '{runId}'.", nameof(accounts));
            }

            var balance = account.Balance;
            if (balance.Available.Amount == 0 && balance.ClawbackDebt.Amount == 0)
            {
                // Not part of the run (a store does not even read it).
                continue;
            }

            var reason = balance.ClawbackDebt.Amount > 0 ? PayoutSkipReason.InDebt
                : BelowMinimum(balance.Available, minimums) ? PayoutSkipReason.BelowMinimum
                : (PayoutSkipReason?)null;
            if (reason is { } why)
            {
                skipped.Add(new SkippedPayout(account.Member, balance.Available, why));
                continue;
            }

            payouts.Add(new PlannedPayout($"payout:{runId}:{account.Member.Value}:{account.Currency.Code}", account.Member, balance.Available));
            totals[account.Currency.Code] = totals.TryGetValue(account.Currency.Code, out var total) ? total + balance.Available : balance.Available;
        }

        payouts.Sort(static (a, b) => a.Gross.Currency.Code != b.Gross.Currency.Code ? string.CompareOrdinal(a.Gross.Currency.Code, b.Gross.Currency.Code) : a.Member.CompareTo(b.Member));
        skipped.Sort(static (a, b) => a.Available.Currency.Code != b.Available.Currency.Code ? string.CompareOrdinal(a.Available.Currency.Code, b.Available.Currency.Code) : a.Member.CompareTo(b.Member));
        return new PayoutRun(runId, at, payouts, skipped, [.. totals.Values]);
    }

    /// <summary>
    /// Commits the run: each payout is requested and approved on its account (the run is the review), to be paid by
    /// the host's transfers (<see cref="CommissionAccount.MarkWithdrawalPaid"/>). Idempotent: a payout already committed
    /// is a duplicate. A payout whose account has less available now than planned is refused with
    /// <see cref="LedgerRefusal.InsufficientAvailableBalance"/>.
    /// </summary>
    /// <param name="accountOf">The account of a member in a currency.</param>
    /// <param name="withholding">The host's withholding rule, or <see langword="null"/>.</param>
    /// <returns>One result per payout, in the order of <see cref="Payouts"/>.</returns>
    public IReadOnlyList<WithdrawalStepResult> Commit(Func<MemberId, Currency, CommissionAccount> accountOf, IWithholdingPolicy? withholding = null)
    {
        ArgumentNullException.ThrowIfNull(accountOf);
        var results = new WithdrawalStepResult[Payouts.Count];
        for (var i = 0; i < Payouts.Count; i++)
        {
            results[i] = CommitOne(accountOf(Payouts[i].Member, Payouts[i].Gross.Currency), Payouts[i], withholding);
        }

        return results;
    }

    /// <summary>Commits one payout on its account (what <see cref="Commit"/> does for each; a store calls it per account).</summary>
    /// <param name="account">The payout's account.</param>
    /// <param name="payout">The payout, one of <see cref="Payouts"/>.</param>
    /// <param name="withholding">The host's withholding rule, or <see langword="null"/>.</param>
    /// <returns>The request's result, approved when applied.</returns>
    public WithdrawalStepResult CommitOne(CommissionAccount account, PlannedPayout payout, IWithholdingPolicy? withholding = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var requested = account.RequestWithdrawal(new LedgerWithdrawal(payout.WithdrawalId, payout.Member, payout.Gross, At), withholding);
        if (requested.Withdrawal is { Status: WithdrawalStatus.Requested } && requested.Outcome != LedgerOutcome.Refused)
        {
            var approved = account.ApproveWithdrawal(payout.WithdrawalId);
            return requested.IsApplied ? approved with { Outcome = LedgerOutcome.Applied } : approved;
        }

        return requested;
    }

    private static bool BelowMinimum(Money available, IReadOnlyList<Money> minimums)
    {
        foreach (var minimum in minimums)
        {
            if (minimum != default && minimum.Currency.Equals(available.Currency) && available < minimum)
            {
                return true;
            }
        }

        return false;
    }
}
