using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Inserts many new rows as multi-row <c>INSERT</c> statements in the caller's transaction, with the table and
/// column names and the quoting from the model and the provider (nothing provider-specific here). For the batch
/// path: EF Core's change tracker costs about 50 µs a row on this machine, several times the database's work.
/// A duplicate key fails the statement like a tracked insert would (a conflict the caller retries).
/// </summary>
internal static class BulkInsert
{
    private const int MaxParameters = 4000;

    public static async Task InsertAsync<TRow>(DbContext db, IReadOnlyList<TRow> rows, string[] properties, Func<TRow, object?[]> values, CancellationToken ct)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model; call modelBuilder.AddSocialCommerce().");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new string[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            columns[i] = sql.DelimitIdentifier(entity.FindProperty(properties[i])!.GetColumnName(table)!);
        }

        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / properties.Length);
        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var end = Math.Min(rows.Count, start + perStatement);
            var text = new StringBuilder(head, head.Length + (end - start) * properties.Length * 8);
            var parameters = new List<DbParameter>((end - start) * properties.Length);
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                var row = values(rows[r]);
                for (var c = 0; c < row.Length; c++)
                {
                    var parameter = connection.CreateCommand().CreateParameter();
                    parameter.ParameterName = "p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameter.Value = row[c] ?? DBNull.Value;
                    parameters.Add(parameter);
                    text.Append(c == 0 ? "@" : ", @").Append(parameter.ParameterName);
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct).ConfigureAwait(false);
        }
    }
}
