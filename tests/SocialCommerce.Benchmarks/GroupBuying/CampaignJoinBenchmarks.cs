using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.GroupBuying;

/// <summary>
/// Issue 28: a join with the campaign's quota and limits (units per order, units per member, groups per member) keeps
/// the aggregate join budget of at least 1,000,000 joins a second. <see cref="CampaignBook.Join"/> on groups of up to
/// 100 participants (a leader and 99 joins each), one SKU with a quota of 10^8; every join is a distinct member taking
/// 2 units and is accepted (checked). The groups are opened in an iteration setup; the time reported is per join.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[InvocationCount(1)]
public class CampaignJoinBenchmarks
{
    /// <summary>Groups per invocation.</summary>
    public const int Groups = 5_000;

    /// <summary>Joins per invocation.</summary>
    public const int Joins = Groups * GroupBuyJoinBenchmarks.JoinsPerGroup;

    private static readonly Instant Starts = Instant.FromUtc(2026, 12, 12, 0, 0);

    private readonly GroupBuyCampaign _campaign = GroupBuyCampaign.Create("bench", new GroupBuyCampaignOptions
    {
        Starts = Starts,
        Ends = Starts + Duration.FromDays(1),
        Skus = [new CampaignSku("SKU", new Money(9.90m, Currency.CNY), CampaignSku.MaxQuota)],
        MaxUnitsPerOrder = 4,
        MaxUnitsPerMember = 8,
        MaxGroupsPerMember = 3,
        Rule = GroupBuyRule.Create("hundred", Currency.CNY).RequireParticipants(2).AllowUpTo(GroupBuyJoinBenchmarks.JoinsPerGroup + 1)
            .WithTimeLimit(Duration.FromHours(24)).AddTier(2, 0m).AllowUnitsPerParticipant(4).Build(),
    });

    private CampaignBook _book = null!;
    private GroupBuyId[] _groups = null!;

    /// <summary>Opens the groups.</summary>
    [IterationSetup]
    public void Open()
    {
        _book = new CampaignBook(_campaign);
        _groups = new GroupBuyId[Groups];
        for (var g = 0; g < Groups; g++)
        {
            var opened = _book.Open("SKU", new MemberId(1_000_000_000L + g), 1, Starts);
            if (!opened.IsApplied)
            {
                throw new InvalidOperationException($"Unexpected: {opened}");
            }

            _groups[g] = opened.GroupId;
        }
    }

    /// <summary>Joins with the quota and limits checked, one thread.</summary>
    /// <returns>The number of accepted joins.</returns>
    [Benchmark(OperationsPerInvoke = Joins)]
    public int CampaignJoins()
    {
        var at = Starts + Duration.FromMinutes(5);
        var accepted = 0;
        var member = 1L;
        foreach (var group in _groups)
        {
            for (var j = 0; j < GroupBuyJoinBenchmarks.JoinsPerGroup; j++)
            {
                if (_book.Join(group, new MemberId(member++), 2, at).IsApplied)
                {
                    accepted++;
                }
            }
        }

        return accepted == Joins ? accepted : throw new InvalidOperationException($"{accepted} of {Joins} joins accepted.");
    }
}
