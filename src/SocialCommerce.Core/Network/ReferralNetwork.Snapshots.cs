using System;
using System.Collections.Generic;
using System.Globalization;
using SocialCommerce.Serialization;

namespace SocialCommerce.Network;

/// <content>Snapshots: export and restore in O(state).</content>
public sealed partial class ReferralNetwork
{
    /// <summary>Exports the network's state: members with their referrers (referrers first) and the binding history.</summary>
    /// <returns>A snapshot that <see cref="FromSnapshot"/> restores to a network that behaves exactly like this one.</returns>
    /// <remarks>O(members + bindings). Not safe concurrently with writes.</remarks>
    public NetworkSnapshot ToSnapshot()
    {
        var members = new NetworkMember[_count];
        var written = 0;
        var stack = new Stack<int>();
        for (var root = 0; root < _count; root++)
        {
            if (_parent[root] != None)
            {
                continue;
            }

            stack.Push(root);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                members[written++] = new NetworkMember(_ids[i], _parent[i] == None ? null : _ids[_parent[i]], _boundAt[i]);
                for (var c = _firstChild[i]; c != None; c = _nextSibling[c])
                {
                    stack.Push(c);
                }
            }
        }

        var bindings = new List<ReferralBinding>();
        for (var i = 0; i < _count; i++)
        {
            if (_history.TryGetValue(i, out var list))
            {
                bindings.AddRange(list);
            }
        }

        return new NetworkSnapshot(SocialCommerceJson.SchemaVersion, members, bindings);
    }

    /// <summary>Restores a network from its snapshot (or from a host's own binding rows) in O(members + bindings).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="policy">The binding policy for bindings from now on; <see cref="BindingPolicy.FirstBindingWins"/> when null.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="ArgumentException">A member appears twice or before its referrer, a binding names an unknown member, or an instant is outside the supported range; the message names the entry.</exception>
    public static ReferralNetwork FromSnapshot(NetworkSnapshot snapshot, BindingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SocialCommerceJson.CheckSchema("network snapshot", snapshot.SchemaVersion);
        var members = SocialCommerceJson.OrEmpty(snapshot.Members);
        var network = new ReferralNetwork(policy, members.Count);
        for (var k = 0; k < members.Count; k++)
        {
            var m = members[k];
            if (network._index.ContainsKey(m.Member))
            {
                throw new ArgumentException(Entry(k, m, "the member appears twice."), nameof(snapshot));
            }

            if (!Limits.IsSupported(m.BoundAt))
            {
                throw new ArgumentException(Entry(k, m, "the binding instant is outside the supported range."), nameof(snapshot));
            }

            var parent = None;
            if (m.Referrer is { } referrer && !network._index.TryGetValue(referrer, out parent))
            {
                throw new ArgumentException(Entry(k, m, "its referrer is not an earlier member of the snapshot (referrers come before the members they refer)."), nameof(snapshot));
            }

            network.Append(m.Member, parent, m.BoundAt);
        }

        var bindings = SocialCommerceJson.OrEmpty(snapshot.Bindings);
        for (var k = 0; k < bindings.Count; k++)
        {
            var b = bindings[k];
            if (!network._index.TryGetValue(b.Member, out var child) || !network._index.ContainsKey(b.Referrer))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Binding {k} ({b}) names a member that is not in the snapshot."), nameof(snapshot));
            }

            if (!network._history.TryGetValue(child, out var list))
            {
                network._history[child] = list = new List<ReferralBinding>(2);
            }

            list.Add(b);
        }

        return network;
    }

    private static string Entry(int index, NetworkMember member, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"Snapshot member {index} ({member.Member}, referrer {member.Referrer?.ToString() ?? "none"}): {problem}");
}
