using System;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SocialCommerce.EntityFrameworkCore.Schema;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>Checks (and, for the package's own context, creates) the SocialCommerce tables in a database.</summary>
public static class SocialCommerceSchema
{
    /// <summary>The version of the tables this package reads and writes (the row in <c>sc_schema</c>).</summary>
    /// <remarks>
    /// Version 2 added the invitation and referral-reward tables (<c>sc_invitations</c>, <c>sc_invitation_events</c>,
    /// <c>sc_helper_days</c>, <c>sc_referral_claims</c>, <c>sc_referral_sales</c>, <c>sc_referral_inviters</c>). Version 3
    /// scopes withdrawal and adjustment ids to the member's account: the keys of <c>sc_withdrawals</c> and
    /// <c>sc_adjustments</c> are (member, currency, id), and their entries' posting ids name the account. Version 4
    /// makes every key begin with its partition key: <c>sc_entries</c> is keyed (member, currency, posting id) (no
    /// database-assigned number), <c>sc_group_slots</c> (member, rule) and <c>sc_helper_days</c> (helper, rule, day).
    /// Version 5 adds <c>sc_stream_events</c> and <c>sc_state_snapshots</c>, where <see cref="Streams.StoredStreams"/>
    /// keeps Core's event streams and states. Version 6 adds <c>sc_points_wallets</c>, members' points wallets
    /// (<see cref="Points.StoredPoints"/>), and <c>sc_coupons</c>, <c>sc_coupon_templates</c> and <c>sc_coupon_holders</c>,
    /// issued coupons and the counts their limits check (<see cref="Coupons.StoredCoupons"/>). Version 7 adds
    /// <c>sc_mall_redemptions</c>, <c>sc_mall_items</c> and <c>sc_mall_holders</c>, the points mall's redemptions and the
    /// counts its quotas and per-member limits check (<see cref="Points.StoredMall"/>). Version 8 adds
    /// <c>sc_campaign_seats</c>, <c>sc_campaign_skus</c> and <c>sc_campaign_members</c>, group-buy campaigns' seats and the
    /// counts their quotas and per-member limits check (<see cref="GroupBuying.StoredCampaignBook"/>).
    /// </remarks>
    public const int Version = 8;

    /// <summary>
    /// Checks that the database is reachable and holds the SocialCommerce tables at <see cref="Version"/>.
    /// </summary>
    /// <param name="context">A context whose model includes the SocialCommerce tables.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    /// <exception cref="StoreSchemaException">The tables are missing (a migration was not applied) or at another version.</exception>
    public static async Task VerifyAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await OpenAsync(context, cancellationToken).ConfigureAwait(false);
        SchemaRow? row;
        try
        {
            row = await context.Set<SchemaRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: the table sc_schema cannot be read in {Describe(context)} ({ex.Message}). The SocialCommerce tables are missing: apply the host's migrations (dotnet ef database update) after adding modelBuilder.AddSocialCommerce(), or, with the package's own context, call SocialCommerceSchema.CreateAsync (CreateSchemaAtStart).", ex);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        if (row is null)
        {
            throw new StoreSchemaException($"SocialCommerce store: the table sc_schema in {Describe(context)} has no version row; the migration that created it did not insert it. Apply the package's migration again or insert (Id 1, Version {Version}).");
        }

        if (row.Version != Version)
        {
            throw new StoreSchemaException($"SocialCommerce store: the SocialCommerce tables in {Describe(context)} are at schema version {row.Version}; this package needs version {Version}. {(row.Version > Version ? "Upgrade the package (a newer one migrated the database)." : "With the package's own context, start with CreateSchemaAtStart (or call SocialCommerceSchema.CreateAsync) to upgrade the tables in place; with the host's context, add and apply a migration (docs/storage.md, Upgrades).")}");
        }
    }

    /// <summary>
    /// Creates the tables of <paramref name="context"/>'s model (for <see cref="SocialCommerceDbContext"/>: only the
    /// SocialCommerce tables) unless they exist, then verifies them. Safe when several instances start at once.
    /// On SQLite it also turns on write-ahead logging, so readers do not wait for writers.
    /// </summary>
    /// <param name="context">The package's own context (a host context uses migrations instead).</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the tables exist at <see cref="Version"/>.</returns>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    /// <exception cref="StoreSchemaException">The tables exist at another version.</exception>
    public static async Task CreateAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Reachable (a new SQLite file is created by opening it); an empty database is created into without a failed
        // query first.
        await OpenAsync(context, cancellationToken).ConfigureAwait(false);
        await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        if (await context.GetService<IRelationalDatabaseCreator>().HasTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await VerifyAsync(context, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StoreSchemaException)
            {
                if (await StoredVersionAsync(context, cancellationToken).ConfigureAwait(false) is { } stored and >= 1 and < Version)
                {
                    // Tables of an earlier version: upgraded in place, every row kept.
                    await SchemaUpgrade.RunAsync(context, cancellationToken).ConfigureAwait(false);
                    await VerifyAsync(context, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (await HasSchemaTableAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    throw; // The tables exist, at a later version or without their row: never created over.
                }
            }
        }

        if (context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        var script = context.Database.GenerateCreateScript();
        try
        {
            // Under the context's execution strategy, so a host's retrying strategy allows (and retries) the transaction.
            await context.Database.CreateExecutionStrategy().ExecuteAsync(
                async token =>
                {
                    await using var transaction = await context.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                    await context.Database.ExecuteSqlRawAsync(script, token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            if (!await HasSchemaTableAsync(context, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            // Another instance created the tables at the same moment.
        }

        await VerifyAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int?> StoredVersionAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Set<SchemaRow>().AsNoTracking().Where(r => r.Id == 1).Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return null;
        }
    }

    private static async Task<bool> HasSchemaTableAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            _ = await context.Set<SchemaRow>().AsNoTracking().CountAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task OpenAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException or RetryLimitExceededException)
        {
            throw new StoreUnavailableException($"connect to {Describe(context)}", 1, ex);
        }
    }

    private static string Describe(DbContext context)
    {
        var provider = context.Database.ProviderName ?? "an unknown provider";
        var connection = context.Database.GetDbConnection();
        return $"database '{connection.Database}' at '{connection.DataSource}' ({provider})";
    }
}
