using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>The stores' health check (issue 26): up, a schema at another version, a database that does not answer.</summary>
public abstract class HealthCheckTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task The_store_check_is_healthy_on_the_right_schema_and_unhealthy_naming_the_versions_otherwise()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        await using var shop = await StoreHost.StartAsync(database, db, "health");
        var checks = shop.Host.Services.GetRequiredService<HealthCheckService>();

        var up = await checks.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Contains($"schema version {SocialCommerceSchema.Version}", up.Entries["socialcommerce-store"].Description);

        await using (var context = StoreHost.OpenContext(database, db))
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE sc_schema SET \"Version\" = 2");
        }

        var old = (await checks.CheckHealthAsync()).Entries["socialcommerce-store"];
        Assert.Equal(HealthStatus.Unhealthy, old.Status);
        Assert.Contains("schema version 2", old.Description);
        Assert.Contains($"needs version {SocialCommerceSchema.Version}", old.Description);
    }

    [SkippableFact]
    public async Task The_store_check_is_unhealthy_when_the_database_does_not_answer()
    {
        database.SkipUnlessAvailable();
        using var host = StoreHost.Build(database, database.Unreachable, "down");
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["socialcommerce-store"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.NotNull(entry.Exception);
        Assert.DoesNotContain("Password", entry.Description ?? "", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteHealthCheckTests(SqliteDatabase database) : HealthCheckTests<SqliteDatabase>(database);

public sealed class PostgresHealthCheckTests(PostgresDatabase database) : HealthCheckTests<PostgresDatabase>(database);
