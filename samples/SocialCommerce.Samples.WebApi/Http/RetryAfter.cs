using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>
/// Every 503 the shop returns says when to come back (<c>Retry-After</c>), as its 429 does: a busy store after a
/// second, an unreachable database (the store or <c>/health</c>) after five.
/// </summary>
internal static class RetryAfter
{
    /// <summary>Seconds a caller waits after the store gave up on contention: the others have moved on by then.</summary>
    public const int BusySeconds = 1;

    /// <summary>Seconds a caller waits while the database is unreachable.</summary>
    public const int UnavailableSeconds = 5;

    /// <summary>Adds <c>Retry-After</c> to any 503 that does not carry one yet, just before its headers are sent.</summary>
    public static IApplicationBuilder UseRetryAfterOn503(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey(HeaderNames.RetryAfter))
            {
                response.Headers.RetryAfter = UnavailableSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return System.Threading.Tasks.Task.CompletedTask;
        }, context.Response);
        await next(context);
    });
}
