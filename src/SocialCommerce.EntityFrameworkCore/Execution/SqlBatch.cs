using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Several statements sent as one command (one round trip) in the caller's transaction, with the table and column
/// names and the quoting from the model and the provider. Written in the SQL both providers share (multi-row
/// <c>INSERT</c>, <c>ON CONFLICT</c>), nothing provider-specific. For the write path of a posting: EF Core's change
/// tracker costs about 50 µs a row on this machine, several times the database's work, and cannot express a delta.
/// </summary>
internal sealed class SqlBatch
{
    // Below both providers' limits (SQLite 32,766, PostgreSQL 65,535 parameters a command).
    private const int MaxParameters = 30_000;
    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly DbCommand _factory;
    private readonly List<(string Text, List<DbParameter> Parameters)> _commands = [];
    private StringBuilder _text = new();
    private List<DbParameter> _parameters = [];
    private string? _readLast;

    public SqlBatch(DbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _factory = db.Database.GetDbConnection().CreateCommand();
    }

    /// <summary>Gets the number of rows the statements must affect (each insert its rows, each upsert its accounts).</summary>
    public int ExpectedRows { get; private set; }

    /// <summary>Gets the number <see cref="ReadLast"/>'s query returned, once <see cref="ExecuteAsync"/> ran.</summary>
    public long LastRead { get; private set; }

    /// <summary>Gets a value indicating whether no statement was added.</summary>
    public bool IsEmpty => _commands.Count == 0 && _text.Length == 0;

    /// <summary>Gets the delimited, schema-qualified name of a row type's table.</summary>
    public string Table<TRow>(out StoreObjectIdentifier table)
    {
        var entity = _db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model; call modelBuilder.AddSocialCommerce().");
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return _sql.DelimitIdentifier(table.Name, table.Schema);
    }

    /// <summary>Gets the delimited column name of a property.</summary>
    public string Column<TRow>(in StoreObjectIdentifier table, string property) =>
        _sql.DelimitIdentifier(_db.Model.FindEntityType(typeof(TRow))!.FindProperty(property)!.GetColumnName(table)!);

    /// <summary>
    /// Adds multi-row inserts of <paramref name="rows"/>; with <paramref name="skipExisting"/> a row whose key exists
    /// is skipped (<c>ON CONFLICT DO NOTHING</c>) and the shortfall shows in the rows affected instead of as an error.
    /// </summary>
    public void Insert<TRow>(IReadOnlyList<TRow> rows, string[] properties, Func<TRow, object?[]> values, bool skipExisting)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var name = Table<TRow>(out var table);
        var columns = new string[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            columns[i] = Column<TRow>(table, properties[i]);
        }

        var head = $"INSERT INTO {name} ({string.Join(", ", columns)}) VALUES ";
        var tail = skipExisting ? " ON CONFLICT DO NOTHING;\n" : ";\n";
        AddRows(rows.Count, properties.Length, head, tail, r => values(rows[r]));
    }

    /// <summary>Adds one statement of <paramref name="count"/> rows of values: <paramref name="head"/>, the rows, <paramref name="tail"/>.</summary>
    public void AddRows(int count, int width, string head, string tail, Func<int, object?[]> values)
    {
        var perStatement = Math.Max(1, MaxParameters / width);
        for (var start = 0; start < count; start += perStatement)
        {
            var end = Math.Min(count, start + perStatement);
            if (_parameters.Count + (end - start) * width > MaxParameters)
            {
                Flush();
            }

            _text.Append(head);
            for (var r = start; r < end; r++)
            {
                _text.Append(r == start ? "(" : ", (");
                var row = values(r);
                for (var c = 0; c < row.Length; c++)
                {
                    _text.Append(c == 0 ? "" : ", ").Append(Parameter(row[c]));
                }

                _text.Append(')');
            }

            _text.Append(tail);
            ExpectedRows += end - start;
        }
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object? value)
    {
        var parameter = _factory.CreateParameter();
        parameter.ParameterName = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value ?? DBNull.Value;
        _parameters.Add(parameter);
        return "@" + parameter.ParameterName;
    }

    /// <summary>
    /// Runs a query of one number after every statement, in the same round trip as the last of them (a guard the
    /// caller checks before it commits: what the query sees is what the writes saw, or later). Read it from
    /// <see cref="LastRead"/>.
    /// </summary>
    /// <param name="sql">A query giving one row of one 64-bit number.</param>
    public void ReadLast(string sql) => _readLast = sql;

    /// <summary>Runs every statement (one round trip per 30,000 parameters) and returns the rows they affected.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        Flush();
        var affected = 0;
        for (var i = 0; i < _commands.Count; i++)
        {
            var (text, parameters) = _commands[i];
            affected += _readLast is not null && i == _commands.Count - 1
                ? await ExecuteThenReadAsync(text, parameters, _readLast, ct).ConfigureAwait(false)
                : await _db.Database.ExecuteSqlRawAsync(text, parameters, ct).ConfigureAwait(false);
        }

        _commands.Clear();
        return affected;
    }

    /// <summary>
    /// The statements and the query as one command through EF Core's command pipeline (its interceptors, logging and
    /// the context's transaction and timeout, as <c>ExecuteSqlRaw</c>), read as a reader: the query's number and the
    /// rows the statements affected.
    /// </summary>
    private async Task<int> ExecuteThenReadAsync(string text, List<DbParameter> parameters, string read, CancellationToken ct)
    {
        var reader = await ExecuteReaderAsync(text + read, parameters, ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var data = reader.DbDataReader;
            LastRead = await data.ReadAsync(ct).ConfigureAwait(false) && !await data.IsDBNullAsync(0, ct).ConfigureAwait(false)
                ? Convert.ToInt64(data.GetValue(0), CultureInfo.InvariantCulture)
                : 0;
            while (await data.NextResultAsync(ct).ConfigureAwait(false))
            {
            }

            return data.RecordsAffected;
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> — statements, then one query — as one command through EF Core's command pipeline
    /// (its interceptors and logging, the context's transaction and timeout), with the parameters added so far.
    /// </summary>
    /// <param name="sql">The statements and the query.</param>
    /// <param name="read">Reads one row of the query.</param>
    /// <param name="ct">Cancels the command.</param>
    /// <returns>The query's rows and the rows the statements affected.</returns>
    public async Task<(List<T> Rows, int Affected)> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var reader = await ExecuteReaderAsync(sql, _parameters, ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var data = reader.DbDataReader;
            var rows = new List<T>();
            do
            {
                while (await data.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(read(data));
                }
            }
            while (await data.NextResultAsync(ct).ConfigureAwait(false));

            return (rows, data.RecordsAffected);
        }
    }

    // One command through EF Core's command pipeline, as ExecuteSqlRaw sends it: interceptors, logging, the context's
    // transaction and timeout.
    private Task<RelationalDataReader> ExecuteReaderAsync(string sql, IReadOnlyList<DbParameter> parameters, CancellationToken ct)
    {
        var command = _db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        return command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(
                _db.GetService<IRelationalConnection>(),
                command.ParameterValues,
                null,
                _db,
                _db.GetService<IRelationalCommandDiagnosticsLogger>(),
                CommandSource.ExecuteSqlRaw),
            ct);
    }

    private void Flush()
    {
        if (_text.Length == 0)
        {
            return;
        }

        _commands.Add((_text.ToString(), _parameters));
        _text = new StringBuilder();
        _parameters = [];
    }
}
