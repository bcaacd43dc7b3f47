using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Invitations;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>An invitation's event stream: its head row in <c>sc_invitations</c>, its events in <c>sc_invitation_events</c>.</summary>
internal sealed class InvitationStream(InvitationBook rules) : EventStream<Invitation, InvitationEvent>
{
    public override async Task<Invitation?> ReadAsync(DbContext db, long id, CancellationToken ct)
    {
        var head = await db.Set<InvitationRow>().AsNoTracking().FirstOrDefaultAsync(i => i.InvitationId == id, ct).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var rows = await db.Set<InvitationEventRow>().AsNoTracking().Where(e => e.InvitationId == id).OrderBy(e => e.Version).ToListAsync(ct).ConfigureAwait(false);
        var events = Events(rows);
        return Restored("invitation", id, "sc_invitation_events", () => Invitation.FromHistory(rules.GetRule(head.RuleName), events));
    }

    public static void AddEvents(DbContext db, IReadOnlyList<InvitationEvent> events)
    {
        foreach (var e in events)
        {
            db.Add(IEventRow.Fill(new InvitationEventRow { InvitationId = e.InvitationId.Value }, e, e.Version, e.At));
        }
    }

    protected override long VersionOf(Invitation aggregate) => aggregate.Version;

    protected override Task<int> LockAsync(DbContext db, long id, CancellationToken ct) =>
        db.Set<InvitationRow>().Where(i => i.InvitationId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version), ct);

    protected override async Task<List<InvitationEvent>?> LockAndReadSinceAsync(DbContext db, long id, long version, CancellationToken ct)
    {
        var (exists, rows) = await LockAndReadRowsSinceAsync<InvitationRow, InvitationEventRow>(db, nameof(InvitationRow.InvitationId), id, version, () => new InvitationEventRow { InvitationId = id }, ct).ConfigureAwait(false);
        return exists ? Events(rows) : null;
    }

    protected override Invitation Continue(Invitation earlier, List<InvitationEvent> laterEvents) =>
        Restored("invitation", earlier.Id.Value, "sc_invitation_events", () => Invitation.FromHistory(earlier, laterEvents));

    protected override void Append(DbContext db, Invitation aggregate, long loadedVersion, IReadOnlyList<InvitationEvent> events)
    {
        AddEvents(db, events);
        var head = new InvitationRow { InvitationId = aggregate.Id.Value, RuleName = aggregate.Rule.Name, OwnerId = aggregate.Owner.Value, Version = loadedVersion };
        db.Attach(head);
        head.Status = (int)aggregate.Status;
        head.Version = aggregate.Version;
    }

    protected override Exception Unknown(long id) => new UnknownInvitationException(new InvitationId(id));

    private static List<InvitationEvent> Events(List<InvitationEventRow> rows) =>
        rows.ConvertAll(r => StoredJson.Read<InvitationEvent>(r.Event, r.SchemaVersion, "sc_invitation_events", $"{r.InvitationId}/{r.Version}"));
}
