using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Growth;

/// <summary>
/// Members' growth accounts on the database: one versioned row per member with its state; activity is evaluated by
/// the registered <see cref="GrowthProgram"/> against the latest stored state and written only if no other instance
/// changed the member in between (else retried). Thread-safe.
/// </summary>
public sealed class StoredGrowth
{
    private readonly StoreExecutor _store;
    private readonly GrowthProgram _program;
    private readonly GrowthRows _rows;

    internal StoredGrowth(StoreExecutor store, GrowthProgram program)
    {
        _store = store;
        _program = program;
        _rows = new GrowthRows(program);
    }

    /// <summary>Gets the growth program every instance must share.</summary>
    public GrowthProgram Program => _program;

    /// <summary>Enrols a member (idempotent: an enrolled member is returned as stored).</summary>
    /// <param name="member">The member.</param>
    /// <param name="joinedAt">When it joined.</param>
    /// <param name="zone">Its time zone for daily rules, or <see langword="null"/> for the policy's.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The member's growth.</returns>
    public Task<MemberGrowth> EnrolAsync(MemberId member, Instant joinedAt, DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        var enrolled = _program.Enrol(member, joinedAt, zone);
        return _store.RunAsync($"enrol member {member} in growth", Keys.Member(member), async (db, _, ct) =>
        {
            if (await _rows.ReadAsync(db, member, ct).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            db.Add(GrowthRows.New(enrolled));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return enrolled;
        }, cancellationToken);
    }

    /// <summary>
    /// Records activity of an enrolled member, as <see cref="GrowthProgram.Evaluate"/> decides: an activity already
    /// posted (by this instance or another, before a crash or a lost acknowledgement) answers its first outcome
    /// (<see cref="ActivityIgnored.FirstPoints"/>) and changes nothing.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <param name="activities">The activities, in order.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new state and the growth events to publish.</returns>
    /// <exception cref="KeyNotFoundException">The member is not enrolled.</exception>
    public Task<GrowthEvaluation> RecordAsync(MemberId member, IReadOnlyList<GrowthActivity> activities, Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var copy = new GrowthActivity[activities.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = activities[i];
        }

        return _store.RunAsync($"record {copy.Length} activities of member {member}", Keys.Member(member), (db, _, ct) => _rows.DecideAsync(db, member, state =>
        {
            var evaluation = _program.Evaluate(state, copy, asOf);
            return (evaluation, evaluation.State);
        }, ct), cancellationToken);
    }

    /// <summary>Reads a member's growth as stored.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The member's growth, or <see langword="null"/> when not enrolled.</returns>
    public Task<MemberGrowth?> GetAsync(MemberId member, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read the growth of member {member}", (db, _, ct) => _rows.ReadAsync(db, member, ct), cancellationToken);
}
