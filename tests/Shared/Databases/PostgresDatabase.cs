using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace SocialCommerce.Tests.Databases;

/// <summary>
/// PostgreSQL: the server named by SOCIALCOMMERCE_POSTGRES, or else a throwaway server this test run starts
/// (<see cref="PostgresServer"/>) when the PostgreSQL binaries are installed. Each test gets a database of its own.
/// </summary>
public class PostgresDatabase : StoreDatabase
{
    public const string Variable = "SOCIALCOMMERCE_POSTGRES";

    private static readonly Lazy<(string? ConnectionString, string? Unavailable)> Server = new(Connect);

    public override string Provider => "PostgreSQL";

    public override string? Unavailable => Server.Value.Unavailable;

    public override string Unreachable => "Host=127.0.0.1;Port=9;Username=postgres;Database=postgres;Timeout=2";

    public override async Task<string> CreateDatabaseAsync()
    {
        var admin = Server.Value.ConnectionString ?? throw new InvalidOperationException(Unavailable);
        var name = "sc_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Each test's pools close their idle connections within seconds (Npgsql keeps them 300 s by default): a run of
        // hundreds of tests, each on a database of its own, otherwise fills the server's connection slots.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ToString();
    }

    public override string ForInstance(string connectionString, string instance) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = instance }.ToString();

    public override string WithPoolSize(string connectionString, int size) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = size }.ToString();

    public override void Use(DbContextOptionsBuilder options, string connectionString)
    {
        if (Retrying)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(50), null));
        }
        else
        {
            options.UseNpgsql(connectionString);
        }
    }

    private static (string?, string?) Connect()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return (given, null);
        }

        try
        {
            return PostgresServer.Start() is { } server
                ? (server.ConnectionString, null)
                : (null, $"PostgreSQL tests skipped: no server. Install PostgreSQL (apt-get install postgresql; the tests start a throwaway server with its initdb) or set {Variable} to a connection string (see docs/storage.md).");
        }
        catch (InvalidOperationException ex)
        {
            return (null, $"PostgreSQL tests could not start a server: {ex.Message}");
        }
    }
}
