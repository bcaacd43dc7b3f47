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
    /// <exception cref="CorruptStateException">
    /// A member appears twice, before its referrer or as its own referrer; an instant is outside the supported range; a
    /// binding names an unknown member, refers a member to itself, or disagrees with the member's other bindings or
    /// current referrer. Its path names the entry.
    /// </exception>
    public static ReferralNetwork FromSnapshot(NetworkSnapshot snapshot, BindingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SocialCommerceJson.CheckSchema("network snapshot", snapshot.SchemaVersion);
        var check = new StateCheck("network snapshot");
        var members = SocialCommerceJson.OrEmpty(snapshot.Members);
        var network = new ReferralNetwork(policy, members.Count);
        for (var k = 0; k < members.Count; k++)
        {
            var m = members[k];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.members[{k}]");
            check.That(!network._index.ContainsKey(m.Member), $"{path}.member", m.Member, "the member appears twice.");
            check.That(Limits.IsSupported(m.BoundAt), $"{path}.boundAt", m.BoundAt, "the binding instant is outside the supported range.");
            var parent = None;
            check.That(m.Referrer is not { } referrer || network._index.TryGetValue(referrer, out parent), $"{path}.referrer", m.Referrer, "the referrer is not an earlier member of the snapshot (referrers come before the members they refer, and nobody refers itself).");
            network.Append(m.Member, parent, m.BoundAt);
        }

        var bindings = SocialCommerceJson.OrEmpty(snapshot.Bindings);
        for (var k = 0; k < bindings.Count; k++)
        {
            var b = check.Present(bindings[k], $"$.bindings[{k}]");
            var path = string.Create(CultureInfo.InvariantCulture, $"$.bindings[{k}]");
            check.That(network._index.TryGetValue(b.Member, out var child), $"{path}.member", b.Member, "not a member of the snapshot.");
            check.That(b.Referrer != b.Member && network._index.ContainsKey(b.Referrer), $"{path}.referrer", b.Referrer, "the referrer is another member of the snapshot.");
            check.That(Limits.IsSupported(b.At), $"{path}.at", b.At, "the binding instant is outside the supported range.");
            if (!network._history.TryGetValue(child, out var list))
            {
                network._history[child] = list = new List<ReferralBinding>(2);
            }
            else
            {
                var before = list[^1];
                check.That(b.PreviousReferrer == before.Referrer, $"{path}.previousReferrer", b.PreviousReferrer, $"the member's binding before this one bound it to {before.Referrer}.");
                check.That(b.At >= before.At, $"{path}.at", b.At, $"the member's binding before this one was at {before.At}.");
            }

            list.Add(b);
        }

        for (var k = 0; k < members.Count; k++)
        {
            var m = members[k];
            if (network._index.TryGetValue(m.Member, out var i) && network._history.TryGetValue(i, out var list))
            {
                check.That(list[^1].Referrer == m.Referrer, string.Create(CultureInfo.InvariantCulture, $"$.members[{k}].referrer"), m.Referrer, $"the member's last binding bound it to {list[^1].Referrer}.");
            }
        }

        return network;
    }
}
