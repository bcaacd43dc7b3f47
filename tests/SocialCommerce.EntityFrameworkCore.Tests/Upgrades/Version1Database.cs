using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Upgrades;

/// <summary>
/// A database as version 1 of the package left it. The files in Version1/ were produced by the package at commit
/// a00f292 (schema version 1): its <c>GenerateCreateScript</c> for each provider, and every row its stores wrote for a
/// small shop (members and a binding, three sales — completed, released, refunded in part — a withdrawal paid, one
/// requested, an adjustment, two open groups, a community batch with an order, a member's growth), read back as JSON.
/// </summary>
public static class Version1Database
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Upgrades", "Version1");

    /// <summary>The rows of every table, as stored by version 1.</summary>
    public static JsonElement Rows { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "rows.json"))).RootElement;

    /// <summary>Creates the version-1 tables in an empty database and inserts the rows.</summary>
    public static async Task CreateAsync(StoreDatabase database, string connectionString)
    {
        await using var context = StoreHost.OpenContext(database, connectionString);
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        var script = File.ReadAllText(Path.Combine(Folder, database.Provider.StartsWith("SQLite", StringComparison.Ordinal) ? "sqlite.sql" : "postgres.sql"));
        await using (var ddl = connection.CreateCommand())
        {
            ddl.CommandText = script;
            await ddl.ExecuteNonQueryAsync();
        }

        foreach (var table in Rows.EnumerateObject())
        {
            foreach (var row in table.Value.EnumerateArray())
            {
                await using var insert = connection.CreateCommand();
                var columns = row.EnumerateObject().ToList();
                insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < columns.Count; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = $"@p{i}";
                    parameter.Value = Value(columns[i].Value);
                    insert.Parameters.Add(parameter);
                }

                await insert.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>The rows of one table.</summary>
    public static IEnumerable<JsonElement> Table(string name) => Rows.GetProperty(name).EnumerateArray();

    private static object Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => DBNull.Value,
    };
}
