using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// Community group-buying batches (社区团购) on the database: one versioned row per batch holding its state; orders
/// and the close at the cut-off are decided by <see cref="CommunityBatch"/> against the latest stored state, and
/// written only if no other instance changed the batch in between (else retried). Thread-safe.
/// </summary>
public sealed class StoredCommunityBatches
{
    private readonly StoreExecutor _store;
    private readonly Func<string, CommunityBatchRule?> _rules;
    private readonly BatchRows _rows;

    internal StoredCommunityBatches(StoreExecutor store, Func<string, CommunityBatchRule?> rules)
    {
        _store = store;
        _rules = rules;
        _rows = new BatchRows(Rule);
    }

    /// <summary>Stores a new batch, under the name its rule is registered with.</summary>
    /// <param name="batch">The new batch (no orders yet, or some).</param>
    /// <param name="ruleName">The name the batch's rule is registered under (<c>AddCommunityBatchRule</c>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when stored.</returns>
    /// <exception cref="ArgumentException">No rule of that name is registered, it is not the batch's rule, or a batch with that id exists.</exception>
    public Task CreateAsync(CommunityBatch batch, string ruleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rule = Rule(ruleName);
        if (!string.Equals(rule.Version, batch.Rule.Version, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Batch '{batch.Id}' uses rule {batch.Rule}, not the rule registered as '{ruleName}' ({rule}).", nameof(ruleName));
        }

        return _store.RunAsync($"create batch '{batch.Id}'", async (db, _, ct) =>
        {
            // The id is the creation's identity: the same creation seen again (a lost acknowledgement, a resend to
            // another instance) is done already; another batch under the id is refused. Read first, so that a resend
            // does not make the database (and EF Core's log) report a key violation; a racing twin's insert still
            // meets the key, and the retry reads it here.
            if (await _rows.ReadAsync(db, batch.Id, ct).ConfigureAwait(false) is { } stored)
            {
                return stored.Leader == batch.Leader && stored.CutOff == batch.CutOff && stored.DeliveryDate == batch.DeliveryDate
                    && string.Equals(stored.Rule.Version, batch.Rule.Version, StringComparison.Ordinal)
                    ? true
                    : throw new ArgumentException($"Batch '{batch.Id}' already exists with another leader, delivery day, cut-off or rule; choose a new id for each batch.", nameof(batch));
            }

            db.Add(BatchRows.New(batch, ruleName));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Places an order in a batch, as <see cref="CommunityBatch.PlaceOrder"/> decides.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="orderId">The order (unique in the batch).</param>
    /// <param name="member">The buyer.</param>
    /// <param name="lines">The lines.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted, or the refusal (cut-off passed, per-member limit, duplicate order, closed).</returns>
    /// <exception cref="KeyNotFoundException">No batch has that id.</exception>
    public Task<CommunityOrderResult> PlaceOrderAsync(string batchId, string orderId, MemberId member, IReadOnlyList<CommunityOrderLine> lines, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return ChangeAsync($"order '{orderId}' in batch '{batchId}'", batchId, batch =>
        {
            var result = batch.PlaceOrder(orderId, member, lines, at);
            return (result, result.IsAccepted && !result.IsDuplicate);
        }, cancellationToken);
    }

    /// <summary>Closes a batch at its cut-off: products that met their threshold are confirmed, the others refunded, the leader's commission computed.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="at">When (at or after the cut-off).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Closed with the settlement, or the refusal (not yet due, already closed).</returns>
    public Task<CommunityCloseResult> CloseAtCutOffAsync(string batchId, Instant at, CancellationToken cancellationToken = default) =>
        ChangeAsync($"close batch '{batchId}'", batchId, batch =>
        {
            var result = batch.CloseAtCutOff(at);
            return (result, result.IsClosed && !result.IsDuplicate);
        }, cancellationToken);

    /// <summary>Closes every open batch whose cut-off is at or before <paramref name="at"/> (the cut-off job; safe on several instances at once: each batch is closed once).</summary>
    /// <param name="at">The instant the job runs for.</param>
    /// <param name="cancellationToken">Cancels the job (closed batches stay closed).</param>
    /// <returns>The settlement of each batch this call closed.</returns>
    public Task<IReadOnlyList<CommunityCloseResult>> CloseDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var ticks = StoredJson.Ticks(at);
        return DueItems.SettleAsync<BatchRow, long, string, CommunityCloseResult>(
            _store, $"batches due at {at}", b => b.Status == (int)CommunityBatchStatus.Open && b.CutOff <= ticks, b => b.CutOff, b => b.BatchId,
            (id, ct) => CloseAtCutOffAsync(id, at, ct), static r => r.IsClosed && !r.IsDuplicate, cancellationToken);
    }

    /// <summary>Reads a batch as stored.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, or <see langword="null"/>.</returns>
    public Task<CommunityBatch?> GetAsync(string batchId, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(batchId, nameof(batchId));
        return _store.RunAsync($"read batch '{batchId}'", (db, _, ct) => _rows.ReadAsync(db, batchId, ct), cancellationToken);
    }

    private Task<T> ChangeAsync<T>(string command, string batchId, Func<CommunityBatch, (T Result, bool Changed)> decide, CancellationToken cancellationToken)
    {
        StoredIds.Check(batchId, nameof(batchId));
        return _store.RunAsync(command, "batch/" + batchId, (db, _, ct) => _rows.DecideAsync(db, batchId, batch =>
        {
            var (result, changed) = decide(batch);
            return (result, changed ? batch : null);
        }, ct), cancellationToken);
    }

    private CommunityBatchRule Rule(string ruleName)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        return _rules(ruleName) ?? throw new ArgumentException($"No community batch rule is registered as '{ruleName}'; register it with AddCommunityBatchRule(\"{ruleName}\", rule).", nameof(ruleName));
    }
}
