using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace SocialCommerce.Tests.Databases;

/// <summary>A database server the store tests run on: SQLite files, or a PostgreSQL server shared by the run.</summary>
public abstract class StoreDatabase
{
    public abstract string Provider { get; }

    /// <summary>Gets why this database cannot run here, or null when it can.</summary>
    public abstract string? Unavailable { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    /// <summary>A connection string to the same database that gets its own connection pool (a separate instance).</summary>
    public abstract string ForInstance(string connectionString, string instance);

    /// <summary>Gets a value indicating whether a round trip to the server costs a network exchange and the provider batches a save into one.</summary>
    public virtual bool IsNetworked => true;

    /// <summary>Bounds an instance's connection pool (a networked server's connections are shared by every test running at once).</summary>
    public virtual string WithPoolSize(string connectionString, int size) => connectionString;

    public abstract void Use(DbContextOptionsBuilder options, string connectionString);

    /// <summary>
    /// Gets a value indicating whether the contexts use a retrying execution strategy (as a host on cloud PostgreSQL
    /// configures with <c>EnableRetryOnFailure</c>); the whole store suite runs once without and once with it.
    /// </summary>
    public virtual bool Retrying => false;

    /// <summary>Gets a connection string nothing listens on.</summary>
    public abstract string Unreachable { get; }

    /// <summary>Skips the calling test when the database is missing here; fails it in CI, where it must run.</summary>
    public void SkipUnlessAvailable()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Provider} tests must run in CI, but: {Unavailable}");
        }

        Skip.If(true, Unavailable);
    }
}
