using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SocialCommerce.Samples.WebApi.Persistence;

/// <summary>
/// The append-only log of accepted commands, in one SQLite table. Nothing is ever updated or deleted.
/// </summary>
public sealed class CommandLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string connectionString;

    /// <summary>Opens (and creates if needed) the log.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=shop.db</c>.</param>
    public CommandLog(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.connectionString = connectionString;
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS command_log (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                body TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            """;
        create.ExecuteNonQuery();
    }

    /// <summary>Appends one accepted command.</summary>
    /// <param name="command">The command.</param>
    public void Append(ShopCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var body = JsonSerializer.Serialize(command, Json);
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO command_log (type, body, recorded_at) VALUES ($type, $body, $recordedAt);";
        insert.Parameters.AddWithValue("$type", command.GetType().Name);
        insert.Parameters.AddWithValue("$body", body);
        insert.Parameters.AddWithValue("$recordedAt", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    /// <summary>Reads every command, in the order they were accepted.</summary>
    /// <returns>The commands.</returns>
    public IReadOnlyList<ShopCommand> ReadAll()
    {
        var commands = new List<ShopCommand>();
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT sequence, body FROM command_log ORDER BY sequence;";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var sequence = reader.GetInt64(0);
            var command = JsonSerializer.Deserialize<ShopCommand>(reader.GetString(1), Json)
                ?? throw new InvalidOperationException($"Command log entry {sequence} is empty.");
            commands.Add(command);
        }

        return commands;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
