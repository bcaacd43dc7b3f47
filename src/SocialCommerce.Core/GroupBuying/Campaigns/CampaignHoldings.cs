using System.Runtime.CompilerServices;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// What each member holds in a campaign (units and groups), as <see cref="CampaignQuota"/> keeps it: open addressing
/// with linear probing over one array of 16-byte (member, units, groups) slots, kept at most half full, so finding a
/// member of a large campaign costs one cache miss instead of the two of a dictionary (buckets, then entries), and the
/// table holds no references for the garbage collector to trace. A member's slot stays once made (holding nothing when
/// its seats are gone), as a dictionary's entry would.
/// </summary>
internal sealed class CampaignHoldings
{
    private Slot[] _slots = new Slot[16];
    private int _shift = 64 - 4;
    private int _count;

    /// <summary>Returns what a member holds (nothing when it holds nothing).</summary>
    /// <param name="member">The member.</param>
    /// <returns>Its units and groups.</returns>
    public (int Units, int Groups) Get(MemberId member)
    {
        ref var slot = ref _slots[Find(_slots, member.Value)];
        return slot.GroupsPlusOne == 0 ? default : (slot.Units, slot.GroupsPlusOne - 1);
    }

    /// <summary>Changes what a member holds by the given units and groups (added as holding nothing when new).</summary>
    /// <param name="member">The member.</param>
    /// <param name="units">The change in units.</param>
    /// <param name="groups">The change in groups.</param>
    public void Add(MemberId member, int units, int groups)
    {
        var at = Find(_slots, member.Value);
        if (_slots[at].GroupsPlusOne == 0)
        {
            if ((_count + 1) * 2 > _slots.Length)
            {
                Grow();
                at = Find(_slots, member.Value);
            }

            _slots[at] = new Slot { Member = member.Value, GroupsPlusOne = 1 };
            _count++;
        }

        ref var slot = ref _slots[at];
        slot.Units += units;
        slot.GroupsPlusOne += groups;
    }

    /// <summary>Sets what a member holds (a store's row).</summary>
    /// <param name="member">The member.</param>
    /// <param name="held">Its units and groups.</param>
    public void Set(MemberId member, (int Units, int Groups) held)
    {
        var (units, groups) = Get(member);
        Add(member, held.Units - units, held.Groups - groups);
    }

    // The slot holding a member, or the empty slot where it would go.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(Slot[] slots, long member)
    {
        var mask = slots.Length - 1;
        var i = (int)(unchecked((ulong)member * 0x9E3779B97F4A7C15UL) >> _shift);
        while (slots[i].GroupsPlusOne != 0 && slots[i].Member != member)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        foreach (var slot in old)
        {
            if (slot.GroupsPlusOne != 0)
            {
                _slots[Find(_slots, slot.Member)] = slot;
            }
        }
    }

    // GroupsPlusOne is 0 for an empty slot: a member's slot, once made, keeps at least 1 there.
    private struct Slot
    {
        public long Member;
        public int Units;
        public int GroupsPlusOne;
    }
}
