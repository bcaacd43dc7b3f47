using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>A network restored from its snapshot (through JSON) behaves exactly like the original.</summary>
public sealed class NetworkSnapshotProperties
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly BindingPolicy Policy = BindingPolicy.RebindAfter(Duration.FromDays(2));

    private static NetworkSnapshot ThroughJson(NetworkSnapshot snapshot) =>
        JsonSerializer.Deserialize<NetworkSnapshot>(JsonSerializer.Serialize(snapshot, SocialCommerceJson.Options), SocialCommerceJson.Options)!;

    private static List<string> Describe(ReferralNetwork network, NetworkSample sample)
    {
        var upline = new MemberId[40];
        var lines = new List<string>();
        for (var i = 0; i < sample.Count; i++)
        {
            var member = sample.Member(i);
            var n = network.CopyUpline(member, upline);
            lines.Add($"{member}: depth {network.GetDepth(member)} upline [{string.Join(",", upline.Take(n))}] history [{string.Join(";", network.GetBindingHistory(member))}]");
        }

        return lines;
    }

    [Property(Arbitrary = [typeof(NetworkArbitraries)], MaxTest = 500)]
    public void Snapshot_then_restore_then_the_rest_of_the_stream_equals_the_uninterrupted_run(NetworkSample sample, (int Member, int Referrer, int Hours)[] binds, int cut)
    {
        if (sample.Count == 0)
        {
            Assert.Empty(ReferralNetwork.FromSnapshot(ThroughJson(sample.Build(Start).ToSnapshot())).Members);
            return;
        }

        var commands = binds.Take(30).Select((b, k) => (Member: sample.Member(Math.Abs(b.Member % sample.Count)), Referrer: sample.Member(Math.Abs(b.Referrer % sample.Count)), At: Start + Duration.FromHours((k * 7) + Math.Abs(b.Hours % 5)))).ToArray();
        var split = commands.Length == 0 ? 0 : Math.Abs(cut % (commands.Length + 1));

        var original = sample.Build(Start, Policy);
        var expected = commands.Select(c => original.TryBind(c.Member, c.Referrer, c.At)).ToArray();

        var interrupted = sample.Build(Start, Policy);
        var results = commands.Take(split).Select(c => interrupted.TryBind(c.Member, c.Referrer, c.At)).ToList();
        var restored = ReferralNetwork.FromSnapshot(ThroughJson(interrupted.ToSnapshot()), Policy);
        Assert.Equal(Describe(interrupted, sample), Describe(restored, sample));
        results.AddRange(commands.Skip(split).Select(c => restored.TryBind(c.Member, c.Referrer, c.At)));

        Assert.Equal(expected, results);
        Assert.Equal(Describe(original, sample), Describe(restored, sample));
    }

    [Fact]
    public void A_snapshot_out_of_order_or_of_another_schema_is_refused_naming_it()
    {
        var at = Start;
        var outOfOrder = new NetworkSnapshot(SocialCommerceJson.SchemaVersion, [new NetworkMember(new MemberId(2), new MemberId(1), at), new NetworkMember(new MemberId(1), null, at)], []);
        Assert.Equal("$.members[0].referrer", Assert.Throws<CorruptStateException>(() => ReferralNetwork.FromSnapshot(outOfOrder)).Path);
        var newer = new NetworkSnapshot(SocialCommerceJson.SchemaVersion + 1, [], []);
        var e = Assert.Throws<NotSupportedException>(() => ReferralNetwork.FromSnapshot(newer));
        Assert.Contains("schema version 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("reads schema version 1", e.Message, StringComparison.Ordinal);
    }
}
