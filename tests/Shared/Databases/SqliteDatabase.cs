using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace SocialCommerce.Tests.Databases;

/// <summary>SQLite database files in a temporary folder (the embedded default; always available).</summary>
public class SqliteDatabase : StoreDatabase, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sc-sqlite-");

    public override string Provider => "SQLite";

    public override string? Unavailable => null;

    // In-process: a command is a function call, and the provider sends each statement of a save separately.
    public override bool IsNetworked => false;

    public override string Unreachable => $"Data Source={Path.Combine(_folder.FullName, "missing-folder", "x.db")};Mode=ReadWrite";

    public override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".db")};Default Timeout=60");

    public override string ForInstance(string connectionString, string instance) => connectionString + ";Pooling=True;Cache=" + (instance.Length % 2 == 0 ? "Private" : "Default");

    public override void Use(DbContextOptionsBuilder options, string connectionString)
    {
        if (Retrying)
        {
            options.UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new SqliteRetryingStrategy(dependencies)));
        }
        else
        {
            options.UseSqlite(connectionString);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a killed writer; the temporary folder is cleaned by the OS.
        }
    }
}
