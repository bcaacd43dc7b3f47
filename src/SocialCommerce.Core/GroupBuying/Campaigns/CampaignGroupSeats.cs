using System;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The seats of one group, as <see cref="CampaignQuota"/> keeps them: rows in the order they were taken, found by member
/// with a scan while the group is small and through an index once it is larger (open addressing over positions, kept at
/// most half full). A campaign's seats live with their group, so a join touches its group's rows and nothing the size
/// of the campaign.
/// </summary>
internal sealed class CampaignGroupSeats
{
    private const int IndexThreshold = 8;
    private CampaignSeatRow[] _rows;
    private int[]? _index; // a slot holds a position + 1, 0 when empty

    /// <summary>Starts a group's seats.</summary>
    /// <param name="capacity">The seats expected (the group's capacity), or fewer; the rows grow beyond it.</param>
    public CampaignGroupSeats(int capacity) => _rows = new CampaignSeatRow[Math.Clamp(capacity, 2, 16)];

    /// <summary>Gets the number of seats.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the seats in the order they were taken.</summary>
    public ReadOnlySpan<CampaignSeatRow> Rows => _rows.AsSpan(0, Count);

    /// <summary>Gets a seat by its position, to read or to change in place.</summary>
    /// <param name="index">The position, below <see cref="Count"/>.</param>
    public ref CampaignSeatRow this[int index] => ref _rows[index];

    /// <summary>Returns a member's position, or -1.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The position.</returns>
    public int IndexOf(MemberId member)
    {
        if (_index is not null)
        {
            var mask = _index.Length - 1;
            for (var slot = Home(member, mask); _index[slot] != 0; slot = (slot + 1) & mask)
            {
                if (_rows[_index[slot] - 1].Member == member)
                {
                    return _index[slot] - 1;
                }
            }

            return -1;
        }

        for (var i = 0; i < Count; i++)
        {
            if (_rows[i].Member == member)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds a seat of a member not seated yet.</summary>
    /// <param name="row">The seat.</param>
    public void Add(in CampaignSeatRow row)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[Count] = row;
        Count++;
        if (_index is not null && Count * 2 <= _index.Length)
        {
            Index(Count - 1);
        }
        else if (Count > IndexThreshold)
        {
            Reindex();
        }
    }

    /// <summary>Removes a seat; the later seats move up one place.</summary>
    /// <param name="index">Its position.</param>
    public void RemoveAt(int index)
    {
        Count--;
        Array.Copy(_rows, index + 1, _rows, index, Count - index);
        _rows[Count] = default;
        if (_index is not null)
        {
            Reindex();
        }
    }

    private static int Home(MemberId member, int mask) => (int)(unchecked((ulong)member.Value * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    // Builds the index again, at least twice the seats' rows in size.
    private void Reindex()
    {
        var size = _index?.Length ?? 16;
        while (size < _rows.Length * 2)
        {
            size *= 2;
        }

        if (_index is null || _index.Length != size)
        {
            _index = new int[size];
        }
        else
        {
            Array.Clear(_index);
        }

        for (var i = 0; i < Count; i++)
        {
            Index(i);
        }
    }

    private void Index(int position)
    {
        var mask = _index!.Length - 1;
        var slot = Home(_rows[position].Member, mask);
        while (_index[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _index[slot] = position + 1;
    }
}
