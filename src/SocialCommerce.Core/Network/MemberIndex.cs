using System;
using System.Runtime.CompilerServices;

namespace SocialCommerce.Network;

/// <summary>
/// The map from a member's id to its dense index: open addressing with linear probing over one array of
/// (key, index) slots, so a lookup in a large network costs one cache miss instead of the two or three of a
/// <see cref="System.Collections.Generic.Dictionary{TKey, TValue}"/> (bucket array, then entry array).
/// </summary>
/// <remarks>Not thread-safe for writes; concurrent reads are safe. Kept at most half full.</remarks>
internal sealed class MemberIndex
{
    private Slot[] _slots;
    private int _mask;
    private int _shift;
    private int _count;

    public MemberIndex(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count => _count;

    public bool ContainsKey(MemberId member) => TryGetValue(member, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(MemberId member, out int index)
    {
        var slots = _slots;
        var key = member.Value;
        var i = Home(key);
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.IndexPlusOne == 0)
            {
                index = -1;
                return false;
            }

            if (slot.Key == key)
            {
                index = slot.IndexPlusOne - 1;
                return true;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a member that is not in the index yet (callers check first).</summary>
    public void Add(MemberId member, int index)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Resize();
        }

        Insert(_slots, member.Value, index + 1);
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Insert(Slot[] slots, long key, int indexPlusOne)
    {
        var i = Home(key);
        while (slots[i].IndexPlusOne != 0)
        {
            if (slots[i].Key == key)
            {
                throw new InvalidOperationException($"Member {key} is already in the index.");
            }

            i = (i + 1) & _mask;
        }

        slots[i] = new Slot(key, indexPlusOne);
    }

    private void Resize()
    {
        var old = _slots;
        var size = old.Length * 2;
        _slots = new Slot[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var slot in old)
        {
            if (slot.IndexPlusOne != 0)
            {
                Insert(_slots, slot.Key, slot.IndexPlusOne);
            }
        }
    }

    private readonly record struct Slot(long Key, int IndexPlusOne);
}
