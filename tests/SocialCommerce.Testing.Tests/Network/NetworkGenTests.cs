using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Testing.Tests.Network;

public sealed class NetworkGenTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void A_chain_of_n_members_has_depth_n_minus_one_and_a_star_depth_one()
    {
        foreach (var chain in Draw.From(NetworkGen.Networks(NetworkShape.Chain, 7), 5, 10))
        {
            Assert.Equal(7, chain.Count);
            Assert.Equal(6, chain.MaxDepth);
            Assert.Equal(1, chain.RootCount);
        }

        foreach (var star in Draw.From(NetworkGen.Networks(NetworkShape.Star, 7), 5, 10))
        {
            Assert.Equal(1, star.MaxDepth);
            Assert.Equal(6, Enumerable.Range(0, 7).Count(i => star.ParentOf(i) == 0));
        }
    }

    [Fact]
    public void Preferential_attachment_grows_hubs_and_random_forests_have_several_roots()
    {
        var hubs = Draw.From(NetworkGen.Networks(NetworkShape.PreferentialAttachment, 200), 20, 10);
        Assert.All(hubs, n => Assert.Equal(1, n.RootCount));

        // With weight (referrals + 1), the biggest referrer of 200 members has far more than the ~1 of a uniform draw.
        Assert.All(hubs, n => Assert.True(Enumerable.Range(0, n.Count).Max(i => n.Parents.Count(p => p == i)) >= 8, n.ToString()));

        var forests = Draw.From(NetworkGen.Networks(NetworkShape.RandomForest, 100), 20, 10);
        Assert.All(forests, f => Assert.True(f.RootCount > 1, f.ToString()));
    }

    [Property(Arbitrary = [typeof(NetworkArbitraries)], MaxTest = 500)]
    public void The_built_network_has_the_samples_referrers_depths_and_uplines(NetworkSample sample)
    {
        var network = sample.Build(At);
        Assert.Equal(sample.Count, network.Count);
        for (var i = 0; i < sample.Count; i++)
        {
            var member = sample.Member(i);
            Assert.Equal(sample.DepthOf(i), network.GetDepth(member));
            Assert.Equal(sample.UplineOf(i).Select(sample.Member), network.GetUpline(member, int.MaxValue));
        }
    }

    [Property(Arbitrary = [typeof(NetworkArbitraries)], MaxTest = 300)]
    public void Shrinking_gives_only_smaller_valid_networks(NetworkSample sample)
    {
        foreach (var smaller in NetworkGen.Shrink(sample).Take(50))
        {
            var links = Enumerable.Range(0, smaller.Count).Count(i => smaller.ParentOf(i) >= 0);
            var originalLinks = Enumerable.Range(0, sample.Count).Count(i => sample.ParentOf(i) >= 0);
            Assert.True(smaller.Count < sample.Count || links < originalLinks, $"{smaller} is not smaller than {sample}");
            Assert.Subset(sample.Ids.ToHashSet(), smaller.Ids.ToHashSet());
            smaller.Build(At); // valid: referrers come first
        }
    }

    [Fact]
    public void Removing_a_member_reattaches_its_referrals_to_its_referrer()
    {
        var sample = new NetworkSample([-1, 0, 1, 1, 3]);
        var without = sample.Without(1);
        Assert.Equal([-1, 0, 0, 2], without.Parents);
        Assert.Equal([1L, 3, 4, 5], without.Ids);
        Assert.Equal("Network(n=4, referrers=[-,0,0,2], ids=[1,3,4,5])", without.ToString());
    }

    [Fact]
    public void Invalid_samples_are_refused_with_the_member_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NetworkSample([-1, 1]));
        Assert.Contains("Member 1's referrer index is 1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new NetworkSample([-1, 0], [5, 5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkGen.Networks(3, 2));
    }

    [Fact]
    public void Shuffled_ids_are_distinct_and_not_in_insertion_order()
    {
        var samples = Draw.From(NetworkGen.WithShuffledIds(NetworkGen.Networks(NetworkShape.Chain, 20)), 10, 10);
        Assert.All(samples, s => Assert.Equal(20, s.Ids.Distinct().Count()));
        Assert.Contains(samples, s => !s.Ids.SequenceEqual(s.Ids.Order()));
        Assert.All(samples, s => Assert.Equal(s.Build(At).GetDepth(s.Member(19)), s.BuildShuffled(At, 7).GetDepth(s.Member(19))));
    }
}
