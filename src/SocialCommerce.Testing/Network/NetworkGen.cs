using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Generators and the shrinker for referral networks of a given size and <see cref="NetworkShape"/>.
/// </summary>
/// <remarks>
/// Shapes are built from generated random numbers by a pure function, so a run replays from FsCheck's seed.
/// <see cref="Shrink"/> removes members (re-attaching their referrals to their own referrer) and cuts links, so
/// a counterexample ends with the fewest members and links that still fail.
/// </remarks>
public static class NetworkGen
{
    private static readonly NetworkShape[] Shapes =
        [NetworkShape.Chain, NetworkShape.Star, NetworkShape.PreferentialAttachment, NetworkShape.RandomForest];

    /// <summary>A generator of networks of <paramref name="minMembers"/> to <paramref name="maxMembers"/> members in one shape.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="minMembers">The fewest members, at least 0.</param>
    /// <param name="maxMembers">The most members, at least <paramref name="minMembers"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative, the bounds are reversed, or <paramref name="shape"/> is not defined.</exception>
    public static Gen<NetworkSample> Networks(NetworkShape shape, int minMembers, int maxMembers)
    {
        CheckBounds(minMembers, maxMembers);
        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Choose a NetworkShape: Chain, Star, PreferentialAttachment or RandomForest.");
        }

        return Gen.Choose(minMembers, maxMembers).SelectMany(n => OfShape(shape, n));
    }

    /// <summary>A generator of networks of <paramref name="minMembers"/> to <paramref name="maxMembers"/> members in any shape.</summary>
    /// <param name="minMembers">The fewest members, at least 0.</param>
    /// <param name="maxMembers">The most members, at least <paramref name="minMembers"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative or the bounds are reversed.</exception>
    public static Gen<NetworkSample> Networks(int minMembers, int maxMembers)
    {
        CheckBounds(minMembers, maxMembers);
        return Gen.Elements(Shapes).SelectMany(shape => Networks(shape, minMembers, maxMembers));
    }

    /// <summary>A generator of exactly <paramref name="members"/> members in one shape.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="members">The number of members, at least 0.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="members"/> is negative or <paramref name="shape"/> is not defined.</exception>
    public static Gen<NetworkSample> Networks(NetworkShape shape, int members) => Networks(shape, members, members);

    /// <summary>
    /// Gives the members of generated networks distinct ids in a shuffled order (from 1000 upward, seven apart)
    /// instead of 1..n, for code that must not depend on ids following insertion order.
    /// </summary>
    /// <param name="networks">The networks to re-label.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="networks"/> is null.</exception>
    public static Gen<NetworkSample> WithShuffledIds(Gen<NetworkSample> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        return networks.SelectMany(sample =>
            Gen.Shuffle(Enumerable.Range(0, sample.Count).Select(i => 1000L + (7L * i)).ToArray())
                .Select(ids => new NetworkSample(sample.Parents, ids)));
    }

    /// <summary>
    /// Shrinks a network: the first half, then without each member (its referrals re-attached to its referrer),
    /// then with each link cut. Every candidate is a valid, smaller sample with the same ids.
    /// </summary>
    /// <param name="sample">The network to shrink.</param>
    /// <returns>Smaller candidates, the most aggressive first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static IEnumerable<NetworkSample> Shrink(NetworkSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return ShrinkIterator(sample);
    }

    private static IEnumerable<NetworkSample> ShrinkIterator(NetworkSample sample)
    {
        if (sample.Count > 1)
        {
            yield return sample.Take(sample.Count / 2);
        }

        for (var i = sample.Count - 1; i >= 0; i--)
        {
            yield return sample.Without(i);
        }

        for (var i = sample.Count - 1; i >= 0; i--)
        {
            if (sample.ParentOf(i) >= 0)
            {
                yield return sample.Unlinked(i);
            }
        }
    }

    private static Gen<NetworkSample> OfShape(NetworkShape shape, int n) => shape switch
    {
        NetworkShape.Chain => Gen.Constant(new NetworkSample(Enumerable.Range(-1, n).ToArray())),
        NetworkShape.Star => Gen.Constant(new NetworkSample(Enumerable.Range(0, n).Select(i => i == 0 ? -1 : 0).ToArray())),
        NetworkShape.PreferentialAttachment => Gen.Choose(0, int.MaxValue).ArrayOf(n).Select(PreferentialAttachment),
        _ => Gen.Choose(0, int.MaxValue).ArrayOf(n).Select(RandomForest),
    };

    private static NetworkSample PreferentialAttachment(int[] draws)
    {
        // Member 0 is the root; each later member picks a referrer with weight (referrals + 1), i.e. uniformly
        // among all earlier members and all earlier links' referrers (the classic urn).
        var parents = new int[draws.Length];
        var urn = new List<int>(draws.Length * 2);
        for (var i = 0; i < draws.Length; i++)
        {
            if (i == 0)
            {
                parents[i] = -1;
            }
            else
            {
                var parent = urn[draws[i] % urn.Count];
                parents[i] = parent;
                urn.Add(parent);
            }

            urn.Add(i);
        }

        return new NetworkSample(parents);
    }

    private static NetworkSample RandomForest(int[] draws)
    {
        // A root one time in eight, the previous member's referral three in eight (chains), any earlier member otherwise.
        var parents = new int[draws.Length];
        for (var i = 0; i < draws.Length; i++)
        {
            var kind = draws[i] % 8;
            parents[i] = i == 0 || kind == 0 ? -1 : kind <= 3 ? i - 1 : (draws[i] / 8) % i;
        }

        return new NetworkSample(parents);
    }

    private static void CheckBounds(int minMembers, int maxMembers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minMembers);
        if (maxMembers < minMembers)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMembers), maxMembers, $"The most members must be at least the fewest ({minMembers}).");
        }
    }
}
