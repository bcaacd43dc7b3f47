using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.GroupBuying;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>A group's event stream: its head row in <c>sc_groups</c>, its events in <c>sc_group_events</c>.</summary>
internal sealed class GroupStream(GroupRules rules) : EventStream<GroupBuy, GroupBuyEvent>
{
    public override async Task<GroupBuy?> ReadAsync(DbContext db, long id, CancellationToken ct)
    {
        var head = await db.Set<GroupRow>().AsNoTracking().FirstOrDefaultAsync(g => g.GroupId == id, ct).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var rows = await db.Set<GroupEventRow>().AsNoTracking().Where(e => e.GroupId == id).OrderBy(e => e.Version).ToListAsync(ct).ConfigureAwait(false);
        return Restore(head, Events(rows));
    }

    /// <summary>Rebuilds a group from its head and its whole stream (a page of groups reads many at once).</summary>
    public GroupBuy Restore(GroupRow head, List<GroupBuyEvent> events) =>
        Restored("group", head.GroupId, "sc_group_events", () => GroupBuy.FromHistory(rules.Get(head.RuleName), events));

    public static List<GroupBuyEvent> Events(List<GroupEventRow> rows) =>
        rows.ConvertAll(r => StoredJson.Read<GroupBuyEvent>(r.Event, r.SchemaVersion, "sc_group_events", $"{r.GroupId}/{r.Version}"));

    /// <summary>Tracks a group an opening created: its head row and its first events.</summary>
    public static void AddOpened(DbContext db, GroupBuy group, IReadOnlyList<GroupBuyEvent> events)
    {
        db.Add(new GroupRow { GroupId = group.Id.Value, RuleName = group.Rule.Name, Status = (int)group.Status, Deadline = StoredJson.Ticks(group.Deadline), Version = group.Version });
        AddEvents(db, events);
    }

    public static void AddEvents(DbContext db, IReadOnlyList<GroupBuyEvent> events)
    {
        foreach (var e in events)
        {
            db.Add(IEventRow.Fill(new GroupEventRow { GroupId = e.GroupId.Value }, e, e.Version, e.At));
        }
    }

    protected override long VersionOf(GroupBuy aggregate) => aggregate.Version;

    protected override Task<int> LockAsync(DbContext db, long id, CancellationToken ct) =>
        db.Set<GroupRow>().Where(g => g.GroupId == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Version, g => g.Version), ct);

    protected override async Task<List<GroupBuyEvent>?> LockAndReadSinceAsync(DbContext db, long id, long version, CancellationToken ct)
    {
        var (exists, rows) = await LockAndReadRowsSinceAsync<GroupRow, GroupEventRow>(db, nameof(GroupRow.GroupId), id, version, () => new GroupEventRow { GroupId = id }, ct).ConfigureAwait(false);
        return exists ? Events(rows) : null;
    }

    protected override GroupBuy Continue(GroupBuy earlier, List<GroupBuyEvent> laterEvents) =>
        Restored("group", earlier.Id.Value, "sc_group_events", () => GroupBuy.FromHistory(earlier, laterEvents));

    protected override void Append(DbContext db, GroupBuy aggregate, long loadedVersion, IReadOnlyList<GroupBuyEvent> events)
    {
        AddEvents(db, events);
        var head = new GroupRow { GroupId = aggregate.Id.Value, RuleName = aggregate.Rule.Name, Version = loadedVersion };
        db.Attach(head);
        head.Status = (int)aggregate.Status;
        head.Deadline = StoredJson.Ticks(aggregate.Deadline); // a hand-over may reset it
        head.Version = aggregate.Version;
    }

    protected override Exception Unknown(long id) => new UnknownGroupBuyException(new GroupBuyId(id));
}
