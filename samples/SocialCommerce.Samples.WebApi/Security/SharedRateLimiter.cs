using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// A fixed-window rate limiter that holds across instances: each request of a partition (a member and a kind of
/// request) counts one hit in the shop's shared database, with one atomic upsert, so N instances allow what one does.
/// (A gateway in front of the shop can do this job instead; this is the sample's way without one.)
/// </summary>
internal sealed class SharedRateLimiter(IDbContextFactory<SocialCommerceDbContext> contexts, IClock clock)
{
    private int _created;

    /// <summary>Counts one hit; says whether it is within the limit, and when the window ends.</summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _created) == 0)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS shop_rate_limits (partition_key VARCHAR(300) NOT NULL, window_start BIGINT NOT NULL, hits INTEGER NOT NULL, PRIMARY KEY (partition_key, window_start))", cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }

        var now = clock.GetCurrentInstant().ToUnixTimeTicks();
        var start = now - (now % window.Ticks);
        var hits = (await db.Database.SqlQueryRaw<int>(
            "INSERT INTO shop_rate_limits (partition_key, window_start, hits) VALUES ({0}, {1}, 1) ON CONFLICT (partition_key, window_start) DO UPDATE SET hits = shop_rate_limits.hits + 1 RETURNING hits AS \"Value\"",
            partition,
            start).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        if (hits == 1)
        {
            // A new window: forget the windows that ended before the previous one.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM shop_rate_limits WHERE partition_key = {0} AND window_start < {1}", [partition, start - window.Ticks], cancellationToken).ConfigureAwait(false);
        }

        return (hits <= limit, TimeSpan.FromTicks(start + window.Ticks - now));
    }

    /// <summary>The partition of a request: its kind and the member (or operator) who sent it.</summary>
    public static string Partition(string kind, System.Security.Claims.ClaimsPrincipal user) =>
        kind + ":" + (ShopClaims.TryGetMember(user, out var member) ? member.ToString(CultureInfo.InvariantCulture) : user.Identity?.Name ?? "anonymous");
}
