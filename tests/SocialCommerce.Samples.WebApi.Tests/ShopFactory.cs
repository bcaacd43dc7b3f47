using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SocialCommerce.Samples.WebApi.Security;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>
/// One instance of the web sample in memory, with a fake clock: on a SQLite file by default, or on a PostgreSQL
/// database. Tokens are signed with <see cref="TestSigningKey"/> (not the sample's development key: the tests prove the
/// configured key is the one checked).
/// </summary>
public sealed class ShopFactory(string connectionString, FakeClock clock, string database) : WebApplicationFactory<Program>
{
    public ShopFactory(string databasePath, FakeClock clock)
        : this($"Data Source={databasePath}", clock, "sqlite")
    {
    }

    /// <summary>The key the tests sign tokens with (32 bytes, base64).</summary>
    public const string TestSigningKey = "dGVzdHMtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=";

    /// <summary>Gets the settings tokens are minted with.</summary>
    public static ShopAuthenticationSettings Tokens { get; } = new() { SigningKey = TestSigningKey };

    /// <summary>Gets or sets the signing key this instance is configured with (<see cref="TestSigningKey"/> by default).</summary>
    public string SigningKey { get; init; } = TestSigningKey;

    /// <summary>Gets or sets the join rate limit of this instance (the configured default when null).</summary>
    public int? JoinPermitLimit { get; init; }

    /// <summary>Gets or sets the write (withdrawal) rate limit of this instance (the configured default when null).</summary>
    public int? WritePermitLimit { get; init; }

    /// <summary>Gets or sets the host environment (Development, as <c>dotnet run</c> gives, by default).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Gets or sets a value indicating whether the background jobs run (off by default: the tests release by hand).</summary>
    public bool RunJobs { get; init; }

    /// <summary>Gets or sets a value indicating whether the shop keeps its own clock (the fake clock is not registered).</summary>
    public bool SystemTime { get; init; }

    /// <summary>Gets or sets more settings (key, value), applied last.</summary>
    public (string Key, string Value)[] Settings { get; init; } = [];

    /// <summary>Gets or sets more test services, registered last.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>A client calling as an operator (the back office).</summary>
    /// <returns>The client.</returns>
    public HttpClient Operator() => WithToken(ShopTokens.ForOperator(Tokens, "back-office", TimeSpan.FromHours(1)));

    /// <summary>A client calling as a member.</summary>
    /// <param name="member">The member id.</param>
    /// <returns>The client.</returns>
    public HttpClient AsMember(long member) => WithToken(ShopTokens.ForMember(Tokens, member, TimeSpan.FromHours(1)));

    /// <summary>A client calling with a given bearer token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The client.</returns>
    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static ShopFactory OnPostgres(string connectionString, FakeClock clock) => new(connectionString, clock, "postgres");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Shop", connectionString);
        builder.UseSetting("Shop:Database", database);
        builder.UseSetting("Shop:Authentication:SigningKey", SigningKey);
        builder.UseSetting("Shop:RunJobs", RunJobs ? "true" : "false");
        builder.UseSetting("Shop:Jobs:ReleaseEarningsEvery", "00:00:00.020");
        builder.UseSetting("Shop:Jobs:CloseGroupsEvery", "00:00:00.020");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (JoinPermitLimit is { } limit)
        {
            builder.UseSetting("Shop:RateLimits:Joins:PermitLimit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (WritePermitLimit is { } writes)
        {
            builder.UseSetting("Shop:RateLimits:Writes:PermitLimit", writes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.ConfigureTestServices(services =>
        {
            if (!SystemTime)
            {
                services.AddSingleton<IClock>(clock);
            }

            TestServices?.Invoke(services);
        });
    }
}

/// <summary>A temporary database file, deleted at the end of the test.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"shop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
