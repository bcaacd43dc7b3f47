using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// The endpoint filter that applies a <see cref="SharedRateLimiter"/> limit to a route: over it, 429 problem details
/// with <c>Retry-After</c>, and the handler does not run.
/// </summary>
internal static class SharedRateLimit
{
    /// <summary>Limits joins and group openings per member (<see cref="JoinRateLimitSettings"/>), across instances.</summary>
    public static TBuilder LimitJoins<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<JoinRateLimitSettings>>().Value;
            return await LimitAsync(context, next, "joins", "joins", settings.PermitLimit, settings.Window).ConfigureAwait(false);
        });

    /// <summary>Limits a member's writes (<see cref="WriteRateLimitSettings"/>), across instances.</summary>
    public static TBuilder LimitWrites<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<WriteRateLimitSettings>>().Value;
            return await LimitAsync(context, next, "writes", "writes", settings.PermitLimit, settings.Window).ConfigureAwait(false);
        });

    private static async ValueTask<object?> LimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string kind, string what, int limit, TimeSpan window)
    {
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<SharedRateLimiter>();
        var (allowed, retryAfter) = await limiter.TryAcquireAsync(SharedRateLimiter.Partition(kind, http.User), limit, window, http.RequestAborted).ConfigureAwait(false);
        if (allowed)
        {
            return await next(context).ConfigureAwait(false);
        }

        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            title: "Too many requests",
            detail: $"At most {limit} {what} per {window} for one member; try again later.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
