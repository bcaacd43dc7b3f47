using System;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Data;

/// <summary>
/// A deterministic recipe for a referral network: who joins, in which order, under which referrer.
/// Generating it (random draws) is kept apart from <see cref="Build"/> (replaying it through the
/// public <see cref="ReferralNetwork"/> API) so a benchmark of the build measures only the network.
/// </summary>
/// <remarks>
/// <para>Shape (the way real referral programmes grow):</para>
/// <list type="bullet">
/// <item>Preferential attachment: a new member's referrer is drawn with probability proportional to
/// (1 + the referrals it already made), so a few members become hubs with thousands of direct referrals
/// and most members refer nobody: many shallow, wide trees.</item>
/// <item>About one member in a thousand joins without a referrer and starts a new tree.</item>
/// <item>A few deep chains: <see cref="DeepChains"/> chains take 0.5 % of the joins between them, each
/// new chain member referred by the current end of its chain (10^6 members give chains about 1,250
/// links deep). Others can still hang off chain members.</item>
/// </list>
/// <para>The same (members, seed) gives the same network on every run and machine: the draws come
/// from <see cref="Random(int)"/> with a seed, whose sequence .NET keeps stable.</para>
/// </remarks>
internal sealed class NetworkBlueprint
{
    /// <summary>The number of deep chains.</summary>
    public const int DeepChains = 4;

    /// <summary>The first member id; ids are consecutive from here.</summary>
    public const long FirstId = 100_000_000L;

    private const double RootShare = 0.001;
    private const double ChainShare = 0.005;

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private NetworkBlueprint(MemberId[] members, int[] referrers, Instant[] registeredAt)
    {
        Members = members;
        Referrers = referrers;
        RegisteredAt = registeredAt;
    }

    /// <summary>Gets the members in joining order.</summary>
    public MemberId[] Members { get; }

    /// <summary>Gets, per member, the index of its referrer in <see cref="Members"/>, or -1 for a root.</summary>
    public int[] Referrers { get; }

    /// <summary>Gets, per member, when it registered (one second apart).</summary>
    public Instant[] RegisteredAt { get; }

    /// <summary>Gets the number of members.</summary>
    public int Count => Members.Length;

    /// <summary>Generates the blueprint of a network.</summary>
    /// <param name="members">How many members; at least 1.</param>
    /// <param name="seed">The random seed.</param>
    public static NetworkBlueprint Generate(int members, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        var random = new Random(seed);
        var ids = new MemberId[members];
        var referrers = new int[members];
        var registeredAt = new Instant[members];

        // Each member appears once when it joins and once more per referral it makes:
        // a uniform draw from this pool is a draw proportional to (1 + referrals).
        var pool = new int[2 * members];
        var poolSize = 0;
        var chainTips = new int[DeepChains];
        chainTips.AsSpan().Fill(-1);

        for (var i = 0; i < members; i++)
        {
            ids[i] = new MemberId(FirstId + i);
            registeredAt[i] = Start + Duration.FromSeconds(i);
            int referrer;
            var draw = random.NextDouble();
            if (i == 0 || draw < RootShare)
            {
                referrer = -1;
            }
            else if (draw < RootShare + ChainShare)
            {
                var chain = random.Next(DeepChains);
                referrer = chainTips[chain] >= 0 ? chainTips[chain] : pool[random.Next(poolSize)];
                chainTips[chain] = i;
            }
            else
            {
                referrer = pool[random.Next(poolSize)];
            }

            referrers[i] = referrer;
            pool[poolSize++] = i;
            if (referrer >= 0)
            {
                pool[poolSize++] = referrer;
            }
        }

        return new NetworkBlueprint(ids, referrers, registeredAt);
    }

    /// <summary>Replays the blueprint into a new network through the public API.</summary>
    /// <param name="presize">Whether to give the network the final member count as capacity up front.</param>
    public ReferralNetwork Build(bool presize = true)
    {
        var members = Members;
        var referrers = Referrers;
        var registeredAt = RegisteredAt;
        var network = new ReferralNetwork(BindingPolicy.FirstBindingWins, presize ? members.Length : 16);
        for (var i = 0; i < members.Length; i++)
        {
            var referrer = referrers[i];
            if (referrer < 0)
            {
                network.AddMember(members[i], registeredAt[i]);
            }
            else
            {
                network.AddMember(members[i], members[referrer], registeredAt[i]);
            }
        }

        return network;
    }
}
