using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using SocialCommerce;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.Extensions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

// harness [--smoke] [--only quote,single,concurrent,batched,joins,load,restore] [--connection <PostgreSQL connection string>]
// Without --connection it starts a throwaway PostgreSQL server with durable settings (fsync on).
var smoke = args.Contains("--smoke");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["quote", "single", "concurrent", "batched", "joins", "load", "restore"];
var given = args.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault();
var admin = given ?? PostgresServer.Start(durable: true)?.ConnectionString
    ?? throw new InvalidOperationException("No PostgreSQL: install it (apt-get install postgresql) or pass --connection.");
var sizes = smoke ? (Single: 100, Batched: 2_000, Network: 10_000, Accounts: 10_000, Hot: 50, Groups: 20)
                  : (Single: 2_000, Batched: 50_000, Network: 1_000_000, Accounts: 1_000_000, Hot: 200, Groups: 200);
var cs = await CreateDatabaseAsync(admin);
var at = Instant.FromUtc(2026, 11, 2, 4, 0);
var plan = CommissionPlan.CreateBuilder("std", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5)).Build();
var rows = new List<(string What, string Sdk, string Floor, string Memory, string Note)>();

using var a = await StartAsync(cs, "harness-a");
using var b = await StartAsync(cs, "harness-b");
var network = a.Services.GetRequiredService<StoredReferralNetwork>();
var memoryNetwork = new ReferralNetwork();
memoryNetwork.AddMember(new MemberId(1), at);
for (var m = 2; m <= 1000; m++)
{
    memoryNetwork.AddMember(new MemberId(m), new MemberId(m / 2), at);
}

await BulkMembersAsync(cs, 1, 1000, m => m == 1 ? null : m / 2, at);
await network.RefreshAsync();
await b.Services.GetRequiredService<StoredReferralNetwork>().LoadAsync();
var engine = new CommissionEngine(plan);
LedgerSale SaleOf(string prefix, int i)
{
    var sale = new Sale($"{prefix}-{i}", new MemberId(2 + i % 999), at + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 1000 + 0.37m, Currency.CNY))]);
    return LedgerSale.FromQuote(sale, engine.Quote(sale, memoryNetwork), plan);
}

// 0. The stored quote: what reading the binding log before a quote costs (NetworkFreshness 0, the default), one caller
// at a time and with concurrent callers sharing refreshes, against a cache trusted for a second and the in-memory engine.
if (only.Contains("quote"))
{
    var quoteEngine = a.Services.GetRequiredService<CommissionEngine>();
    var quoteSales = Enumerable.Range(0, sizes.Single * 2)
        .Select(i => new Sale($"quote-{i}", new MemberId(2 + i % 999), at, Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 1000 + 0.37m, Currency.CNY))]))
        .ToList();
    await network.QuoteAsync(quoteEngine, quoteSales[0]);
    var one = await RateAsync(quoteSales.Count, async () =>
    {
        foreach (var sale in quoteSales)
        {
            await network.QuoteAsync(quoteEngine, sale);
        }
    });
    var shared = await RateAsync(quoteSales.Count, () => Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
    {
        for (var i = w; i < quoteSales.Count; i += 8)
        {
            await network.QuoteAsync(quoteEngine, quoteSales[i]);
        }
    }))));
    using var trusting = await StartAsync(cs, "harness-quote", o => o.NetworkFreshness = Duration.FromSeconds(1));
    var trustingNetwork = trusting.Services.GetRequiredService<StoredReferralNetwork>();
    await trustingNetwork.QuoteAsync(quoteEngine, quoteSales[0]);
    var cached = await RateAsync(quoteSales.Count, async () =>
    {
        foreach (var sale in quoteSales)
        {
            await trustingNetwork.QuoteAsync(quoteEngine, sale);
        }
    });
    var inMemory = MemoryRateOf(quoteSales.Count, i => engine.Quote(quoteSales[i], memoryNetwork));
    rows.Add(("quote a sale (QuoteAsync, NetworkFreshness 0), one caller", Per(one), "", Per(inMemory), "one binding-log read per quote"));
    rows.Add(("quote a sale (QuoteAsync, NetworkFreshness 0), 8 callers", Per(shared), "", "", "concurrent quotes share each read"));
    rows.Add(("quote a sale (QuoteAsync, NetworkFreshness 1 s), one caller", Per(cached), "", "", "reads the log at most once a second"));

    // Quote for posting: QuoteAsync then PostAsync (a log read, then the posting) against QuoteAndPostAsync (the log's
    // last entry read in the posting's own round trip), one caller, both with NetworkFreshness 0, in alternating rounds.
    var ledgerA = a.Services.GetRequiredService<StoredCommissionLedger>();
    Sale PostSale(string prefix, int i) => new($"{prefix}-{i}", new MemberId(2 + i % 999), at, Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 1000 + 0.37m, Currency.CNY))]);
    await ledgerA.QuoteAndPostAsync(network, quoteEngine, PostSale("qp-warm", 0));
    // Interleaved in rounds, so that neither gets the quieter half of the run (the first measured was the slower by
    // up to 2x when they ran one after the other).
    var thenPostTime = TimeSpan.Zero;
    var togetherTime = TimeSpan.Zero;
    var perRound = Math.Max(1, sizes.Single / 10);
    for (var round = 0; round < 10; round++)
    {
        var first = round * perRound;
        thenPostTime += await TimeAsync(async () =>
        {
            for (var i = first; i < first + perRound; i++)
            {
                var sale = PostSale("q-then-p", i);
                await ledgerA.PostAsync(LedgerSale.FromQuote(sale, await network.QuoteAsync(quoteEngine, sale), quoteEngine.Plan));
            }
        });
        togetherTime += await TimeAsync(async () =>
        {
            for (var i = first; i < first + perRound; i++)
            {
                await ledgerA.QuoteAndPostAsync(network, quoteEngine, PostSale("q-and-p", i));
            }
        });
    }

    var thenPost = perRound * 10 / thenPostTime.TotalSeconds;
    var together = perRound * 10 / togetherTime.TotalSeconds;
    rows.Add(("quote then post (QuoteAsync + PostAsync), one caller", Per(thenPost), "", "", "a log read, then the posting: 3 round trips"));
    rows.Add(("quote and post (QuoteAndPostAsync), one caller", Per(together), "", "", "the log checked in the posting's round trip: 2"));
}

// 1. One sale per transaction, one writer.
if (only.Contains("single"))
{
    var sales = Enumerable.Range(0, sizes.Single).Select(i => SaleOf("single", i)).ToList();
    var floorSales = Enumerable.Range(0, sizes.Single).Select(i => SaleOf("floor1", i)).ToList();
    var ledger = a.Services.GetRequiredService<StoredCommissionLedger>();
    var (sdk, floor) = await SideBySideAsync(
        "single",
        sales.Count,
        rounds: 4,
        async range =>
        {
            foreach (var sale in sales[range])
            {
                await ledger.PostAsync(sale);
            }
        },
        range => PlainInsertAsync(cs, floorSales[range], perTransaction: 1),
        warm: async () =>
        {
            foreach (var sale in Enumerable.Range(0, sizes.Single).Select(i => SaleOf("warm", i)))
            {
                await ledger.PostAsync(sale);
            }

            await PlainInsertAsync(cs, Enumerable.Range(0, sizes.Single).Select(i => SaleOf("floorwarm", i)).ToList(), perTransaction: 1);
        });
    rows.Add(("post a quoted sale, one at a time (1 writer)", Per(sdk), Per(floor), Per(MemoryRate(sales)), "one transaction per sale"));
}

// 2. One sale per transaction, two instances × 4 workers.
if (only.Contains("concurrent"))
{
    // Every sale is bought by member 8 (under 4 < 2 < 1): all of them credit the same two upline accounts (4 and 2).
    LedgerSale HotUplineSale(string prefix, int i)
    {
        var sale = new Sale($"{prefix}-{i}", new MemberId(8), at + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 1000 + 0.37m, Currency.CNY))]);
        return LedgerSale.FromQuote(sale, engine.Quote(sale, memoryNetwork), plan);
    }

    var ledgers = new[] { a.Services.GetRequiredService<StoredCommissionLedger>(), b.Services.GetRequiredService<StoredCommissionLedger>() };
    async Task<(double Rate, int Retried)> PostAsync(string prefix, int count, int workers)
    {
        var sales = Enumerable.Range(0, count).Select(i => HotUplineSale(prefix, i)).ToList();
        var retried = RetryCounter.Conflicts;
        var next = -1;
        var rate = await RateAsync(sales.Count, () => Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < sales.Count)
            {
                await ledgers[w % ledgers.Length].PostAsync(sales[i]);
            }
        }))));
        return (rate, RetryCounter.Conflicts - retried);
    }

    await PostAsync("concwarm", sizes.Single, 8);
    var (single, _) = await PostAsync("conc1", sizes.Single, 1);
    var (together, retried) = await PostAsync("conc8", sizes.Single * 2, 8);
    rows.Add(("post a quoted sale, one hot upline, 1 writer", Per(single), "", "", "every sale credits the same accounts"));
    rows.Add(("post a quoted sale, one hot upline, 2 instances × 4 workers", Per(together), "", "", $"{together / single:N2}× the single writer; {retried} conflicts retried"));
}

// 3. Batched: 1,000 sales per transaction.
if (only.Contains("batched"))
{
    var sales = Enumerable.Range(0, sizes.Batched).Select(i => SaleOf("batch", i)).ToList();
    var floorSales = Enumerable.Range(0, sizes.Batched).Select(i => SaleOf("floorb", i)).ToList();
    var ledger = a.Services.GetRequiredService<StoredCommissionLedger>();
    var (sdk, floor) = await SideBySideAsync(
        "batched",
        sales.Count,
        rounds: smoke ? 2 : 10,
        async range =>
        {
            foreach (var chunk in sales[range].Chunk(1000))
            {
                await ledger.PostManyAsync(chunk);
            }
        },
        range => PlainInsertAsync(cs, floorSales[range], perTransaction: 1000),
        warm: async () =>
        {
            foreach (var chunk in Enumerable.Range(0, sizes.Batched / 10).Select(i => SaleOf("warmb", i)).Chunk(1000))
            {
                await ledger.PostManyAsync(chunk);
            }

            await PlainInsertAsync(cs, Enumerable.Range(0, sizes.Batched / 10).Select(i => SaleOf("floorwarmb", i)).ToList(), perTransaction: 1000);
        });
    rows.Add(("post quoted sales in batches of 1,000", Per(sdk), Per(floor), Per(MemoryRate(sales)), "PostManyAsync"));
}

// 4. Joins: one hot group, and many groups, from two instances × 4 workers each.
if (only.Contains("joins"))
{
    var hot = new GroupBuyId(1);
    var groupsA = a.Services.GetRequiredService<StoredGroupBuys>();
    var groupsB = b.Services.GetRequiredService<StoredGroupBuys>();

    // Fills a group of the rule from 2 instances × 4 workers: every attempt after the last seat is refused.
    var attempts = sizes.Hot + 50;
    async Task<(double Rate, int Accepted)> FillAsync(GroupBuyId id, int firstMember)
    {
        await groupsA.OpenAsync(id, "hot", new MemberId(1), at);
        var accepted = 0;
        var next = -1;
        var rate = await RateAsync(attempts, () => Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < attempts)
            {
                var result = await (w % 2 == 0 ? groupsA : groupsB).JoinAsync(id, new MemberId(firstMember + i), at + Duration.FromMinutes(1));
                if (result.IsAccepted)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }))));
        return (rate, accepted);
    }

    // Warm-up, not measured: both instances fill another group of the rule the same way (the JIT's tiering, the
    // compiled commands, the connection pools), as a shop's instances are warm long before a group gets hot.
    await FillAsync(new GroupBuyId(2), 30_000);
    var (sdk, accepted) = await FillAsync(hot, 10_000);
    var group = await groupsA.GetAsync(hot);
    if (group!.ParticipantCount != sizes.Hot || accepted != sizes.Hot - 1)
    {
        throw new InvalidOperationException($"hot group over- or under-filled: {group.ParticipantCount} participants, {accepted} joins accepted, capacity {sizes.Hot}");
    }

    var book = new GroupBuyBook();
    book.AddRule(HotRule(sizes.Hot));
    var memoryGroup = book.Open("hot", new MemberId(1), at).GroupId;
    var memory = MemoryRateOf(attempts, i => book.Join(memoryGroup, new MemberId(10_000 + i), at + Duration.FromMinutes(1)));
    rows.Add(($"join one hot group of {sizes.Hot} seats, 2 instances × 4 workers", Per(sdk), "", Per(memory), $"filled exactly: {group.ParticipantCount} seats, {attempts - accepted - 1} refused"));

    for (var g = 0; g < sizes.Groups; g++)
    {
        await groupsA.OpenAsync(new GroupBuyId(100 + g), "five", new MemberId(1), at);
    }

    var joins = sizes.Groups * 4;
    var next = -1;
    var many = await RateAsync(joins, () => Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < joins)
        {
            var result = await (w % 2 == 0 ? groupsA : groupsB).JoinAsync(new GroupBuyId(100 + i % sizes.Groups), new MemberId(20_000 + i), at + Duration.FromMinutes(1));
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"join {i} refused: {result}");
            }
        }
    }))));
    rows.Add(($"join {sizes.Groups} groups of 5, 2 instances × 4 workers", Per(many), "", "", "every join accepted; each group formed"));
}

// 5. Under load (issue 32): 64 posters whose sales all credit the same three accounts, on one instance and on two
// (with a job posting 1,000-sale batches beside them), and 16 joiners of one hot group. Every command must succeed;
// the conflicts the stores retried are counted from their log (event 1401).
if (only.Contains("load"))
{
    var plan3 = CommissionPlan.CreateBuilder("three", Currency.CNY).Levels(Rate.Percent(10), Rate.Percent(5), Rate.Percent(2)).Build();
    var engine3 = new CommissionEngine(plan3);
    var perRun = smoke ? 640 : 6_400;
    var runIndex = 0;
    LedgerSale HotSale(string prefix, int i)
    {
        // Buyer 8 sits under 4 < 2 < 1: every sale credits members 4, 2 and 1.
        var sale = new Sale($"{prefix}-{i}", new MemberId(8), at + Duration.FromSeconds(i), Currency.CNY, [new SaleLine("p", "c", 1, new Money(10m + i % 1000 + 0.37m, Currency.CNY))]);
        return LedgerSale.FromQuote(sale, engine3.Quote(sale, memoryNetwork), plan3);
    }

    async Task LoadRowAsync(string what, StoredCommissionLedger[] ledgers, bool withBatches)
    {
        var prefix = "hot" + (++runIndex).ToString(CultureInfo.InvariantCulture);
        var sales = Enumerable.Range(0, perRun).Select(i => HotSale(prefix, i)).ToList();
        var batches = withBatches ? Enumerable.Range(0, perRun / 2).Select(i => HotSale(prefix + "b", i)).ToList() : [];
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var retriedBefore = RetryCounter.Conflicts;
        var next = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < sales.Count)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await ledgers[w % ledgers.Length].PostAsync(sales[i]);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (StoreConflictException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (StoreUnavailableException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        var batchesApplied = 0;
        if (withBatches)
        {
            workers.Add(Task.Run(async () =>
            {
                foreach (var chunk in batches.Chunk(1000))
                {
                    var results = await ledgers[0].PostManyAsync(chunk);
                    batchesApplied += results.Count(r => r.IsApplied) == chunk.Length ? 1 : 0;
                }
            }));
        }

        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var sorted = latencies.Order().ToList();
        double P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        var retried = RetryCounter.Conflicts - retriedBefore;
        var batchNote = withBatches ? $"; {batchesApplied} of {(batches.Count + 999) / 1000} batches of 1,000 applied beside them" : "";
        rows.Add((what, Per(sorted.Count / elapsed.TotalSeconds), "", "", $"{failures} failures, {retried} conflicts retried; p50 {P(0.5):F1} ms, p99 {P(0.99):F1} ms{batchNote}"));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{what}: {failures} posts failed");
        }
    }

    var ledgerA = a.Services.GetRequiredService<StoredCommissionLedger>();
    var ledgerB = b.Services.GetRequiredService<StoredCommissionLedger>();
    await LoadRowAsync("64 posters crediting the same 3 accounts, 1 instance", [ledgerA], withBatches: false);
    await LoadRowAsync("64 posters crediting the same 3 accounts, 2 instances, batches beside", [ledgerA, ledgerB], withBatches: true);

    // 16 joiners of one hot group: one instance, then two.
    foreach (var instances in new[] { 1, 2 })
    {
        var hot = new GroupBuyId(50_000 + instances);
        var groups = new[] { a.Services.GetRequiredService<StoredGroupBuys>(), b.Services.GetRequiredService<StoredGroupBuys>() }.Take(instances).ToArray();
        await groups[0].OpenAsync(hot, "hot", new MemberId(1), at);
        var accepted = 0;
        var failed = 0;
        var attempts = sizes.Hot + 50;
        var next = -1;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var retriedBefore = RetryCounter.Conflicts;
        var rate = await RateAsync(attempts, () => Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < attempts)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if ((await groups[w % instances].JoinAsync(hot, new MemberId(60_000 + i), at + Duration.FromMinutes(1))).IsAccepted)
                    {
                        Interlocked.Increment(ref accepted);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (StoreConflictException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }))));
        var group = await groups[0].GetAsync(hot);
        if (failed > 0 || group!.ParticipantCount != sizes.Hot)
        {
            throw new InvalidOperationException($"hot group: {failed} joins failed, {group!.ParticipantCount} participants of {sizes.Hot}");
        }

        var sorted = latencies.Order().ToList();
        rows.Add(($"16 joiners of one {sizes.Hot}-seat group, {instances} instance{(instances == 1 ? "" : "s")}", Per(rate), "", "", $"0 failures, {RetryCounter.Conflicts - retriedBefore} conflicts retried; p99 {sorted[Math.Max(0, (int)Math.Ceiling(0.99 * sorted.Count) - 1)]:F1} ms; filled exactly"));
    }
}

// 6. Restore: a network of sizes.Network members, and sizes.Accounts ledger accounts, read from the database.
if (only.Contains("restore"))
{
    var restoreCs = await CreateDatabaseAsync(admin);
    using (var init = await StartAsync(restoreCs, "restore-init"))
    {
    }

    await BulkMembersAsync(restoreCs, 1, sizes.Network, m => m == 1 ? null : m / 2, at);
    await BulkAccountsAsync(restoreCs, sizes.Accounts);
    var watch = Stopwatch.StartNew();
    using (var restored = await StartAsync(restoreCs, "restore"))
    {
        var network2 = restored.Services.GetRequiredService<StoredReferralNetwork>();
        var load = watch.Elapsed;
        if (network2.Count != sizes.Network)
        {
            throw new InvalidOperationException($"restored {network2.Count} members of {sizes.Network}");
        }

        var floor = await TimeAsync(() => PlainSelectAsync(restoreCs, "SELECT \"MemberId\", \"ReferrerId\", \"BoundAt\", \"RegisteredSequence\" FROM sc_members ORDER BY \"RegisteredSequence\""));
        var snapshot = network2.ToSnapshot();
        var memory = Time(() => ReferralNetwork.FromSnapshot(snapshot));
        rows.Add(($"restore a network of {sizes.Network:N0} members (host start)", Ms(load), Ms(floor), Ms(memory), "floor: SELECT of the rows; memory: FromSnapshot"));

        var ledger = restored.Services.GetRequiredService<StoredCommissionLedger>();
        var balances = 0;
        var read = await TimeAsync(async () => balances = (await ledger.GetBalancesAsync()).Count);
        if (balances != sizes.Accounts)
        {
            throw new InvalidOperationException($"read {balances} accounts of {sizes.Accounts}");
        }

        var accountsFloor = await TimeAsync(() => PlainSelectAsync(restoreCs, "SELECT * FROM sc_accounts ORDER BY \"MemberId\", \"Currency\""));
        rows.Add(($"read {sizes.Accounts:N0} ledger accounts (GetBalancesAsync)", Ms(read), Ms(accountsFloor), "", "floor: SELECT of the rows"));
    }
}

Console.WriteLine($"PostgreSQL on loopback, {(given is null ? "throwaway server, durable defaults (fsync on)" : "given server")}; {(smoke ? "smoke sizes" : "full sizes")}");
Console.WriteLine("| What | SocialCommerce.EntityFrameworkCore | Floor (plain SQL, same rows) | In memory | Note |");
Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.What} | {row.Sdk} | {row.Floor} | {row.Memory} | {row.Note} |");
}

return 0;

static GroupBuyRule HotRule(int capacity) =>
    GroupBuyRule.Create("hot", Currency.CNY).RequireParticipants(2).AllowUpTo(capacity).WithTimeLimit(Duration.FromHours(24)).AddTier(2, 9.90m).Build();

async Task<IHost> StartAsync(string connectionString, string instance, Action<SocialCommerceStoreOptions>? configure = null)
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
    builder.Services.AddSocialCommerce()
        .AddCommissionPlan(plan)
        .AddGroupBuyRule(HotRule(sizes.Hot))
        .AddGroupBuyRule(GroupBuyRule.Create("five", Currency.CNY).RequireParticipants(5).WithTimeLimit(Duration.FromHours(24)).AddTier(5, 9.90m).Build())
        .AddEntityFrameworkStores(db => db.UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = instance, MaxPoolSize = 32, MaxAutoPrepare = int.TryParse(Environment.GetEnvironmentVariable("SC_AUTOPREPARE"), out var prepare) ? prepare : 0 }.ToString()), o =>
        {
            o.MaxAttempts = 100;
            configure?.Invoke(o);
        });
    // Only the stores' own log is enabled (the retry count reads its Debug event 1401): a logger enabled for every
    // category would make EF Core format each command's parameters for its Debug events, which a host does not pay.
    builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
    builder.Logging.AddFilter("SocialCommerce.EntityFrameworkCore", Microsoft.Extensions.Logging.LogLevel.Debug);
    builder.Logging.AddProvider(new RetryCounter());
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

static async Task<string> CreateDatabaseAsync(string adminConnection)
{
    var name = "sc_harness_" + Guid.NewGuid().ToString("N");
    await using var connection = new NpgsqlConnection(adminConnection);
    await connection.OpenAsync();
    await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
    {
        await command.ExecuteNonQueryAsync();
    }

    return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name, MaxPoolSize = 50 }.ToString();
}

// The floor: the rows a posting writes (the sale with its JSON, an entry per earning, each account's new balance),
// as plain parameterised SQL in one batch per transaction, with nothing decided.
static async Task PlainInsertAsync(string connectionString, IReadOnlyList<LedgerSale> sales, int perTransaction)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    foreach (var chunk in sales.Chunk(perTransaction))
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sale in chunk)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(SaleCommissionRecord.Post(sale, out _).ToSnapshot(), SocialCommerce.Serialization.SocialCommerceJson.Options);
            var insert = new NpgsqlBatchCommand("INSERT INTO floor_sales (id, state) VALUES ($1, $2)");
            insert.Parameters.Add(new NpgsqlParameter { Value = sale.SaleId });
            insert.Parameters.Add(new NpgsqlParameter { Value = json });
            batch.BatchCommands.Add(insert);
            foreach (var earning in sale.Earnings)
            {
                var entry = new NpgsqlBatchCommand("INSERT INTO floor_entries (posting, member, minor) VALUES ($1, $2, $3)");
                entry.Parameters.Add(new NpgsqlParameter { Value = $"{sale.SaleId}/{earning.LineIndex}/{earning.Level}" });
                entry.Parameters.Add(new NpgsqlParameter { Value = earning.Beneficiary.Value });
                entry.Parameters.Add(new NpgsqlParameter { Value = earning.Amount.ToMinorUnits() });
                batch.BatchCommands.Add(entry);
                var account = new NpgsqlBatchCommand("INSERT INTO floor_accounts (member, pending) VALUES ($1, $2) ON CONFLICT (member) DO UPDATE SET pending = floor_accounts.pending + excluded.pending");
                account.Parameters.Add(new NpgsqlParameter { Value = earning.Beneficiary.Value });
                account.Parameters.Add(new NpgsqlParameter { Value = earning.Amount.ToMinorUnits() });
                batch.BatchCommands.Add(account);
            }
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}

static async Task PlainSelectAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var values = new object[reader.FieldCount];
    while (await reader.ReadAsync())
    {
        reader.GetValues(values);
    }
}

static async Task BulkMembersAsync(string connectionString, int first, int last, Func<int, int?> referrerOf, Instant at)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS floor_sales (id text primary key, state text); CREATE TABLE IF NOT EXISTS floor_entries (posting text primary key, member bigint, minor bigint); CREATE TABLE IF NOT EXISTS floor_accounts (member bigint primary key, pending bigint)", connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    var ticks = at.ToUnixTimeTicks();
    await using (var members = await connection.BeginBinaryImportAsync("COPY sc_members (\"MemberId\", \"ReferrerId\", \"BoundAt\", \"RegisteredSequence\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var m = first; m <= last; m++)
        {
            await members.StartRowAsync();
            await members.WriteAsync((long)m, NpgsqlDbType.Bigint);
            if (referrerOf(m) is { } r)
            {
                await members.WriteAsync((long)r, NpgsqlDbType.Bigint);
            }
            else
            {
                await members.WriteNullAsync();
            }

            await members.WriteAsync(ticks, NpgsqlDbType.Bigint);
            await members.WriteAsync((long)m, NpgsqlDbType.Bigint);
        }

        await members.CompleteAsync();
    }

    await using (var bindings = await connection.BeginBinaryImportAsync("COPY sc_bindings (\"Sequence\", \"MemberId\", \"ReferrerId\", \"PreviousReferrerId\", \"At\", \"IsRegistration\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var m = first; m <= last; m++)
        {
            await bindings.StartRowAsync();
            await bindings.WriteAsync((long)m, NpgsqlDbType.Bigint);
            await bindings.WriteAsync((long)m, NpgsqlDbType.Bigint);
            if (referrerOf(m) is { } r)
            {
                await bindings.WriteAsync((long)r, NpgsqlDbType.Bigint);
            }
            else
            {
                await bindings.WriteNullAsync();
            }

            await bindings.WriteNullAsync();
            await bindings.WriteAsync(ticks, NpgsqlDbType.Bigint);
            await bindings.WriteAsync(true, NpgsqlDbType.Boolean);
        }

        await bindings.CompleteAsync();
    }
}

static async Task BulkAccountsAsync(string connectionString, int count)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var accounts = await connection.BeginBinaryImportAsync("COPY sc_accounts (\"MemberId\", \"Currency\", \"MinorUnit\", \"Version\", \"Pending\", \"Frozen\", \"Available\", \"Withdrawn\", \"Fees\", \"Debt\", \"WrittenOff\", \"Forgiven\", \"Booked\", \"Reversed\", \"InWithdrawal\", \"Withheld\", \"Adjusted\") FROM STDIN (FORMAT BINARY)");
    for (var m = 1; m <= count; m++)
    {
        await accounts.StartRowAsync();
        await accounts.WriteAsync((long)m, NpgsqlDbType.Bigint);
        await accounts.WriteAsync("CNY", NpgsqlDbType.Varchar);
        await accounts.WriteAsync(2, NpgsqlDbType.Integer);
        await accounts.WriteAsync(1L, NpgsqlDbType.Bigint);
        await accounts.WriteAsync(100L + m % 1000, NpgsqlDbType.Bigint);
        for (var k = 0; k < 7; k++)
        {
            await accounts.WriteAsync(0L, NpgsqlDbType.Bigint);
        }

        await accounts.WriteAsync(100L + m % 1000, NpgsqlDbType.Bigint);
        for (var k = 0; k < 4; k++)
        {
            await accounts.WriteAsync(0L, NpgsqlDbType.Bigint);
        }
    }

    await accounts.CompleteAsync();
}

static double MemoryRate(IReadOnlyList<LedgerSale> sales)
{
    var ledger = new CommissionLedger(capacity: sales.Count);
    var watch = Stopwatch.StartNew();
    foreach (var sale in sales)
    {
        ledger.Post(sale);
    }

    return sales.Count / watch.Elapsed.TotalSeconds;
}

static double MemoryRateOf(int count, Action<int> action)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        action(i);
    }

    return count / watch.Elapsed.TotalSeconds;
}

// Times the stores and the floor side by side: a warm-up of both (the JIT's tiering, the pools: the steady state a
// long-running host sees, not a process's first seconds), then rounds that alternate which goes first, so that drift
// (a checkpoint, another tenant's build) falls on both. Prints each side's .NET CPU and allocations per item.
static async Task<(double Sdk, double Floor)> SideBySideAsync(string what, int count, int rounds, Func<Range, Task> sdk, Func<Range, Task> floor, Func<Task> warm)
{
    await warm();
    var sdkTime = TimeSpan.Zero;
    var floorTime = TimeSpan.Zero;
    var sdkCost = default(ProcessCost);
    var floorCost = default(ProcessCost);
    for (var round = 0; round < rounds; round++)
    {
        var range = (count * round / rounds)..(count * (round + 1) / rounds);
        for (var side = 0; side < 2; side++)
        {
            var storesNow = (round + side) % 2 == 0;
            var cost = ProcessCost.Start();
            var time = await TimeAsync(() => storesNow ? sdk(range) : floor(range));
            cost = cost.Stop();
            if (storesNow)
            {
                sdkTime += time;
                sdkCost += cost;
            }
            else
            {
                floorTime += time;
                floorCost += cost;
            }
        }
    }

    Console.Error.WriteLine($"{what}: {Cost(sdkCost, count)} an item in the stores; {Cost(floorCost, count)} in the floor");
    return (count / sdkTime.TotalSeconds, count / floorTime.TotalSeconds);
}

static string Cost(ProcessCost cost, int count) =>
    string.Create(CultureInfo.InvariantCulture, $"{cost.Cpu.TotalMilliseconds * 1000 / count:N0} µs of .NET CPU, {cost.Allocated / count:N0} B allocated, {cost.Collections} gen-0 collections");

static async Task<double> RateAsync(int count, Func<Task> run) => count / (await TimeAsync(run)).TotalSeconds;

static async Task<TimeSpan> TimeAsync(Func<Task> run)
{
    var watch = Stopwatch.StartNew();
    await run();
    return watch.Elapsed;
}

static TimeSpan Time(Action run)
{
    var watch = Stopwatch.StartNew();
    run();
    return watch.Elapsed;
}

static string Per(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture) + " /s";

static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

/// <summary>Counts the conflicts the stores retried (their Debug event 1401), across instances.</summary>
internal sealed class RetryCounter : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
{
    private static int _conflicts;

    public static int Conflicts => Volatile.Read(ref _conflicts);

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 1401)
        {
            Interlocked.Increment(ref _conflicts);
        }
    }

    public void Dispose()
    {
    }
}


/// <summary>The .NET process's CPU time, bytes allocated and gen-0 collections over a part of the run.</summary>
internal readonly record struct ProcessCost(TimeSpan Cpu, long Allocated, int Collections)
{
    public static ProcessCost Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));

    public static ProcessCost operator +(ProcessCost left, ProcessCost right) =>
        new(left.Cpu + right.Cpu, left.Allocated + right.Allocated, left.Collections + right.Collections);

    public ProcessCost Stop()
    {
        var now = Start();
        return new(now.Cpu - Cpu, now.Allocated - Allocated, now.Collections - Collections);
    }
}
