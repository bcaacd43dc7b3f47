using System;
using System.IO;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>Starts the web sample in memory on a given SQLite file, with a fake clock.</summary>
/// <summary>One instance of the web sample: on a SQLite file by default, or on a PostgreSQL database.</summary>
public sealed class ShopFactory(string connectionString, FakeClock clock, string database) : WebApplicationFactory<Program>
{
    public ShopFactory(string databasePath, FakeClock clock)
        : this($"Data Source={databasePath}", clock, "sqlite")
    {
    }

    public static ShopFactory OnPostgres(string connectionString, FakeClock clock) => new(connectionString, clock, "postgres");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Shop", connectionString);
        builder.UseSetting("Shop:Database", database);
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(clock));
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
