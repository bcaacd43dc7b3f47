using Microsoft.EntityFrameworkCore;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Upgrades;

/// <summary>
/// The shape of the SocialCommerce tables as the database's catalog describes them: every column (type, nullability,
/// key position) and every index with its columns, as sorted lines, so an upgraded database can be compared with a
/// new one.
/// </summary>
public static class SchemaShape
{
    private const string Sqlite = """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || (CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END) || ' key ' || p.pk
        FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'sc_%'
        UNION ALL
        SELECT 'index ' || m.name || ' on ' || m.tbl_name || ' (' || (SELECT group_concat(name, ', ') FROM (SELECT i.name FROM pragma_index_info(m.name) i ORDER BY i.seqno)) || ')'
        FROM sqlite_master m WHERE m.type = 'index' AND m.name NOT LIKE 'sqlite_%' AND m.tbl_name LIKE 'sc_%'
        """;

    private const string Postgres = """
        SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type || coalesce('(' || c.character_maximum_length || ')', '') || (CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END) || coalesce(' default ' || c.column_default, '') || (CASE WHEN c.is_identity = 'YES' THEN ' identity' ELSE '' END)
        FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name LIKE 'sc_%'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'sc_%'
        """;

    /// <summary>Reads the shape, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(StoreDatabase database, string connectionString)
    {
        await using var context = StoreHost.OpenContext(database, connectionString);
        var sql = database.Provider.StartsWith("SQLite", StringComparison.Ordinal) ? Sqlite : Postgres;
        var lines = await context.Database.SqlQueryRaw<string>(sql).ToListAsync();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
