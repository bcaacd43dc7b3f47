using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>The withdrawal lifecycle on the database: each step loads the withdrawal and its account, decides in Core, and writes both version-checked.</summary>
public sealed partial class StoredCommissionLedger
{
    /// <summary>
    /// Requests a withdrawal (<see cref="CommissionAccount.RequestWithdrawal"/>): the gross amount moves from available
    /// to in withdrawal; fee and withholding (<see cref="SocialCommerceStoreOptions.Withholding"/>) are fixed now.
    /// </summary>
    /// <param name="withdrawal">The request.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied with the withdrawal; a duplicate; or the refusal.</returns>
    public Task<WithdrawalStepResult> RequestWithdrawalAsync(LedgerWithdrawal withdrawal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(withdrawal.WithdrawalId, nameof(withdrawal));
        if (withdrawal.Amount == default)
        {
            throw new ArgumentException($"Withdrawal '{withdrawal.WithdrawalId}' has no amount.", nameof(withdrawal));
        }

        var currency = withdrawal.Amount.Currency;
        return _store.RunAsync($"request withdrawal '{withdrawal.WithdrawalId}' of member {withdrawal.Member}", Keys.Account(withdrawal.Member, currency), (db, _, ct) => AccountDecisions.DecideAsync(
            db,
            StoredAccounts.TrackWithWithdrawalAsync(db, withdrawal.Member, currency, withdrawal.WithdrawalId, ct),
            AccountWith,
            account => account.RequestWithdrawal(withdrawal, _store.Options.Withholding),
            (_, result, _) =>
            {
                var record = result.Withdrawal!;
                var stored = new WithdrawalRow
                {
                    WithdrawalId = record.WithdrawalId,
                    MemberId = record.Member.Value,
                    Currency = currency.Code,
                    Requested = record.Gross.ToMinorUnits(),
                    At = StoredJson.Ticks(record.RequestedAt),
                };
                Update(stored, record);
                db.Add(stored);
            },
            ct), cancellationToken);
    }

    /// <summary>Approves a requested withdrawal (<see cref="CommissionAccount.ApproveWithdrawal"/>).</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal naming the state.</returns>
    public Task<WithdrawalStepResult> ApproveWithdrawalAsync(MemberId member, Currency currency, string withdrawalId, CancellationToken cancellationToken = default) =>
        StepAsync("approve", member, currency, withdrawalId, null, static (a, id) => a.ApproveWithdrawal(id), cancellationToken);

    /// <summary>Rejects a requested withdrawal: its gross amount is available again.</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal naming the state.</returns>
    public Task<WithdrawalStepResult> RejectWithdrawalAsync(MemberId member, Currency currency, string withdrawalId, string reason, CancellationToken cancellationToken = default) =>
        StepAsync("reject", member, currency, withdrawalId, null, (a, id) => a.RejectWithdrawal(id, reason), cancellationToken);

    /// <summary>Records the successful transfer of an approved withdrawal, with the provider's reference.</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="transferReference">The payment provider's reference.</param>
    /// <param name="at">When it was paid (the entry's instant).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal naming the state.</returns>
    public Task<WithdrawalStepResult> MarkWithdrawalPaidAsync(MemberId member, Currency currency, string withdrawalId, string transferReference, Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        return StepAsync("mark paid", member, currency, withdrawalId, at, (a, id) => a.MarkWithdrawalPaid(id, transferReference), cancellationToken);
    }

    /// <summary>Records a failed transfer: the gross amount is available again until the withdrawal is retried or cancelled.</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">The provider's reason.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal naming the state.</returns>
    public Task<WithdrawalStepResult> MarkWithdrawalFailedAsync(MemberId member, Currency currency, string withdrawalId, string reason, CancellationToken cancellationToken = default) =>
        StepAsync("mark failed", member, currency, withdrawalId, null, (a, id) => a.MarkWithdrawalFailed(id, reason), cancellationToken);

    /// <summary>Retries a failed withdrawal (its gross leaves available again).</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, or the refusal (not failed, insufficient available).</returns>
    public Task<WithdrawalStepResult> RetryWithdrawalAsync(MemberId member, Currency currency, string withdrawalId, CancellationToken cancellationToken = default) =>
        StepAsync("retry", member, currency, withdrawalId, null, static (a, id) => a.RetryWithdrawal(id), cancellationToken);

    /// <summary>Cancels a withdrawal that was not paid: what it held is available again.</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal naming the state.</returns>
    public Task<WithdrawalStepResult> CancelWithdrawalAsync(MemberId member, Currency currency, string withdrawalId, string reason, CancellationToken cancellationToken = default) =>
        StepAsync("cancel", member, currency, withdrawalId, null, (a, id) => a.CancelWithdrawal(id, reason), cancellationToken);

    /// <summary>
    /// Plans a payout run (a dry run: nothing changes) over every account with money available or debt, in one
    /// currency or all: <see cref="PayoutRun.Plan"/> on the committed balances.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="at">The instant of the run.</param>
    /// <param name="currency">One currency, or <see langword="null"/> for every currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, to review and then <see cref="CommitPayoutRunAsync"/>.</returns>
    public Task<PayoutRun> PlanPayoutRunAsync(string runId, Instant at, Currency? currency = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return _store.RunAsync($"plan payout run '{runId}'", async (db, _, ct) =>
        {
            var query = db.Set<AccountRow>().AsNoTracking().Where(a => a.Available > 0 || a.Debt > 0);
            if (currency is not null)
            {
                query = query.Where(a => a.Currency == currency.Code);
            }

            var rows = await query.OrderBy(a => a.Currency).ThenBy(a => a.MemberId).ToListAsync(ct).ConfigureAwait(false);
            return PayoutRun.Plan(runId, at, rows.ConvertAll(r => StoredAccounts.FromRow(r, Options, null)), Options);
        }, cancellationToken);
    }

    /// <summary>
    /// Commits a payout run: each payout becomes an approved withdrawal of its account (one transaction per payout),
    /// to be paid with <see cref="MarkWithdrawalPaidAsync"/>. Committing again changes nothing; a payout whose account
    /// has less available than planned is refused.
    /// </summary>
    /// <param name="run">The planned run.</param>
    /// <param name="cancellationToken">Cancels between payouts (those committed stay committed; commit again to finish).</param>
    /// <returns>One result per payout, in the order of <see cref="PayoutRun.Payouts"/>.</returns>
    public async Task<IReadOnlyList<WithdrawalStepResult>> CommitPayoutRunAsync(PayoutRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = new List<WithdrawalStepResult>(run.Payouts.Count);
        foreach (var payout in run.Payouts)
        {
            // One transaction per payout: Core's PayoutRun.CommitOne requests and approves it on the loaded account.
            results.Add(await _store.RunAsync($"commit payout '{payout.WithdrawalId}'", Keys.Account(payout.Member, payout.Gross.Currency), (db, _, ct) => AccountDecisions.DecideAsync(
                db,
                StoredAccounts.TrackWithWithdrawalAsync(db, payout.Member, payout.Gross.Currency, payout.WithdrawalId, ct),
                (row, known) => StoredAccounts.FromRow(row, Options, null, known is null ? null : RecordOf(known, StoredAccounts.CurrencyOf(known.Currency, row.MinorUnit))),
                account => run.CommitOne(account, payout, _store.Options.Withholding),
                (known, _, account) =>
                {
                    var record = account.GetWithdrawal(payout.WithdrawalId)!;
                    if (known is null)
                    {
                        known = new WithdrawalRow { WithdrawalId = record.WithdrawalId, MemberId = record.Member.Value, Currency = record.Gross.Currency.Code, Requested = record.Gross.ToMinorUnits(), At = StoredJson.Ticks(record.RequestedAt) };
                        db.Add(known);
                    }

                    Update(known, record);
                },
                ct), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Reads a withdrawal of the lifecycle (<see cref="RequestWithdrawalAsync"/>) as stored, or <see langword="null"/> (an immediate withdrawal is answered by <see cref="WithdrawAsync"/> and recorded as entries, as in the in-memory ledger).</summary>
    /// <param name="member">The member whose account the withdrawal is of (withdrawal ids are scoped to the account).</param>
    /// <param name="currency">The account's currency.</param>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The withdrawal.</returns>
    public Task<WithdrawalRecord?> GetWithdrawalAsync(MemberId member, Currency currency, string withdrawalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        StoredIds.Check(withdrawalId, nameof(withdrawalId));
        return _store.RunAsync($"read withdrawal '{withdrawalId}' of member {member}", async (db, _, ct) =>
        {
            var row = await db.Set<WithdrawalRow>().AsNoTracking().FirstOrDefaultAsync(w => w.MemberId == member.Value && w.Currency == currency.Code && w.WithdrawalId == withdrawalId, ct).ConfigureAwait(false);
            if (row is null || IsImmediate(row))
            {
                return null;
            }

            var minorUnit = await db.Set<AccountRow>().AsNoTracking().Where(a => a.MemberId == row.MemberId && a.Currency == row.Currency).Select(a => (int?)a.MinorUnit).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return RecordOf(row, StoredAccounts.CurrencyOf(row.Currency, minorUnit ?? 2));
        }, cancellationToken);
    }

    /// <summary>Reads a member's in-withdrawal balance (requested or approved, not yet paid).</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The amount.</returns>
    public Task<Money> GetInWithdrawalAsync(MemberId member, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return _store.RunAsync($"read the withdrawals of member {member}", async (db, _, ct) =>
        {
            var units = await db.Set<AccountRow>().AsNoTracking().Where(a => a.MemberId == member.Value && a.Currency == currency.Code).Select(a => (long?)a.InWithdrawal).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return Money.FromMinorUnits(units ?? 0, currency);
        }, cancellationToken);
    }

    private Task<WithdrawalStepResult> StepAsync(string verb, MemberId member, Currency currency, string withdrawalId, Instant? paidAt, Func<CommissionAccount, string, WithdrawalStepResult> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currency);
        StoredIds.Check(withdrawalId, nameof(withdrawalId));
        return _store.RunAsync($"{verb} withdrawal '{withdrawalId}' of member {member}", Keys.Account(member, currency), (db, _, ct) => AccountDecisions.DecideAsync(
            db,
            StoredAccounts.TrackWithWithdrawalAsync(db, member, currency, withdrawalId, ct),
            AccountWith,
            account => step(account, withdrawalId),
            (stored, result, _) =>
            {
                Update(stored!, result.Withdrawal!); // applied: the account held the record, so it was stored
                if (result.Withdrawal!.Status == WithdrawalStatus.Paid)
                {
                    db.Add(WithdrawalEntry(withdrawalId, result.Withdrawal.Member, result.Withdrawal.Gross.Currency, result.Withdrawal.Gross.ToMinorUnits(), paidAt!.Value));
                }
            },
            ct), cancellationToken);
    }

    /// <summary>
    /// An immediate withdrawal (<see cref="WithdrawAsync"/>) is stored as paid without a transfer reference; a withdrawal
    /// of the lifecycle is paid only with one.
    /// </summary>
    private static bool IsImmediate(WithdrawalRow row) => row.Status == (int)WithdrawalStatus.Paid && row.TransferReference is null;

    /// <summary>The account of <paramref name="row"/> in Core, holding the one withdrawal a command names (if stored) as the account keeps it: immediate, or a lifecycle record.</summary>
    private CommissionAccount AccountWith(AccountRow row, WithdrawalRow? withdrawal)
    {
        var currency = StoredAccounts.CurrencyOf(row.Currency, row.MinorUnit);
        return withdrawal is null ? StoredAccounts.FromRow(row, Options, null)
            : IsImmediate(withdrawal) ? StoredAccounts.FromRow(row, Options, new LedgerWithdrawal(withdrawal.WithdrawalId, new MemberId(withdrawal.MemberId), Money.FromMinorUnits(withdrawal.Requested, currency), StoredJson.Instant(withdrawal.At)))
            : StoredAccounts.FromRow(row, Options, null, RecordOf(withdrawal, currency));
    }

    private static WithdrawalRecord RecordOf(WithdrawalRow row, Currency currency) => new(
        row.WithdrawalId,
        new MemberId(row.MemberId),
        Money.FromMinorUnits(row.Gross, currency),
        Money.FromMinorUnits(row.Fee, currency),
        Money.FromMinorUnits(row.Withheld, currency),
        StoredJson.Instant(row.At),
        (WithdrawalStatus)row.Status,
        row.Attempts,
        row.TransferReference,
        row.Reason);

    private static void Update(WithdrawalRow row, WithdrawalRecord record)
    {
        row.Gross = record.Gross.ToMinorUnits();
        row.Fee = record.Fee.ToMinorUnits();
        row.Withheld = record.Withheld.ToMinorUnits();
        row.Net = record.Net.ToMinorUnits();
        row.Status = (int)record.Status;
        row.Attempts = record.Attempts;
        row.TransferReference = record.TransferReference;
        row.Reason = record.Reason;
        row.Version++;
    }

    private static EntryRow WithdrawalEntry(string withdrawalId, MemberId member, Currency currency, long gross, Instant at) => new()
    {
        PostingId = string.Create(CultureInfo.InvariantCulture, $"withdrawal:{member}:{currency.Code}:{withdrawalId}"),
        MemberId = member.Value,
        Currency = currency.Code,
        Kind = "Withdrawal",
        FromState = (int)LedgerState.Available,
        MinorUnits = gross,
        At = StoredJson.Ticks(at),
    };
}
