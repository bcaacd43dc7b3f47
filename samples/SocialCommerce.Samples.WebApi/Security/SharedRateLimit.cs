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
    /// <summary>Limits joins and group openings per member (<see cref="RateLimitSettings.Joins"/>), across instances.</summary>
    public static TBuilder LimitJoins<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => LimitAsync(context, next, RateLimitSettings.Joins, "joins"));

    /// <summary>Limits a member's writes (<see cref="RateLimitSettings.Writes"/>), across instances.</summary>
    public static TBuilder LimitWrites<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => LimitAsync(context, next, RateLimitSettings.Writes, "writes"));

    private static async ValueTask<object?> LimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string name, string what)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().Get(name);
        var (limit, window) = (settings.PermitLimit, settings.Window);
        var limiter = http.RequestServices.GetRequiredService<SharedRateLimiter>();
        var (allowed, retryAfter) = await limiter.TryAcquireAsync(SharedRateLimiter.Partition(name, http.User), limit, window, http.RequestAborted).ConfigureAwait(false);
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
