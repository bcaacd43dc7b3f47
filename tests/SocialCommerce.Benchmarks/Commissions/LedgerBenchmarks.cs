using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Benchmarks.SideBySide;
using SocialCommerce.Commissions;
using Sale = SocialCommerce.Commissions.Sale;

namespace SocialCommerce.Benchmarks.Commissions;

/// <summary>
/// Issue 8: the ledger posts 1,000,000 sales, completes them and releases them, at least 1,000,000
/// events per second. An event is one sale posted, one sale completed or one sale released, so an
/// invocation is 3 × <see cref="Sales"/> events; the time reported is for the whole invocation
/// (events per second = 3 × <see cref="Sales"/> ÷ time). The ledger is created
/// inside the benchmark with <c>new CommissionLedger(capacity: Sales)</c>, so its storage is in the
/// allocation column.
/// </summary>
/// <remarks>
/// The sales are quoted by the SDK engine (the side-by-side plan) over a 10^5-member network in the
/// setup and booked with <see cref="LedgerSale.FromQuote(Sale, CommissionQuote, CommissionPlan)"/>; sale
/// i is paid at T0 + i seconds and completed one minute later; every 10,000 sales one
/// <see cref="CommissionLedger.Release"/> releases the batch before.
/// </remarks>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int ReleaseEvery = 10_000;

    private LedgerSale[] _sales = null!;
    private string[] _ids = null!;
    private Instant[] _completedAt = null!;
    private Duration _window;

    /// <summary>Gets the number of sales: 1,000,000 (10,000 in a smoke run).</summary>
    public static int Sales => BenchmarkSizes.IsSmoke ? 10_000 : 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        var blueprint = NetworkBlueprint.Generate(BenchmarkSizes.IsSmoke ? 10_000 : 100_000, BenchmarkSizes.Seed);
        var network = blueprint.Build();
        var plan = SdkEngineQuoter.CreatePlan();
        var engine = new CommissionEngine(plan);
        _window = plan.ReturnWindow;
        var generated = SalesGenerator.Generate(blueprint.Members, Sales, BenchmarkSizes.Seed);
        _sales = new LedgerSale[Sales];
        _ids = new string[Sales];
        _completedAt = new Instant[Sales];
        var t0 = SdkSales.PaidAt;
        long earnings = 0;
        for (var i = 0; i < Sales; i++)
        {
            var source = SdkSales.ToSdk(generated[i]);
            var paidAt = t0 + Duration.FromSeconds(i);
            var sale = new Sale(source.Id, source.Buyer, paidAt, source.Currency, source.Lines);
            var quote = engine.Quote(sale, network);
            _sales[i] = LedgerSale.FromQuote(sale, quote, plan);
            _ids[i] = sale.Id;
            _completedAt[i] = paidAt + Duration.FromMinutes(1);
            earnings += _sales[i].Earnings.Count;
        }

        // Every sale must end released: the events counted are real.
        var ledger = Run();
        if (ledger.SaleCount != Sales || earnings == 0)
        {
            throw new InvalidOperationException($"The ledger holds {ledger.SaleCount} sales, expected {Sales}.");
        }
    }

    /// <summary>Posts, completes and releases every sale into a new ledger.</summary>
    /// <returns>The ledger.</returns>
    [Benchmark]
    public CommissionLedger PostCompleteRelease() => Run();

    private CommissionLedger Run()
    {
        var ledger = new CommissionLedger(capacity: Sales);
        var released = 0;
        for (var i = 0; i < _sales.Length; i++)
        {
            Expect(ledger.Post(_sales[i]), "post", i);
            Expect(ledger.Complete(_ids[i], _completedAt[i]), "complete", i);
            if ((i + 1) % ReleaseEvery == 0 || i == _sales.Length - 1)
            {
                var result = ledger.Release(_completedAt[i] + _window);
                Expect(result, "release", i);
                released = i + 1;
            }
        }

        if (released != _sales.Length)
        {
            throw new InvalidOperationException("Not every sale was released.");
        }

        return ledger;
    }

    private static void Expect(LedgerResult result, string what, int sale)
    {
        if (result.Outcome != LedgerOutcome.Applied)
        {
            throw new InvalidOperationException($"The {what} of sale {sale} was {result.Outcome}.");
        }
    }
}
