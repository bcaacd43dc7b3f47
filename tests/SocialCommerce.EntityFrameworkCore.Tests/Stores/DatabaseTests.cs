using NodaTime;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>What the store test classes share: the provider under test, a fresh database per test, a context on it.</summary>
public abstract class DatabaseTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    protected static readonly Instant T0 = StoreHost.T0;

    protected TDatabase Database { get; } = database;

    /// <summary>Creates an empty database (skips locally when the provider is not available; fails under CI).</summary>
    protected async Task<string> NewDatabaseAsync()
    {
        Database.SkipUnlessAvailable();
        return await Database.CreateDatabaseAsync();
    }

    protected SocialCommerceDbContext OpenContext(string connectionString) => StoreHost.OpenContext(Database, connectionString);
}
