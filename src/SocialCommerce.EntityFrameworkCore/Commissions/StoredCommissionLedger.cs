using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>
/// The commission ledger on the database: one <see cref="SaleCommissionRecord"/> row per sale, one
/// <see cref="CommissionAccount"/> row per member and currency, append-only entries. Each command decides in Core and
/// writes in one transaction through one of the store's command paths: a posted sale's commands through the state
/// rows' (its record's version checked), an account's decisions (withdrawals, adjustments, payouts) through one path
/// with the account's version checked, and postings that do not depend on a balance as deltas that never conflict.
/// A conflict with another instance retries the whole command (bounded). Results are Core's, with the postings a
/// host can publish.
/// </summary>
/// <remarks>
/// Idempotent in the database: a sale id, a posting id and a withdrawal id are unique keys, so a command retried after
/// a crash, a timeout or on another instance is a <see cref="LedgerOutcome.Duplicate"/> (or a
/// <see cref="LedgerRefusal.ConflictingDuplicate"/> when its content differs), never a second booking. Thread-safe.
/// </remarks>
public sealed partial class StoredCommissionLedger
{
    private static readonly string[] SaleColumns = [nameof(SaleRow.SaleId), nameof(SaleRow.Version), nameof(SaleRow.Status), nameof(SaleRow.ReleaseAt), nameof(SaleRow.Currency), nameof(SaleRow.SchemaVersion), nameof(SaleRow.State)];
    private readonly StoreExecutor _store;
    private readonly SaleRecords _sales = new();

    private readonly SocialCommerceListener? _listener;

    internal StoredCommissionLedger(StoreExecutor store, SocialCommerceListener? listener = null)
    {
        _store = store;
        _listener = listener;
    }

    /// <summary>Gets the ledger options every instance must share.</summary>
    public LedgerOptions Options => _store.Options.Ledger;

    /// <summary>
    /// Posts a quoted sale: its record and an earning per line, pending. One transaction, three round trips (the
    /// accounts, the writes, the commit); a sale already posted is a duplicate (checked after the unique key refused it).
    /// </summary>
    /// <param name="sale">The sale with its quoted earnings (<see cref="LedgerSale.FromQuote(Sale, CommissionQuote, CommissionPlan)"/>).</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>Applied with the postings, a duplicate, or the refusal.</returns>
    /// <exception cref="StoreConflictException">Other writers changed the same accounts first, every attempt.</exception>
    /// <exception cref="StoreUnavailableException">The database failed every attempt.</exception>
    public async Task<SaleCommissionResult> PostAsync(LedgerSale sale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var results = await PostManyAsync([sale], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Posts many quoted sales in one transaction (a batch job or a bulk import); each result as <see cref="PostAsync"/> gives it.</summary>
    /// <param name="sales">The sales, with distinct ids.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>The results, in the order of <paramref name="sales"/>.</returns>
    /// <exception cref="ArgumentException">Two sales share an id.</exception>
    /// <exception cref="StoreConflictException">Other writers changed the same accounts first, every attempt.</exception>
    public Task<IReadOnlyList<SaleCommissionResult>> PostManyAsync(IReadOnlyList<LedgerSale> sales, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sales.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(sales[i], $"{nameof(sales)}[{i}]");
            if (!ids.Add(sales[i].SaleId))
            {
                throw new ArgumentException($"Sale '{sales[i].SaleId}' appears twice in the batch (at {i}); post each sale once.", nameof(sales));
            }
        }

        return ReportedAsync(PostManyCoreAsync(sales, ids, cancellationToken));
    }

    private async Task<IReadOnlyList<SaleCommissionResult>> ReportedAsync(Task<IReadOnlyList<SaleCommissionResult>> posting)
    {
        var results = await posting.ConfigureAwait(false);
        foreach (var result in results)
        {
            Report("post", result);
        }

        return results;
    }

    /// <summary>
    /// Quotes a sale against the stored network and posts it, in one transaction of two round trips: the quote reads
    /// nothing (it uses the network's cache), and the posting's own round trip checks that the binding log holds no
    /// entry the cache lacks. When it does, nothing is written: the cache reads the new entries and the sale is quoted
    /// and posted again. The earnings therefore reflect every binding committed before the posting's writes ran, on
    /// any instance — at least as fresh as <see cref="StoredReferralNetwork.QuoteAsync"/> followed by
    /// <see cref="PostAsync(LedgerSale, CancellationToken)"/>, one round trip cheaper, whatever
    /// <see cref="SocialCommerceStoreOptions.NetworkFreshness"/> says.
    /// </summary>
    /// <param name="network">The stored network of this store.</param>
    /// <param name="engine">The commission engine (its plan's return window holds the earnings).</param>
    /// <param name="sale">The sale.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>Applied with the postings, a duplicate (a resend, answered by its business content), or the refusal.</returns>
    /// <exception cref="UnknownMemberException">The buyer is not in the network.</exception>
    /// <exception cref="InvalidSaleException">The sale is in another currency than the engine's plan.</exception>
    /// <exception cref="StoreConflictException">Other writers changed the same rows or the network first, every attempt.</exception>
    /// <exception cref="StoreUnavailableException">The database failed every attempt.</exception>
    public async Task<SaleCommissionResult> QuoteAndPostAsync(StoredReferralNetwork network, CommissionEngine engine, Sale sale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(sale);
        await network.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var results = await ReportedAsync(PostManyCoreAsync(
            $"quote and post sale '{sale.Id}'",
            new HashSet<string>(StringComparer.Ordinal) { sale.Id },
            () =>
            {
                var (quote, sequence) = network.QuoteCached(engine, sale);
                return ([LedgerSale.FromQuote(sale, quote, engine.Plan)], sequence);
            },
            network.RefreshAsync,
            cancellationToken)).ConfigureAwait(false);
        return results[0];
    }

    private Task<IReadOnlyList<SaleCommissionResult>> PostManyCoreAsync(IReadOnlyList<LedgerSale> sales, HashSet<string> ids, CancellationToken cancellationToken) =>
        PostManyCoreAsync(sales.Count == 1 ? $"post sale '{sales[0].SaleId}'" : $"post {sales.Count} sales", ids, () => (sales, null), null, cancellationToken);

    /// <summary>
    /// Posts sales in one transaction. <paramref name="prepare"/> gives each attempt its sales and, for a quote from the
    /// network's cache, the log entry the cache holds up to: the writes then commit only if the log has nothing later
    /// (read in their round trip); otherwise <paramref name="refresh"/> reads the rest and the attempt is a conflict.
    /// </summary>
    private Task<IReadOnlyList<SaleCommissionResult>> PostManyCoreAsync(
        string command,
        HashSet<string> ids,
        Func<(IReadOnlyList<LedgerSale> Sales, long? Seen)> prepare,
        Func<CancellationToken, Task<int>>? refresh,
        CancellationToken cancellationToken)
    {
        return _store.RunAsync<IReadOnlyList<SaleCommissionResult>>(command, async (db, attempt, ct) =>
        {
            var (sales, seen) = prepare();
            // The first attempt inserts blindly (the unique key is the check); after a conflict, sales already stored
            // are decided as reposts.
            var stored = attempt == 1
                ? []
                : await db.Set<SaleRow>().AsNoTracking().Where(r => ids.Contains(r.SaleId)).ToDictionaryAsync(r => r.SaleId, StringComparer.Ordinal, ct).ConfigureAwait(false);
            var results = new SaleCommissionResult[sales.Count];
            var records = new List<(SaleCommissionRecord Record, IReadOnlyList<AccountPosting> Postings)>(sales.Count);
            var postings = new List<AccountPosting>();
            for (var i = 0; i < sales.Count; i++)
            {
                if (stored.TryGetValue(sales[i].SaleId, out var row))
                {
                    results[i] = SaleRecords.Load(row).PostAgain(sales[i]);
                    continue;
                }

                var record = SaleCommissionRecord.Post(sales[i], out results[i]);
                records.Add((record, results[i].Postings));
                postings.AddRange(results[i].Postings);
            }

            if (records.Count == 0)
            {
                return results;
            }

            // Earnings have deltas: nothing is read. One command inserts the sales (skipping any already stored) and the
            // entries and adds each account's delta; with the commit, two round trips whatever the batch's size.
            var accounts = await StoredAccounts.LoadAsync(db, Options, postings, ct).ConfigureAwait(false);
            var saleRows = new List<SaleRow>(records.Count);
            foreach (var (record, recordPostings) in records)
            {
                accounts.Apply(recordPostings, record.Sale.PaidAt);
                saleRows.Add(SaleRecords.NewRow(record));
            }

            var batch = new SqlBatch(db);
            batch.Insert(saleRows, SaleColumns, static r => [r.SaleId, r.Version, r.Status, r.ReleaseAt, r.Currency, r.SchemaVersion, r.State], skipExisting: true);
            accounts.Write(db, batch);
            if (seen is not null)
            {
                var log = batch.Table<BindingRow>(out var logTable);
                batch.ReadLast($"SELECT COALESCE(MAX({batch.Column<BindingRow>(logTable, nameof(BindingRow.Sequence))}), 0) FROM {log};\n");
            }

            if (await StoreTransaction.CommitAsync(db, batch, ct, seen is { } cached ? last => last <= cached : null).ConfigureAwait(false))
            {
                return results;
            }

            if (seen is { } quotedAt && batch.LastRead > quotedAt)
            {
                // The network moved since the cache's last read: read the rest and quote again (the next attempt).
                await refresh!(ct).ConfigureAwait(false);
                throw new DbUpdateConcurrencyException($"{command}: the binding log holds entry {batch.LastRead}, the quote's network only {quotedAt}; quoting again.");
            }

            // Nothing was written. A sale stored meanwhile (a resend, another instance) makes this a conflict: the next
            // attempt answers it as a repost. Otherwise an account's booked total would pass 2^63 − 1.
            var names = saleRows.ConvertAll(static r => r.SaleId);
            if (await db.Set<SaleRow>().AsNoTracking().AnyAsync(r => names.Contains(r.SaleId), ct).ConfigureAwait(false))
            {
                throw new DbUpdateConcurrencyException($"{command}: a sale was stored by another writer first.");
            }

            throw new OverflowException($"{char.ToUpperInvariant(command[0])}{command[1..]} would take an account's booked total beyond 2^63 - 1 minor units; nothing was changed.");
        }, cancellationToken);
    }

    /// <summary>Completes a sale (delivered, the return window starts): its pending earnings become frozen.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="completedAt">When it completed.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or refused (<see cref="LedgerRefusal.UnknownSale"/>).</returns>
    public Task<SaleCommissionResult> CompleteAsync(string saleId, Instant completedAt, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(saleId, nameof(saleId));
        Instants.Check(completedAt, nameof(completedAt));
        return ReportedAsync("complete", ChangeSaleAsync($"complete sale '{saleId}'", saleId, completedAt, record => record.Complete(completedAt), cancellationToken));
    }

    /// <summary>Refunds a sale (in full, by lines or by amount): its earnings are reversed to their share, cancelled before release or clawed back after.</summary>
    /// <param name="refund">The refund.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate (same refund id and content), or the refusal.</returns>
    public Task<SaleCommissionResult> RefundAsync(LedgerRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return ReportedAsync("refund", ChangeSaleAsync($"refund '{refund.RefundId}' of sale '{refund.SaleId}'", refund.SaleId, refund.At, record => record.Refund(refund), cancellationToken));
    }

    private async Task<SaleCommissionResult> ReportedAsync(string operation, Task<SaleCommissionResult> command)
    {
        var result = await command.ConfigureAwait(false);
        Report(operation, result);
        return result;
    }

    // Reported once committed (or refused), like the in-memory ledger; a throwing listener never fails a command.
    private void Report(string operation, SaleCommissionResult result) => Report(new LedgerArguments(operation, result.Outcome, result.Refusal, result.Postings));

    private void Report(in LedgerArguments arguments) => SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnLedger(a), arguments);

    /// <summary>
    /// Releases every sale whose return window closed at or before <paramref name="at"/> (the batch job): frozen
    /// earnings become available. Runs in transactions of <see cref="SocialCommerceStoreOptions.ReleaseBatchSize"/>
    /// sales; several instances may run it at once (each sale is released once).
    /// </summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <param name="cancellationToken">Cancels between and during batches (committed batches stay).</param>
    /// <returns>The release of each sale released by this call.</returns>
    public async Task<IReadOnlyList<SaleCommissionResult>> ReleaseDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var ticks = StoredJson.Ticks(at);
        var released = new List<SaleCommissionResult>();
        while (true)
        {
            var batch = await _store.RunAsync($"release sales due at {at}", async (db, _, ct) =>
            {
                var rows = await db.Set<SaleRow>()
                    .Where(r => r.Status == (int)LedgerSaleStatus.Frozen && r.ReleaseAt <= ticks)
                    .OrderBy(r => r.ReleaseAt)
                    .Take(_store.Options.ReleaseBatchSize)
                    .ToListAsync(ct).ConfigureAwait(false);
                var results = new List<SaleCommissionResult>(rows.Count);
                var changes = new List<(SaleRow Row, SaleCommissionRecord Record, SaleCommissionResult Result)>(rows.Count);
                foreach (var row in rows)
                {
                    var record = SaleRecords.Load(row);
                    var result = record.Release(at);
                    if (result.Outcome == LedgerOutcome.Applied)
                    {
                        changes.Add((row, record, result));
                        results.Add(result);
                    }
                }

                var accounts = await StoredAccounts.LoadAsync(db, Options, changes.SelectMany(static c => c.Result.Postings), ct).ConfigureAwait(false);
                foreach (var (row, record, result) in changes)
                {
                    accounts.Apply(result.Postings, at);
                    SaleRecords.Save(row, record);
                }

                await SaveAsync(db, accounts, ct).ConfigureAwait(false);
                return (Results: results, Full: rows.Count == _store.Options.ReleaseBatchSize);
            }, cancellationToken).ConfigureAwait(false);
            released.AddRange(batch.Results);
            foreach (var result in batch.Results)
            {
                Report("release", result);
            }

            if (!batch.Full)
            {
                return released;
            }
        }
    }

    /// <summary>
    /// Withdraws available money at once (request, approval and payment in one step; minimum and fee as the
    /// <see cref="Options"/> say); idempotent by withdrawal id and content. For review and transfers that can fail, use
    /// <see cref="RequestWithdrawalAsync"/> and its steps.
    /// </summary>
    /// <param name="withdrawal">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied with gross, fee and net; a duplicate; or the refusal (below minimum, insufficient balance).</returns>
    public async Task<LedgerWithdrawalResult> WithdrawAsync(LedgerWithdrawal withdrawal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(withdrawal.WithdrawalId, nameof(withdrawal));
        var withdrawn = await WithdrawCoreAsync(withdrawal, cancellationToken).ConfigureAwait(false);
        Report(new LedgerArguments("withdraw", withdrawn.Result.Outcome, withdrawn.Result.Refusal, []));
        return withdrawn;
    }

    private Task<LedgerWithdrawalResult> WithdrawCoreAsync(LedgerWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        var currency = withdrawal.Amount.Currency;
        return _store.RunAsync($"withdrawal '{withdrawal.WithdrawalId}' of member {withdrawal.Member}", Keys.Account(withdrawal.Member, currency), (db, _, ct) => AccountDecisions.DecideAsync(
            db,
            StoredAccounts.TrackWithWithdrawalAsync(db, withdrawal.Member, currency, withdrawal.WithdrawalId, ct),
            AccountWith,
            account => account.Withdraw(withdrawal),
            (_, result, _) =>
            {
                db.Add(new WithdrawalRow
                {
                    WithdrawalId = withdrawal.WithdrawalId,
                    MemberId = withdrawal.Member.Value,
                    Currency = currency.Code,
                    Requested = withdrawal.Amount.ToMinorUnits(),
                    Gross = result.Gross.ToMinorUnits(),
                    Fee = result.Fee.ToMinorUnits(),
                    Net = result.Net.ToMinorUnits(),
                    At = StoredJson.Ticks(withdrawal.At),
                    Status = (int)WithdrawalStatus.Paid,
                    Attempts = 1,
                    Version = 1,
                });
                db.Add(WithdrawalEntry(withdrawal.WithdrawalId, withdrawal.Member, currency, result.Gross.ToMinorUnits(), withdrawal.At));
            },
            ct), cancellationToken);
    }

    /// <summary>Reads a member's balance in a currency (zero when it has no account).</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balance as committed.</returns>
    public Task<LedgerBalance> GetBalanceAsync(MemberId member, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return _store.RunAsync($"read the balance of member {member}", async (db, _, ct) =>
        {
            var row = await db.Set<AccountRow>().AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == member.Value && a.Currency == currency.Code, ct).ConfigureAwait(false);
            return row is null ? new CommissionAccount(member, currency, Options).Balance : StoredAccounts.BalanceOf(row);
        }, cancellationToken);
    }

    /// <summary>Reads every account's balance (for reconciliation and reports), ordered by member and currency.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances as committed.</returns>
    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        _store.RunAsync<IReadOnlyList<LedgerBalance>>("read every balance", async (db, _, ct) =>
        {
            var rows = await db.Set<AccountRow>().AsNoTracking().OrderBy(a => a.MemberId).ThenBy(a => a.Currency).ToListAsync(ct).ConfigureAwait(false);
            return rows.ConvertAll(StoredAccounts.BalanceOf);
        }, cancellationToken);

    /// <summary>Reads a sale's commission record, or <see langword="null"/> when the sale was never posted.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record as committed.</returns>
    public Task<SaleCommissionRecord?> GetSaleAsync(string saleId, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(saleId, nameof(saleId));
        return _store.RunAsync($"read sale '{saleId}'", (db, _, ct) => _sales.ReadAsync(db, saleId, ct), cancellationToken);
    }

    // A command on a posted sale: the state rows' one command path, its postings saved with the record.
    private Task<SaleCommissionResult> ChangeSaleAsync(string command, string saleId, Instant at, Func<SaleCommissionRecord, SaleCommissionResult> decide, CancellationToken cancellationToken) =>
        _store.RunAsync(command, Keys.Sale(saleId), (db, _, ct) => _sales.DecideAsync(
            db,
            saleId,
            record =>
            {
                var result = decide(record);
                return (result, result.Outcome == LedgerOutcome.Applied ? record : null);
            },
            ct,
            missing: () => new SaleCommissionResult(LedgerOutcome.Refused, LedgerRefusal.UnknownSale, $"Sale '{saleId}' is not in the ledger.", [], 0),
            save: async result =>
            {
                var accounts = await StoredAccounts.LoadAsync(db, Options, result.Postings, ct).ConfigureAwait(false);
                accounts.Apply(result.Postings, at);
                await SaveAsync(db, accounts, ct).ConfigureAwait(false);
            }), cancellationToken);

    // The sale rows are version-checked by SaveChanges, so a posting id seen again here means another writer got there
    // first: a conflict the next attempt decides again.
    private static async Task SaveAsync(DbContext db, StoredAccounts accounts, CancellationToken ct)
    {
        var batch = new SqlBatch(db);
        accounts.Write(db, batch);
        if (!await StoreTransaction.CommitAsync(db, batch, ct).ConfigureAwait(false))
        {
            throw new DbUpdateConcurrencyException("An account posting was applied by another writer first.");
        }
    }
}
