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
    private readonly GroupBuyRule? _rule;
    private readonly Dictionary<long, GroupSlotRow> _rows;

    private GroupSlots(DbContext? db, GroupBuyRule? rule, Dictionary<long, GroupSlotRow> rows)
    {
        _db = db;
        _rule = rule;
        _rows = rows;
    }

    public static async Task<GroupSlots> LoadAsync(DbContext db, GroupBuyRule rule, IReadOnlyCollection<MemberId> members, CancellationToken ct)
    {
        if (rule.MaxOpenGroupsPerMember is null || members.Count == 0)
        {
            return None;
        }

        var ids = members.Select(static m => m.Value).Distinct().ToList();
        var rows = await db.Set<GroupSlotRow>().Where(s => s.RuleName == rule.Name && ids.Contains(s.MemberId)).ToDictionaryAsync(s => s.MemberId, ct).ConfigureAwait(false);
        return new GroupSlots(db, rule, rows);
    }

    public int OpenGroups(MemberId member) => _rows.TryGetValue(member.Value, out var row) ? row.OpenGroups : 0;

    /// <summary>Counts the joining members in, and everyone out when the group stopped being open.</summary>
    public void Track(GroupBuy group, IReadOnlyList<MemberId> joining, bool wasOpen)
    {
        if (_rule is null)
        {
            return;
        }

        foreach (var member in joining)
        {
            Change(member, +1);
        }

        if (group.Status != GroupBuyStatus.Open && (wasOpen || joining.Count > 0))
        {
            foreach (var member in group.GetParticipants())
            {
                Change(member, -1);
            }
        }
    }

    private void Change(MemberId member, int delta)
    {
        if (!_rows.TryGetValue(member.Value, out var row))
        {
            row = new GroupSlotRow { RuleName = _rule!.Name, MemberId = member.Value };
            _rows[member.Value] = row;
            _db!.Add(row);
        }

        row.OpenGroups += delta;
        row.Version++;
    }
}
