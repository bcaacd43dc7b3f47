using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using SocialCommerce.Network;

namespace SocialCommerce.Compliance;

/// <summary>
/// The statistics of a referral network that the network checks read: depth distribution, fan-out, teams, chains,
/// shape and, when sales were given, the retail share. Computed once per audit, in time linear in the members.
/// </summary>
/// <remarks>
/// <para>
/// Depth is network depth (links to the top of the member's tree, the top at depth 0). Team sizes and heights are
/// given both in links and in team levels (<see cref="TeamSummary"/>). Every list is ordered by values and then by
/// member id, so the analysis of a network does not depend on the order in which its members were added.
/// </para>
/// <para>
/// Which teams are reported: a member's team trips the profile's thresholds when it has at least
/// <see cref="ComplianceProfile.FlagTeamLevels"/> team levels and at least <see cref="ComplianceProfile.FlagTeamParticipants"/>
/// participants. A team containing a tripping team trips too, so the tripping members form the top part of each tree.
/// <see cref="FlaggedTeams"/> lists the maximal tripping teams (one per tree, headed by the tree's top member);
/// <see cref="CoreTeams"/> lists the smallest ones (tripping teams none of whose members' own teams trip), which are
/// disjoint and show where the thresholds are reached first.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class NetworkAnalysis
{
    private const int None = -1;

    private readonly MemberId[] _ids;
    private readonly int[] _size;
    private readonly int[] _height;
    private Dictionary<MemberId, int>? _index;

    private NetworkAnalysis(MemberId[] ids, int[] size, int[] height)
    {
        _ids = ids;
        _size = size;
        _height = height;
    }

    /// <summary>Gets the number of members.</summary>
    public int MemberCount => _ids.Length;

    /// <summary>Gets the number of referral trees (members without a referrer).</summary>
    public int TreeCount { get; private set; }

    /// <summary>Gets the greatest network depth, in links (0 for an empty network).</summary>
    public int MaxDepth { get; private set; }

    /// <summary>Gets the depth distribution: the number of members at each network depth, index 0 being the tops of the trees.</summary>
    public IReadOnlyList<int> MembersAtDepth { get; private set; } = Array.Empty<int>();

    /// <summary>Gets the fan-out: direct recruits per member.</summary>
    public FanOutSummary FanOut { get; private set; } = null!;

    /// <summary>Gets the largest referral tree (the most participants, the smallest top id on ties); <see langword="null"/> for an empty network.</summary>
    public TeamSummary? LargestTree { get; private set; }

    /// <summary>Gets the overall shape; see <see cref="NetworkShape"/> for the classification.</summary>
    public NetworkShape Shape { get; private set; }

    /// <summary>Gets the chain limit applied, in team levels (<see cref="ComplianceProfile.FlagChainLevels"/>).</summary>
    public int? ChainLevelsLimit { get; private set; }

    /// <summary>Gets the trees whose longest chain has more team levels than <see cref="ChainLevelsLimit"/>, deepest first.</summary>
    public IReadOnlyList<ChainSummary> Chains { get; private set; } = Array.Empty<ChainSummary>();

    /// <summary>Gets the team levels threshold applied (<see cref="ComplianceProfile.FlagTeamLevels"/>).</summary>
    public int? TeamLevelsThreshold { get; private set; }

    /// <summary>Gets the participants threshold applied (<see cref="ComplianceProfile.FlagTeamParticipants"/>).</summary>
    public int? TeamParticipantsThreshold { get; private set; }

    /// <summary>Gets which thresholds are strict (<see cref="ComplianceProfile.StrictThresholds"/>).</summary>
    public ComplianceThresholds StrictThresholds { get; private set; }

    /// <summary>Gets the number of members whose own team trips the team thresholds.</summary>
    public int FlaggedMembers { get; private set; }

    /// <summary>Gets the maximal teams that trip the team thresholds (one per tree), largest first.</summary>
    public IReadOnlyList<FlaggedTeam> FlaggedTeams { get; private set; } = Array.Empty<FlaggedTeam>();

    /// <summary>Gets the smallest teams that trip the team thresholds (none of their members' own teams trips), largest first; they are disjoint.</summary>
    public IReadOnlyList<TeamSummary> CoreTeams { get; private set; } = Array.Empty<TeamSummary>();

    /// <summary>Gets the legal case of the team findings, decided from <see cref="Plan"/>.</summary>
    public TeamCase TeamCase { get; private set; }

    /// <summary>Gets the plan that pays the network, when the audit was told.</summary>
    public PlanFacts? Plan { get; private set; }

    /// <summary>Gets the retail share of the period's rewarded sales; <see langword="null"/> when no sales were given.</summary>
    public RetailShareSummary? RetailShare { get; private set; }

    /// <summary>Returns the team a member heads: the member and its whole downline.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The team's participants and height.</returns>
    /// <exception cref="UnknownMemberException">The member was not in the audited network.</exception>
    public TeamSummary GetTeam(MemberId member)
    {
        var index = LazyInitializer.EnsureInitialized(ref _index, BuildIndex);
        return index.TryGetValue(member, out var i) ? new TeamSummary(member, _size[i], _height[i]) : throw new UnknownMemberException(member);
    }

    /// <summary>Returns the legal case of a flagged team for a plan.</summary>
    /// <param name="plan">The plan paying the network, if known.</param>
    /// <returns>The case: see <see cref="TeamCase"/>.</returns>
    public static TeamCase CaseOf(PlanFacts? plan) => plan switch
    {
        null => TeamCase.Undetermined,
        { RequiresEntryFee: true } or { RewardsRecruitment: true } => TeamCase.CriminalThreshold,
        { PaidDepth: >= 2 } => TeamCase.Administrative,
        _ => TeamCase.NoTeamCompensation,
    };

    internal static NetworkAnalysis Analyze(ReferralNetwork network, ComplianceProfile profile, PlanFacts? plan, IReadOnlyList<RewardedSale>? sales) =>
        Analyze(network.Ids.ToArray(), network.ParentIndices, network.Depths, profile, plan, sales);

    internal static NetworkAnalysis Analyze(IReferralNetwork network, IEnumerable<MemberId> members, ComplianceProfile profile, PlanFacts? plan, IReadOnlyList<RewardedSale>? sales)
    {
        var ids = new List<MemberId>(members is ICollection<MemberId> collection ? collection.Count : 16);
        var index = new Dictionary<MemberId, int>(ids.Capacity);
        foreach (var member in members)
        {
            if (!index.TryAdd(member, ids.Count))
            {
                throw new ArgumentException($"Member {member} is listed twice in the members to audit.", nameof(members));
            }

            ids.Add(member);
        }

        var count = ids.Count;
        var parent = new int[count];
        var depth = new int[count];
        for (var i = 0; i < count; i++)
        {
            var member = ids[i];
            depth[i] = network.GetDepth(member);
            if (!network.TryGetReferrer(member, out var referrer))
            {
                parent[i] = None;
            }
            else if (!index.TryGetValue(referrer, out parent[i]))
            {
                throw new ArgumentException($"Referrer {referrer} of member {member} is not among the members to audit; list every member of the network.", nameof(members));
            }
        }

        for (var i = 0; i < count; i++)
        {
            var expected = parent[i] == None ? 0 : depth[parent[i]] + 1;
            if (depth[i] != expected)
            {
                throw new ArgumentException($"Member {ids[i]} has depth {depth[i]} but its referrer chain gives {expected}; the network's depths are inconsistent.", nameof(network));
            }
        }

        var analysis = Analyze(ids.ToArray(), parent, depth, profile, plan, sales);
        analysis._index = index;
        return analysis;
    }

    private static NetworkAnalysis Analyze(MemberId[] ids, ReadOnlySpan<int> parent, ReadOnlySpan<int> depth, ComplianceProfile profile, PlanFacts? plan, IReadOnlyList<RewardedSale>? sales)
    {
        var count = ids.Length;
        var maxDepth = 0;
        for (var i = 0; i < count; i++)
        {
            maxDepth = Math.Max(maxDepth, depth[i]);
        }

        // Counting sort by depth: order[] lists members shallowest first, so walking it backwards visits every
        // child before its referrer and walking it forwards visits every referrer before its children.
        var atDepth = new int[count == 0 ? 0 : maxDepth + 1];
        for (var i = 0; i < count; i++)
        {
            atDepth[depth[i]]++;
        }

        var start = new int[atDepth.Length];
        for (int d = 1; d < atDepth.Length; d++)
        {
            start[d] = start[d - 1] + atDepth[d - 1];
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[start[depth[i]]++] = i;
        }

        var size = new int[count];
        var height = new int[count];
        var children = new int[count];
        Array.Fill(size, 1);
        for (var k = count - 1; k >= 0; k--)
        {
            var i = order[k];
            var p = parent[i];
            if (p != None)
            {
                size[p] += size[i];
                if (height[i] + 1 > height[p])
                {
                    height[p] = height[i] + 1;
                }

                children[p]++;
            }
        }

        var top = new int[count];
        for (var k = 0; k < count; k++)
        {
            var i = order[k];
            var p = parent[i];
            top[i] = p == None ? i : top[p];
        }

        var analysis = new NetworkAnalysis(ids, size, height)
        {
            MaxDepth = maxDepth,
            MembersAtDepth = atDepth,
            Plan = plan,
            TeamCase = CaseOf(plan),
            ChainLevelsLimit = profile.FlagChainLevels,
            TeamLevelsThreshold = profile.FlagTeamLevels,
            TeamParticipantsThreshold = profile.FlagTeamParticipants,
            StrictThresholds = profile.StrictThresholds,
        };
        analysis.FanOut = SummarizeFanOut(ids, children, count);
        analysis.ClassifyTrees(parent, depth, top, children, profile);
        analysis.FindFlaggedTeams(parent, top);
        analysis.RetailShare = SummarizeSales(sales);
        return analysis;
    }

    private static FanOutSummary SummarizeFanOut(MemberId[] ids, int[] children, int count)
    {
        var recruiters = 0;
        var recruits = 0L;
        var max = 0;
        var widest = None;
        var buckets = new int[33];
        for (var i = 0; i < count; i++)
        {
            var c = children[i];
            buckets[c == 0 ? 0 : 1 + BitOperations.Log2((uint)c)]++;
            if (c == 0)
            {
                continue;
            }

            recruiters++;
            recruits += c;
            if (c > max || (c == max && ids[i] < ids[widest]))
            {
                max = c;
                widest = i;
            }
        }

        var used = max == 0 ? (count == 0 ? 0 : 1) : 2 + BitOperations.Log2((uint)max);
        var list = new FanOutBucket[used];
        for (var b = 0; b < used; b++)
        {
            var low = b == 0 ? 0 : 1 << (b - 1);
            var high = b == 0 ? 0 : (int)((1L << b) - 1);
            list[b] = new FanOutBucket(low, high, buckets[b]);
        }

        var mean = recruiters == 0 ? 0m : Math.Round((decimal)recruits / recruiters, 2, MidpointRounding.AwayFromZero);
        return new FanOutSummary(recruiters, max, widest == None ? null : ids[widest], mean, list);
    }

    private void ClassifyTrees(ReadOnlySpan<int> parent, ReadOnlySpan<int> depth, int[] top, int[] children, ComplianceProfile profile)
    {
        var count = _ids.Length;
        var largest = None;
        var trees = 0;
        for (var i = 0; i < count; i++)
        {
            if (parent[i] != None)
            {
                continue;
            }

            trees++;
            if (largest == None || _size[i] > _size[largest] || (_size[i] == _size[largest] && _ids[i] < _ids[largest]))
            {
                largest = i;
            }
        }

        TreeCount = trees;
        if (largest == None)
        {
            Shape = NetworkShape.Empty;
            return;
        }

        LargestTree = new TeamSummary(_ids[largest], _size[largest], _height[largest]);
        var recruitersInLargest = 0;
        for (var i = 0; i < count; i++)
        {
            if (top[i] == largest && children[i] > 0)
            {
                recruitersInLargest++;
            }
        }

        long s = _size[largest];
        long h = _height[largest];
        if (s <= 3 || 10 * s <= count)
        {
            Shape = NetworkShape.ManySmallCells;
        }
        else if (h >= 8 && h * h >= s)
        {
            Shape = NetworkShape.DeepTower;
        }
        else if (h <= 3 && s - 1 >= 4L * recruitersInLargest)
        {
            Shape = NetworkShape.WideUmbrella;
        }
        else
        {
            Shape = NetworkShape.Layered;
        }

        if (profile.FlagChainLevels is not { } limit)
        {
            return;
        }

        // A member at depth d sits at team level d + 1 of its tree; it is beyond the limit when d + 1 > limit.
        var beyond = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (depth[i] >= limit)
            {
                beyond[top[i]]++;
            }
        }

        var chains = new List<ChainSummary>();
        for (var i = 0; i < count; i++)
        {
            if (parent[i] == None && _height[i] + 1 > limit)
            {
                chains.Add(new ChainSummary(new TeamSummary(_ids[i], _size[i], _height[i]), beyond[i]));
            }
        }

        chains.Sort(static (a, b) =>
        {
            var c = b.Team.Links.CompareTo(a.Team.Links);
            c = c != 0 ? c : b.Team.Participants.CompareTo(a.Team.Participants);
            return c != 0 ? c : a.Team.Top.CompareTo(b.Team.Top);
        });
        Chains = chains;
    }

    private void FindFlaggedTeams(ReadOnlySpan<int> parent, int[] top)
    {
        if (TeamLevelsThreshold is null && TeamParticipantsThreshold is null)
        {
            return;
        }

        // A strict threshold ("more than N") is the inclusive threshold N + 1 on these whole counts.
        var minLinks = (TeamLevelsThreshold ?? 1) - 1 + (TeamLevelsThreshold is not null && StrictThresholds.HasFlag(ComplianceThresholds.TeamLevels) ? 1 : 0);
        var minSize = (TeamParticipantsThreshold ?? 1) + (TeamParticipantsThreshold is not null && StrictThresholds.HasFlag(ComplianceThresholds.TeamParticipants) ? 1 : 0);
        var count = _ids.Length;
        var flagged = new bool[count];
        var hasFlaggedChild = new bool[count];
        var flaggedMembers = 0;
        for (var i = 0; i < count; i++)
        {
            if (_height[i] >= minLinks && _size[i] >= minSize)
            {
                flagged[i] = true;
                flaggedMembers++;
                if (parent[i] != None)
                {
                    hasFlaggedChild[parent[i]] = true;
                }
            }
        }

        FlaggedMembers = flaggedMembers;
        if (flaggedMembers == 0)
        {
            return;
        }

        var trippingIn = new int[count];
        var coresIn = new int[count];
        var cores = new List<TeamSummary>();
        for (var i = 0; i < count; i++)
        {
            if (!flagged[i])
            {
                continue;
            }

            trippingIn[top[i]]++;
            if (!hasFlaggedChild[i])
            {
                coresIn[top[i]]++;
                cores.Add(new TeamSummary(_ids[i], _size[i], _height[i]));
            }
        }

        var teams = new List<FlaggedTeam>();
        for (var i = 0; i < count; i++)
        {
            if (parent[i] == None && flagged[i])
            {
                teams.Add(new FlaggedTeam(new TeamSummary(_ids[i], _size[i], _height[i]), trippingIn[i], coresIn[i], TeamCase));
            }
        }

        cores.Sort(CompareTeams);
        teams.Sort(static (a, b) => CompareTeams(a.Team, b.Team));
        CoreTeams = cores;
        FlaggedTeams = teams;
    }

    private static int CompareTeams(TeamSummary a, TeamSummary b)
    {
        var c = b.Participants.CompareTo(a.Participants);
        c = c != 0 ? c : b.Links.CompareTo(a.Links);
        return c != 0 ? c : a.Top.CompareTo(b.Top);
    }

    private static RetailShareSummary? SummarizeSales(IReadOnlyList<RewardedSale>? periodSales)
    {
        var sales = periodSales;
        if (sales is null || sales.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < sales.Count; i++)
        {
            if (sales[i].Amount == default)
            {
                throw new ArgumentException($"Rewarded sale {i} (buyer {sales[i].Buyer}) has the default Money as its Amount, which has no currency.", $"{nameof(periodSales)}[{i}].Amount");
            }
        }

        var total = Money.Zero(sales[0].Amount.Currency);
        var customers = total;
        for (var i = 0; i < sales.Count; i++)
        {
            var sale = sales[i];
            if (sale.Amount.IsNegative || !Limits.InMagnitude(sale.Amount))
            {
                throw new ArgumentException($"Rewarded sale {i} (buyer {sale.Buyer}) has Amount {sale.Amount}; it should be from 0 to {Limits.MaxMinorUnits} minor units.", $"{nameof(periodSales)}[{i}].Amount");
            }

            total += sale.Amount;
            if (!sale.BuyerIsParticipant)
            {
                customers += sale.Amount;
            }
        }

        var share = total.IsZero ? Rate.Full : Rate.Truncated(customers.Amount / total.Amount);
        return new RetailShareSummary(sales.Count, total, customers, share);
    }

    private Dictionary<MemberId, int> BuildIndex()
    {
        var index = new Dictionary<MemberId, int>(_ids.Length);
        for (var i = 0; i < _ids.Length; i++)
        {
            index.Add(_ids[i], i);
        }

        return index;
    }
}
