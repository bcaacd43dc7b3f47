using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// A generated referral forest as plain data: member <c>i</c> has the id <see cref="Member"/>(<c>i</c>) and its
/// referrer is the earlier member <see cref="ParentOf"/>(<c>i</c>), or none (−1) for a root.
/// </summary>
/// <remarks>
/// Referrers always come before the members they referred, so <see cref="Build(Instant, BindingPolicy?)"/> can add members in
/// index order and every prefix of a sample is a valid sample. Immutable; <see cref="ToString"/> prints the whole
/// forest, which is what a failing property shows.
/// </remarks>
public sealed class NetworkSample
{
    private readonly int[] _parents;
    private readonly long[] _ids;
    private readonly int[] _depths;

    /// <summary>Creates a sample from referrer indices, with ids 1..n.</summary>
    /// <param name="parents">For each member, the index of its referrer (lower than its own) or −1 for a root.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parents"/> is null.</exception>
    /// <exception cref="ArgumentException">A referrer index is not −1 and not lower than its member's index; the message names both.</exception>
    public NetworkSample(IReadOnlyList<int> parents)
        : this(parents, null)
    {
    }

    /// <summary>Creates a sample from referrer indices and member ids.</summary>
    /// <param name="parents">For each member, the index of its referrer (lower than its own) or −1 for a root.</param>
    /// <param name="ids">The members' ids, distinct, as many as <paramref name="parents"/>; ids 1..n when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parents"/> is null.</exception>
    /// <exception cref="ArgumentException">A referrer index is out of order, or the ids are not distinct or not as many as the members.</exception>
    public NetworkSample(IReadOnlyList<int> parents, IReadOnlyList<long>? ids)
    {
        ArgumentNullException.ThrowIfNull(parents);
        _parents = [.. parents];
        _depths = new int[_parents.Length];
        for (var i = 0; i < _parents.Length; i++)
        {
            var parent = _parents[i];
            if (parent < -1 || parent >= i)
            {
                throw new ArgumentException($"Member {i}'s referrer index is {parent}; it must be -1 (a root) or an earlier member's index (0..{i - 1}).", nameof(parents));
            }

            _depths[i] = parent < 0 ? 0 : _depths[parent] + 1;
        }

        if (ids is null)
        {
            _ids = new long[_parents.Length];
            for (var i = 0; i < _ids.Length; i++)
            {
                _ids[i] = i + 1;
            }
        }
        else
        {
            if (ids.Count != _parents.Length)
            {
                throw new ArgumentException($"There are {ids.Count} ids for {_parents.Length} members; give one id per member.", nameof(ids));
            }

            _ids = [.. ids];
            if (new HashSet<long>(_ids).Count != _ids.Length)
            {
                throw new ArgumentException($"The member ids [{string.Join(",", _ids)}] are not distinct.", nameof(ids));
            }
        }
    }

    /// <summary>Gets the number of members.</summary>
    public int Count => _parents.Length;

    /// <summary>Gets the referrer index of every member (−1 for a root).</summary>
    public IReadOnlyList<int> Parents => _parents;

    /// <summary>Gets the id of every member, by index.</summary>
    public IReadOnlyList<long> Ids => _ids;

    /// <summary>Gets the largest depth of any member (0 for an empty network or one of roots only).</summary>
    public int MaxDepth => _depths.Length == 0 ? 0 : _depths.Max();

    /// <summary>Gets the number of roots.</summary>
    public int RootCount => _parents.Count(p => p < 0);

    /// <summary>Gets the id of the member at <paramref name="index"/>.</summary>
    /// <param name="index">The member's index, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The member id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public MemberId Member(int index) => new(_ids[CheckIndex(index)]);

    /// <summary>Gets the referrer index of the member at <paramref name="index"/>, or −1 for a root.</summary>
    /// <param name="index">The member's index.</param>
    /// <returns>The referrer's index or −1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public int ParentOf(int index) => _parents[CheckIndex(index)];

    /// <summary>Gets the depth of the member at <paramref name="index"/>: 0 for a root, its referrer's depth + 1 otherwise.</summary>
    /// <param name="index">The member's index.</param>
    /// <returns>The depth.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public int DepthOf(int index) => _depths[CheckIndex(index)];

    /// <summary>
    /// Gets the upline of the member at <paramref name="index"/> as indices, level 1 (its referrer) first, up to the root.
    /// </summary>
    /// <param name="index">The member's index.</param>
    /// <returns>The ancestors' indices, nearest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public IReadOnlyList<int> UplineOf(int index)
    {
        var upline = new List<int>();
        for (var current = _parents[CheckIndex(index)]; current >= 0; current = _parents[current])
        {
            upline.Add(current);
        }

        return upline;
    }

    /// <summary>Builds the network, adding members in index order, each with its referrer, registered at <paramref name="registeredAt"/>.</summary>
    /// <param name="registeredAt">The registration instant of every member.</param>
    /// <param name="policy">The binding policy; the SDK's default when null.</param>
    /// <returns>A new network.</returns>
    public ReferralNetwork Build(Instant registeredAt, BindingPolicy? policy = null)
    {
        var network = new ReferralNetwork(policy, Math.Max(Count, 1));
        for (var i = 0; i < Count; i++)
        {
            if (_parents[i] < 0)
            {
                network.AddMember(Member(i), registeredAt);
            }
            else
            {
                network.AddMember(Member(i), Member(_parents[i]), registeredAt);
            }
        }

        return network;
    }

    /// <summary>
    /// Builds the same forest in another order: every member first added as a root in an order shuffled by
    /// <paramref name="seed"/>, then bound to its referrer in another shuffled order (policy
    /// <see cref="BindingPolicy.FirstBindingWins"/>). Code that depends on insertion order shows up as a difference.
    /// </summary>
    /// <param name="registeredAt">The registration and binding instant.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <returns>A new network with the same referrers as <see cref="Build(Instant, BindingPolicy?)"/>.</returns>
    public ReferralNetwork BuildShuffled(Instant registeredAt, int seed)
    {
#pragma warning disable CA5394 // A seeded shuffle for reproducible tests, not security.
        var random = new Random(seed);
#pragma warning restore CA5394
        var network = new ReferralNetwork(BindingPolicy.FirstBindingWins, Math.Max(Count, 1));
        foreach (var i in Shuffled(random))
        {
            network.AddMember(Member(i), registeredAt);
        }

        foreach (var i in Shuffled(random))
        {
            if (_parents[i] >= 0)
            {
                network.Bind(Member(i), Member(_parents[i]), registeredAt);
            }
        }

        return network;
    }

    /// <summary>Returns the first <paramref name="count"/> members (a valid sample, since referrers come first).</summary>
    /// <param name="count">How many members to keep, from 0 to <see cref="Count"/>.</param>
    /// <returns>The prefix.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="Count"/>.</exception>
    public NetworkSample Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new NetworkSample(_parents.AsSpan(0, count).ToArray(), _ids.AsSpan(0, count).ToArray());
    }

    /// <summary>
    /// Returns the sample without the member at <paramref name="index"/>: its referrals are re-attached to its own
    /// referrer (or become roots), and later members move down one index.
    /// </summary>
    /// <param name="index">The member to remove.</param>
    /// <returns>The smaller sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public NetworkSample Without(int index)
    {
        CheckIndex(index);
        var parents = new int[Count - 1];
        var ids = new long[Count - 1];
        for (int i = 0, j = 0; i < Count; i++)
        {
            if (i == index)
            {
                continue;
            }

            var parent = _parents[i] == index ? _parents[index] : _parents[i];
            parents[j] = parent > index ? parent - 1 : parent;
            ids[j++] = _ids[i];
        }

        return new NetworkSample(parents, ids);
    }

    /// <summary>Returns the sample with the member at <paramref name="index"/> made a root (its referral cut).</summary>
    /// <param name="index">The member.</param>
    /// <returns>The sample with one fewer link.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a member.</exception>
    public NetworkSample Unlinked(int index)
    {
        CheckIndex(index);
        var parents = (int[])_parents.Clone();
        parents[index] = -1;
        return new NetworkSample(parents, _ids);
    }

    /// <summary>Formats as <c>Network(n=4, referrers=[-,0,1,1])</c>, with the ids when they are not 1..n.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("Network(n=").Append(Count.ToString(CultureInfo.InvariantCulture)).Append(", referrers=[");
        for (var i = 0; i < Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(_parents[i] < 0 ? "-" : _parents[i].ToString(CultureInfo.InvariantCulture));
        }

        text.Append(']');
        if (!DefaultIds())
        {
            text.Append(", ids=[").AppendJoin(",", _ids).Append(']');
        }

        return text.Append(')').ToString();
    }

    private bool DefaultIds()
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            if (_ids[i] != i + 1)
            {
                return false;
            }
        }

        return true;
    }

    private int[] Shuffled(Random random)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
#pragma warning disable CA5394 // A seeded shuffle for reproducible tests, not security.
            var j = random.Next(i + 1);
#pragma warning restore CA5394
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The network has {Count} members (indices 0..{Count - 1}).");
        }

        return index;
    }
}
