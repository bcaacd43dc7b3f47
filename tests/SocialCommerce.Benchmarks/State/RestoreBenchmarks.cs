using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.State;

/// <summary>
/// Issue 13 budgets: restore a 10^6-member network from its bindings in at most 1 s, and a ledger of 10^6 accounts
/// and 10^6 open sales in at most 2 s, from snapshots taken in the setup (in memory; no JSON in the measured code).
/// The baseline for the network is building the same network member by member (<see cref="ReferralNetwork.AddMember(MemberId, MemberId, Instant)"/>).
/// </summary>
[MemoryDiagnoser]
public class RestoreBenchmarks
{
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 0, 0);

    private NetworkBlueprint _blueprint = null!;
    private NetworkSnapshot _network = null!;
    private LedgerSnapshot _ledger = null!;

    /// <summary>Gets or sets the members (and open sales, one per member, each crediting a distinct account).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    /// <summary>Gets the sizes: 10^6 (10^4 in a smoke run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.QuoteNetworkSizes;

    [GlobalSetup]
    public void Setup()
    {
        _blueprint = NetworkBlueprint.Generate(Members, BenchmarkSizes.Seed);
        _network = _blueprint.Build(presize: true).ToSnapshot();
        var ledger = new CommissionLedger(capacity: Members);
        var yuan = new Money(19.90m, Currency.CNY);
        for (var i = 0; i < Members; i++)
        {
            var sale = new LedgerSale("S" + i, new MemberId(i), Paid, Currency.CNY, [new LedgerSaleLine(1, new Money(199.00m, Currency.CNY))], [new LedgerEarning(new MemberId(Members + i), 1, 0, yuan)], Duration.FromDays(7));
            ledger.Post(sale);
            if (i % 2 == 0)
            {
                ledger.Complete(sale.SaleId, Paid + Duration.FromDays(1));
            }
        }

        _ledger = ledger.ToSnapshot();
    }

    /// <summary>The network built member by member, as a host without snapshots would.</summary>
    [Benchmark(Baseline = true)]
    public ReferralNetwork BuildNetworkByAddMember() => _blueprint.Build(presize: true);

    /// <summary>The network restored from its snapshot.</summary>
    [Benchmark]
    public ReferralNetwork RestoreNetwork() => ReferralNetwork.FromSnapshot(_network);

    /// <summary>The ledger restored from its snapshot: 10^6 accounts, 10^6 open sales (half frozen).</summary>
    [Benchmark]
    public CommissionLedger RestoreLedger() => CommissionLedger.FromSnapshot(_ledger);
}
