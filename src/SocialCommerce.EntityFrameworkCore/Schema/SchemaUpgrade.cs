using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Invitations;

namespace SocialCommerce.EntityFrameworkCore.Schema;

/// <summary>
/// Upgrades the SocialCommerce tables of the package's own context in place, one version at a time (1 → 2 → … → 8),
/// keeping every row. Each step is one transaction that re-reads the version first (on PostgreSQL under an advisory
/// lock), so instances starting at once upgrade once; its DDL comes from EF Core's migrations SQL generator for the
/// provider (on SQLite, which cannot change a primary key, that is a table rebuild that copies the rows).
/// </summary>
internal static class SchemaUpgrade
{
    // An arbitrary constant: the key of the advisory lock that lines up upgrading instances on PostgreSQL.
    private const long LockKey = 0x5C_5C_0001;

    public static async Task RunAsync(DbContext context, CancellationToken cancellationToken)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var steps = new (int From, Func<IModel, IReadOnlyList<MigrationOperation>> Operations)[]
        {
            (1, m => CreateTables(context, m, typeof(InvitationRow), typeof(InvitationEventRow), typeof(HelperDayRow), typeof(ReferralClaimRow), typeof(ReferralSaleRow), typeof(ReferralInviterRow))),
            (2, m => ScopeWithdrawalAndAdjustmentIds(context, m)),
            (3, PartitionKeys),
            (4, m => CreateTables(context, m, typeof(Streams.StreamEventRow), typeof(Streams.StateSnapshotRow))),
            (5, m => CreateTables(context, m, typeof(Points.WalletRow), typeof(Coupons.CouponRow), typeof(Coupons.CouponTemplateRow), typeof(Coupons.CouponHolderRow))),
            (6, m => CreateTables(context, m, typeof(Points.MallRedemptionRow), typeof(Points.MallItemRow), typeof(Points.MallHolderRow))),
            (7, m => CreateTables(context, m, typeof(CampaignSeatRow), typeof(CampaignSkuRow), typeof(CampaignMemberRow))),
        };
        foreach (var (from, operations) in steps)
        {
            var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations(model), model);
            await context.Database.CreateExecutionStrategy().ExecuteAsync(
                async token => await StepAsync(context, from, commands, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task StepAsync(DbContext context, int from, IReadOnlyList<MigrationCommand> commands, CancellationToken ct)
    {
        var isPostgres = context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await context.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var connection = context.Database.GetDbConnection();
            var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            try
            {
                if (isPostgres)
                {
                    await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", ct).ConfigureAwait(false);
                }

                var schemaTable = Table(context, typeof(SchemaRow));
                var version = await ScalarAsync(connection, transaction, $"SELECT \"Version\" FROM {schemaTable} WHERE \"Id\" = 1", ct).ConfigureAwait(false);
                if (version != from)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return; // Another instance upgraded it, or this step is behind the stored version.
                }

                foreach (var command in commands)
                {
                    if (command.TransactionSuppressed)
                    {
                        // SQLite's rebuilds turn foreign keys off around them; the SocialCommerce tables have none, so the
                        // step stays one transaction. Anything else suppressed runs between two transactions.
                        if (command.CommandText.TrimStart().StartsWith("PRAGMA foreign_keys", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        await transaction.DisposeAsync().ConfigureAwait(false);
                        await ExecuteAsync(connection, null, command.CommandText, ct).ConfigureAwait(false);
                        transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    await ExecuteAsync(connection, transaction, command.CommandText, ct).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, transaction, $"UPDATE {schemaTable} SET \"Version\" = {from + 1} WHERE \"Id\" = 1", ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    // Version 2: the invitation and referral-reward tables, created as the model has them now.
    private static List<MigrationOperation> CreateTables(DbContext context, IModel model, params Type[] rows)
    {
        var names = rows.Select(r => model.FindEntityType(r)!.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        return context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .Where(o => o switch
            {
                CreateTableOperation t => names.Contains(t.Name),
                CreateIndexOperation i => names.Contains(i.Table),
                _ => false,
            })
            .ToList();
    }

    // Version 3: withdrawal and adjustment ids are scoped to the account, and so are their entries' posting ids.
    private static List<MigrationOperation> ScopeWithdrawalAndAdjustmentIds(DbContext context, IModel model)
    {
        var (withdrawals, schema) = Name(model, typeof(WithdrawalRow));
        var (adjustments, _) = Name(model, typeof(AdjustmentRow));
        var entries = Table(context, typeof(EntryRow));
        var operations = new List<MigrationOperation>
        {
            new DropIndexOperation { Name = $"IX_{withdrawals}_MemberId_Currency", Table = withdrawals, Schema = schema },
        };
        operations.AddRange(Rekey(model, typeof(WithdrawalRow)));
        operations.AddRange(Rekey(model, typeof(AdjustmentRow)));
        foreach (var kind in new[] { "withdrawal", "adjustment" })
        {
            // 'withdrawal:W-1' becomes 'withdrawal:2:CNY:W-1' (member, currency, id), as the stores write them now.
            operations.Add(new SqlOperation
            {
                Sql = $"UPDATE {entries} SET \"PostingId\" = '{kind}:' || \"MemberId\" || ':' || \"Currency\" || ':' || substr(\"PostingId\", {kind.Length + 2}) "
                    + $"WHERE \"SaleId\" IS NULL AND \"PostingId\" LIKE '{kind}:%'",
            });
        }

        return operations;
    }

    // Version 4: every key begins with its partition key; entries lose their database-assigned number.
    private static List<MigrationOperation> PartitionKeys(IModel model)
    {
        var (entries, schema) = Name(model, typeof(EntryRow));
        var operations = new List<MigrationOperation>
        {
            new DropIndexOperation { Name = $"IX_{entries}_PostingId", Table = entries, Schema = schema },
            new DropIndexOperation { Name = $"IX_{entries}_MemberId_Currency", Table = entries, Schema = schema },
            new DropPrimaryKeyOperation { Name = $"PK_{entries}", Table = entries, Schema = schema },
            new DropColumnOperation { Name = "Id", Table = entries, Schema = schema },
            AddKey(model, typeof(EntryRow)),
        };
        operations.AddRange(Rekey(model, typeof(GroupSlotRow)));
        operations.AddRange(Rekey(model, typeof(HelperDayRow)));
        return operations;
    }

    private static IEnumerable<MigrationOperation> Rekey(IModel model, Type row)
    {
        var (table, schema) = Name(model, row);
        yield return new DropPrimaryKeyOperation { Name = $"PK_{table}", Table = table, Schema = schema };
        yield return AddKey(model, row);
    }

    private static AddPrimaryKeyOperation AddKey(IModel model, Type row)
    {
        var entity = model.FindEntityType(row)!;
        var (table, schema) = Name(model, row);
        var key = entity.FindPrimaryKey()!;
        var store = StoreObjectIdentifier.Table(table, schema);
        return new AddPrimaryKeyOperation
        {
            Name = key.GetName(store)!,
            Table = table,
            Schema = schema,
            Columns = key.Properties.Select(p => p.GetColumnName(store)!).ToArray(),
        };
    }

    private static (string Table, string? Schema) Name(IModel model, Type row)
    {
        var entity = model.FindEntityType(row)!;
        return (entity.GetTableName()!, entity.GetSchema());
    }

    private static string Table(DbContext context, Type row)
    {
        var (table, schema) = Name(context.Model, row);
        return context.GetService<ISqlGenerationHelper>().DelimitIdentifier(table, schema);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
