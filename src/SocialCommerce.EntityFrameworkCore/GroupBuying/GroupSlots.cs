using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// The open-group counts of the members one command touches, for rules with a per-member limit
/// (<see cref="GroupBuyRule.MaxOpenGroupsPerMember"/>); versioned rows, so two joins of one member in different
/// groups cannot both pass the limit.
/// </summary>
internal sealed class GroupSlots
{
    private static readonly GroupSlots None = new(null, null, []);
    private readonly DbContext? _db;
    private readonly string? _key;
    private readonly Dictionary<long, GroupSlotRow> _rows;

    private GroupSlots(DbContext? db, string? key, Dictionary<long, GroupSlotRow> rows)
    {
        _db = db;
        _key = key;
        _rows = rows;
    }

    /// <summary>Loads the members' counts under the rule (or, for a campaign's groups, under <paramref name="key"/>: the campaign's name, one count across its SKUs).</summary>
    public static async Task<GroupSlots> LoadAsync(DbContext db, GroupBuyRule rule, IReadOnlyCollection<MemberId> members, CancellationToken ct, string? key = null)
    {
        if (rule.MaxOpenGroupsPerMember is null)
        {
            return None;
        }

        var slots = new GroupSlots(db, key ?? rule.Name, []);
        await slots.LoadMoreAsync(members, ct).ConfigureAwait(false);
        return slots;
    }

    /// <summary>
    /// Loads the rows of members not loaded yet: a join reads only the joiner's row to decide, and the other
    /// participants' rows only when the join settles the group (every participant then leaves an open group).
    /// </summary>
    public async Task LoadMoreAsync(IEnumerable<MemberId> members, CancellationToken ct)
    {
        if (_key is null)
        {
            return;
        }

        var ids = members.Select(static m => m.Value).Where(id => !_rows.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var ruleName = _key;
        foreach (var row in await _db!.Set<GroupSlotRow>().Where(s => s.RuleName == ruleName && ids.Contains(s.MemberId)).ToListAsync(ct).ConfigureAwait(false))
        {
            _rows[row.MemberId] = row;
        }
    }

    public int OpenGroups(MemberId member) => _rows.TryGetValue(member.Value, out var row) ? row.OpenGroups : 0;

    /// <summary>Applies what the command's events change, as Core counts it (<see cref="GroupBuy.CountOpenGroups"/>).</summary>
    public void Track(GroupBuy group, IReadOnlyList<GroupBuyEvent> events)
    {
        if (_key is not null)
        {
            group.CountOpenGroups(events, Change);
        }
    }

    private void Change(MemberId member, int delta)
    {
        if (!_rows.TryGetValue(member.Value, out var row))
        {
            row = new GroupSlotRow { RuleName = _key!, MemberId = member.Value };
            _rows[member.Value] = row;
            _db!.Add(row);
        }

        row.OpenGroups += delta;
        row.Version++;
    }
}
