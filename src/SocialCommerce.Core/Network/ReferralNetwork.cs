using System;
using System.Collections.Generic;
using NodaTime;

namespace SocialCommerce.Network;

/// <summary>
/// The in-memory referral network: members, who referred whom, and the binding history.
/// </summary>
/// <remarks>
/// <para>
/// Members are held in dense int-indexed arrays, so building a network of a million members takes
/// well under a second and <see cref="CopyUpline"/> allocates nothing. Binding is checked against the
/// <see cref="Policy"/>; a binding that would close a cycle, a self-referral or an unknown member is
/// refused. Rebindings are recorded in <see cref="GetBindingHistory"/>, never silent.
/// </para>
/// <para>
/// Thread safety: concurrent reads are safe; writes (<see cref="AddMember(MemberId, Instant)"/>,
/// <see cref="Bind"/>) must not run concurrently with each other or with reads.
/// </para>
/// </remarks>
public sealed partial class ReferralNetwork : IReferralNetwork
{
    private const int None = -1;

    private readonly MemberIndex _index;
    private readonly Dictionary<int, List<ReferralBinding>> _history = new();
    private MemberId[] _ids;
    private int[] _parent;
    private int[] _depth;
    private int[] _firstChild;
    private int[] _nextSibling;
    private int[] _childCount;
    private Instant[] _boundAt;
    private NearestAncestors[] _ancestors;
    private int _count;

    /// <summary>Creates an empty network.</summary>
    /// <param name="policy">The binding policy; <see cref="BindingPolicy.FirstBindingWins"/> when null.</param>
    /// <param name="capacity">Members to reserve room for.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public ReferralNetwork(BindingPolicy? policy = null, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Policy = policy ?? BindingPolicy.FirstBindingWins;
        capacity = Math.Max(capacity, 4);
        _index = new MemberIndex(capacity);
        _ids = new MemberId[capacity];
        _parent = new int[capacity];
        _depth = new int[capacity];
        _firstChild = new int[capacity];
        _nextSibling = new int[capacity];
        _childCount = new int[capacity];
        _boundAt = new Instant[capacity];
        _ancestors = new NearestAncestors[capacity];
    }

    /// <summary>Gets the binding policy.</summary>
    public BindingPolicy Policy { get; }

    /// <summary>Gets the number of members.</summary>
    public int Count => _count;

    /// <summary>Gets the members in the order they were added.</summary>
    public IEnumerable<MemberId> Members
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _ids[i];
            }
        }
    }

    /// <summary>Registers a member without a referrer (a root of the network).</summary>
    /// <param name="member">The new member.</param>
    /// <param name="registeredAt">When the member registered.</param>
    /// <exception cref="ReferralBindingException">A member with this id is already registered (<see cref="BindingRefusalReason.AlreadyRegistered"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="registeredAt"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    public void AddMember(MemberId member, Instant registeredAt)
    {
        var result = CheckRegistration(member, null);
        ThrowIfRefused(result);
        if (!result.AlreadyBound)
        {
            Append(member, None, registeredAt);
        }
    }

    /// <summary>
    /// Decides whether <see cref="AddMember(MemberId, MemberId, Instant)"/> (or, without a referrer,
    /// <see cref="AddMember(MemberId, Instant)"/>) would register the member now, without changing anything.
    /// </summary>
    /// <param name="member">The new member.</param>
    /// <param name="referrer">Its referrer, or <see langword="null"/> for a root.</param>
    /// <returns>
    /// <see cref="BindingResult.Bound"/> when it would be registered; otherwise refused with
    /// <see cref="BindingRefusalReason.AlreadyRegistered"/>, <see cref="BindingRefusalReason.SelfReferral"/> or
    /// <see cref="BindingRefusalReason.UnknownReferrer"/> and the message <c>AddMember</c> would throw.
    /// </returns>
    public BindingResult CheckRegistration(MemberId member, MemberId? referrer)
    {
        if (referrer == member)
        {
            return BindingResult.Refused(BindingRefusalReason.SelfReferral, $"Member {member} cannot refer itself.");
        }

        if (_index.TryGetValue(member, out var registered))
        {
            // A registration's identity is the member: the same registration seen again (a resend after a lost
            // acknowledgement, the same request on another instance) answers its first outcome; another referrer is the
            // conflicting duplicate AlreadyRegistered. The referrer it was registered with is the one before its first
            // rebinding, if any.
            var first = _history.TryGetValue(registered, out var bindings) && bindings.Count > 0
                ? bindings[0].PreviousReferrer
                : _parent[registered] == None ? null : _ids[_parent[registered]];
            return first == referrer
                ? BindingResult.Registered($"Member {member} was already registered{(referrer is { } asked ? " with referrer " + asked : " without a referrer")}; nothing was recorded.")
                : BindingResult.Refused(BindingRefusalReason.AlreadyRegistered, $"Member {member} is already registered {(first is { } f ? "with referrer " + f : "without a referrer")}.");
        }

        if (referrer is { } r && !_index.ContainsKey(r))
        {
            return BindingResult.Refused(BindingRefusalReason.UnknownReferrer, $"Referrer {r} of new member {member} is not in the referral network.");
        }

        return BindingResult.Bound;
    }

    private static void ThrowIfRefused(BindingResult result)
    {
        if (!result.IsBound)
        {
            throw new ReferralBindingException(result.Refusal, result.Message!);
        }
    }

    /// <summary>Registers a member bound to a referrer; allowed under every policy.</summary>
    /// <param name="member">The new member.</param>
    /// <param name="referrer">The member who invited it (its level-1 upline).</param>
    /// <param name="registeredAt">When the member registered; also the time of the binding.</param>
    /// <exception cref="ReferralBindingException">
    /// The member is already registered, refers itself, or the referrer is unknown; <see cref="ReferralBindingException.Reason"/> says which.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="registeredAt"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    public void AddMember(MemberId member, MemberId referrer, Instant registeredAt)
    {
        var result = CheckRegistration(member, referrer);
        ThrowIfRefused(result);
        if (!result.AlreadyBound)
        {
            _index.TryGetValue(referrer, out var parent);
            Append(member, parent, registeredAt);
        }
    }

    /// <summary>Binds an existing member to a referrer under the <see cref="Policy"/>, or says why not.</summary>
    /// <param name="member">The member being bound.</param>
    /// <param name="referrer">Its new referrer.</param>
    /// <param name="at">When the binding is requested.</param>
    /// <returns>
    /// <see cref="BindingResult.Bound"/> when bound; a result with <see cref="BindingResult.IsBound"/> and
    /// <see cref="BindingResult.AlreadyBound"/> both true when the member already has that referrer (nothing is recorded:
    /// the binding stands as it was, with its lock period) or when this binding — the same member, referrer and instant —
    /// was recorded before (a resend answers its first outcome, even after a later binding replaced it); otherwise the
    /// refusal with a message naming the members.
    /// Nothing changes on refusal.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    public BindingResult TryBind(MemberId member, MemberId referrer, Instant at)
    {
        var result = Decide(member, referrer, at, out var child, out var parent, out var current);
        if (!result.IsBound || result.AlreadyBound)
        {
            return result;
        }

        if (current != None)
        {
            Detach(child, current);
        }

        Attach(child, parent);
        RefreshNearestAncestorsBelow(child);
        _boundAt[child] = at;
        if (!_history.TryGetValue(child, out var list))
        {
            _history[child] = list = new List<ReferralBinding>(2);
        }

        list.Add(new ReferralBinding(member, referrer, current == None ? null : _ids[current], at));
        return BindingResult.Bound;
    }

    /// <summary>
    /// Decides what <see cref="TryBind"/> would do now, without changing anything: the same result, the same refusal
    /// and message. A store that shares the network between instances decides with it against the state it read,
    /// then records the binding only if that state is still the latest.
    /// </summary>
    /// <param name="member">The member being bound.</param>
    /// <param name="referrer">Its new referrer.</param>
    /// <param name="at">When the binding is requested.</param>
    /// <returns>The result <see cref="TryBind"/> would return.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside [<see cref="Limits.MinInstant"/>, <see cref="Limits.MaxInstant"/>).</exception>
    public BindingResult CheckBinding(MemberId member, MemberId referrer, Instant at) =>
        Decide(member, referrer, at, out _, out _, out _);

    private BindingResult Decide(MemberId member, MemberId referrer, Instant at, out int child, out int parent, out int current)
    {
        child = None;
        parent = None;
        current = None;
        Limits.Check(at, nameof(at));
        if (member == referrer)
        {
            return BindingResult.Refused(BindingRefusalReason.SelfReferral, $"Member {member} cannot refer itself.");
        }

        if (!_index.TryGetValue(member, out child))
        {
            return BindingResult.Refused(BindingRefusalReason.UnknownMember, $"Member {member} is not in the referral network.");
        }

        if (!_index.TryGetValue(referrer, out parent))
        {
            return BindingResult.Refused(BindingRefusalReason.UnknownReferrer, $"Referrer {referrer} of member {member} is not in the referral network.");
        }

        // The same binding seen again (member, referrer and instant: a resend after a lost acknowledgement) answers its
        // first outcome before any state check, even when a later binding has replaced it since.
        if (_history.TryGetValue(child, out var past))
        {
            foreach (var binding in past)
            {
                if (binding.Referrer == referrer && binding.At == at)
                {
                    return BindingResult.Resent;
                }
            }
        }

        current = _parent[child];
        if (current == parent)
        {
            return BindingResult.Unchanged;
        }

        if (current != None)
        {
            switch (Policy.Mode)
            {
                case BindingMode.FirstBindingWins:
                    return BindingResult.Refused(BindingRefusalReason.RebindForbidden, $"Member {member} is already bound to {_ids[current]}; the policy {Policy} forbids rebinding it to {referrer}.");
                case BindingMode.AtRegistrationOnly:
                    return BindingResult.Refused(BindingRefusalReason.RegistrationOnly, $"Member {member} is already registered; the policy {Policy} allows a referrer only at registration, so it cannot be bound to {referrer}.");
                default:
                    var unlock = _boundAt[child] + Policy.LockPeriod;
                    if (at < unlock)
                    {
                        return BindingResult.Refused(BindingRefusalReason.LockPeriodNotElapsed, $"Member {member} was bound to {_ids[current]} at {_boundAt[child]}; it cannot be rebound to {referrer} before {unlock} (lock period {Policy.LockPeriod}); requested at {at}.");
                    }

                    break;
            }
        }
        else if (Policy.Mode == BindingMode.AtRegistrationOnly)
        {
            return BindingResult.Refused(BindingRefusalReason.RegistrationOnly, $"Member {member} is already registered; the policy {Policy} allows a referrer only at registration, so it cannot be bound to {referrer}.");
        }

        if (IsAncestor(child, parent))
        {
            return BindingResult.Refused(BindingRefusalReason.Cycle, $"Binding member {member} to referrer {referrer} would close a cycle: {referrer} is in the downline of {member}.");
        }

        return BindingResult.Bound;
    }

    /// <summary>Binds an existing member to a referrer under the <see cref="Policy"/>.</summary>
    /// <param name="member">The member being bound.</param>
    /// <param name="referrer">Its new referrer.</param>
    /// <param name="at">When the binding is requested.</param>
    /// <exception cref="ReferralBindingException">The binding is refused; <see cref="ReferralBindingException.Reason"/> says why.</exception>
    public void Bind(MemberId member, MemberId referrer, Instant at)
    {
        ThrowIfRefused(TryBind(member, referrer, at));
    }

    /// <summary>Returns a member as the network knows it: its referrer and when it registered or was last bound (for referral rewards' windows).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The member, its referrer (null for a root) and its binding instant.</returns>
    /// <exception cref="UnknownMemberException">The member is not in the network.</exception>
    public NetworkMember GetMember(MemberId member)
    {
        var index = IndexOf(member);
        var parent = _parent[index];
        return new NetworkMember(member, parent == None ? null : _ids[parent], _boundAt[index]);
    }

    /// <inheritdoc />
    public bool Contains(MemberId member) => _index.ContainsKey(member);

    /// <inheritdoc />
    public bool TryGetReferrer(MemberId member, out MemberId referrer)
    {
        var parent = _parent[IndexOf(member)];
        referrer = parent == None ? default : _ids[parent];
        return parent != None;
    }

    /// <inheritdoc />
    public int GetDepth(MemberId member) => _depth[IndexOf(member)];

    /// <inheritdoc />
    public int CopyUpline(MemberId member, Span<MemberId> destination)
    {
        // The first three levels come from one record; deeper levels walk the parent array from the third.
        ref readonly var nearest = ref _ancestors[IndexOf(member)];
        var written = Math.Min(nearest.Count, destination.Length);
        switch (written)
        {
            case 3:
                destination[2] = nearest.Third;
                goto case 2;
            case 2:
                destination[1] = nearest.Second;
                goto case 1;
            case 1:
                destination[0] = nearest.First;
                break;
            default:
                return 0;
        }

        if (written < 3 || destination.Length == 3)
        {
            return written;
        }

        var node = _parent[nearest.ThirdIndex];
        while (node != None && written < destination.Length)
        {
            destination[written++] = _ids[node];
            node = _parent[node];
        }

        return written;
    }

    /// <summary>Returns the member's upline, level 1 first, up to <paramref name="maxLevels"/> levels or the root.</summary>
    /// <param name="member">The member.</param>
    /// <param name="maxLevels">The most levels to return; 0 or more.</param>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLevels"/> is negative.</exception>
    public IReadOnlyList<MemberId> GetUpline(MemberId member, int maxLevels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLevels);
        var index = IndexOf(member);
        var buffer = new MemberId[Math.Min(maxLevels, _depth[index])];
        CopyUpline(member, buffer);
        return buffer;
    }

    /// <summary>Returns the members this member referred directly (its level-1 downline).</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    public IReadOnlyList<MemberId> GetDirectReferrals(MemberId member)
    {
        var index = IndexOf(member);
        var result = new List<MemberId>(_childCount[index]);
        for (var c = _firstChild[index]; c != None; c = _nextSibling[c])
        {
            result.Add(_ids[c]);
        }

        return result;
    }

    /// <summary>Returns the number of members in the member's downline at any depth (the member itself excluded).</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    public int GetDownlineSize(MemberId member)
    {
        var size = 0;
        var stack = new Stack<int>();
        stack.Push(IndexOf(member));
        while (stack.Count > 0)
        {
            for (var c = _firstChild[stack.Pop()]; c != None; c = _nextSibling[c])
            {
                size++;
                stack.Push(c);
            }
        }

        return size;
    }

    /// <summary>Returns every binding made with <see cref="Bind"/> or <see cref="TryBind"/> for the member, oldest first.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="UnknownMemberException">The member does not exist.</exception>
    public IReadOnlyList<ReferralBinding> GetBindingHistory(MemberId member) =>
        _history.TryGetValue(IndexOf(member), out var list) ? list.ToArray() : Array.Empty<ReferralBinding>();

    internal ReadOnlySpan<int> ParentIndices => _parent.AsSpan(0, _count);

    internal ReadOnlySpan<int> Depths => _depth.AsSpan(0, _count);

    internal ReadOnlySpan<MemberId> Ids => _ids.AsSpan(0, _count);

    internal int IndexOf(MemberId member) =>
        _index.TryGetValue(member, out var index) ? index : throw new UnknownMemberException(member);

    private void Append(MemberId member, int parent, Instant at)
    {
        Limits.Check(at, "registeredAt");
        if (_count == _ids.Length)
        {
            Grow();
        }

        var i = _count++;
        _index.Add(member, i);
        _ids[i] = member;
        _parent[i] = None;
        _depth[i] = 0;
        _firstChild[i] = None;
        _nextSibling[i] = None;
        _childCount[i] = 0;
        _boundAt[i] = at;
        if (parent != None)
        {
            Attach(i, parent);
        }

        RefreshNearestAncestors(i);
    }

    /// <summary>Recomputes a member's three nearest ancestors from its referrer's (which must be current).</summary>
    private void RefreshNearestAncestors(int i)
    {
        var p = _parent[i];
        if (p == None)
        {
            _ancestors[i] = new NearestAncestors(default, default, default, 0, None);
            return;
        }

        ref readonly var above = ref _ancestors[p];
        var count = Math.Min(above.Count + 1, 3);
        var third = count == 3 ? _parent[_parent[p]] : None;
        _ancestors[i] = new NearestAncestors(_ids[p], above.First, above.Second, count, third);
    }

    /// <summary>After a (re)binding: the member's own record, then its referrals' and their referrals' (whose first three ancestors include it).</summary>
    private void RefreshNearestAncestorsBelow(int member)
    {
        RefreshNearestAncestors(member);
        for (var c = _firstChild[member]; c != None; c = _nextSibling[c])
        {
            RefreshNearestAncestors(c);
            for (var g = _firstChild[c]; g != None; g = _nextSibling[g])
            {
                RefreshNearestAncestors(g);
            }
        }
    }

    private bool IsAncestor(int candidate, int node)
    {
        if (_firstChild[candidate] == None)
        {
            return false;
        }

        var steps = _depth[node] - _depth[candidate];
        for (; steps > 0; steps--)
        {
            node = _parent[node];
        }

        return steps == 0 && node == candidate;
    }

    private void Attach(int child, int parent)
    {
        _parent[child] = parent;
        _nextSibling[child] = _firstChild[parent];
        _firstChild[parent] = child;
        _childCount[parent]++;
        var delta = _depth[parent] + 1 - _depth[child];
        if (delta != 0 && _firstChild[child] == None)
        {
            _depth[child] += delta;
        }
        else if (delta != 0)
        {
            ShiftDepth(child, delta);
        }
    }

    private void Detach(int child, int parent)
    {
        if (_firstChild[parent] == child)
        {
            _firstChild[parent] = _nextSibling[child];
        }
        else
        {
            var c = _firstChild[parent];
            while (_nextSibling[c] != child)
            {
                c = _nextSibling[c];
            }

            _nextSibling[c] = _nextSibling[child];
        }

        _nextSibling[child] = None;
        _childCount[parent]--;
        _parent[child] = None;
    }

    private void ShiftDepth(int root, int delta)
    {
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            _depth[n] += delta;
            for (var c = _firstChild[n]; c != None; c = _nextSibling[c])
            {
                stack.Push(c);
            }
        }
    }

    private void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _parent, size);
        Array.Resize(ref _depth, size);
        Array.Resize(ref _firstChild, size);
        Array.Resize(ref _nextSibling, size);
        Array.Resize(ref _childCount, size);
        Array.Resize(ref _boundAt, size);
        Array.Resize(ref _ancestors, size);
    }
}
