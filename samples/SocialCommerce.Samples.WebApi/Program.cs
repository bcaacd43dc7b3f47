using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.Samples.WebApi;
using SocialCommerce.Samples.WebApi.Clock;
using SocialCommerce.Samples.WebApi.Errors;
using SocialCommerce.Samples.WebApi.Http;
using SocialCommerce.Samples.WebApi.Security;

var builder = WebApplication.CreateBuilder(args);
// In Development, Shop:ClockOffset runs the shop ahead in time (watch a 7-day return window close by hand).
OffsetClock.AddIfConfigured(builder.Services, builder.Configuration, builder.Environment);
builder.Services.AddShop(builder.Configuration);
builder.Services.AddShopSecurity();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ShopExceptionHandler>();
// Bad JSON bodies throw (instead of a bare 400) so that the problem can name the path of the offending value.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// Request bodies are read strictly: a property given twice is refused (a gateway reading the first and the shop the
// last would disagree), and so is a number with more digits than an exact amount holds (instead of rounding it).
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.AllowDuplicateProperties = false;
    options.SerializerOptions.Converters.Add(new ExactDecimalConverter());
});
// The largest body the API takes: a sale of a few hundred lines. Kestrel enforces it; the middleware below answers
// a declared larger body with 413 problem details before anything reads it (and covers hosts without Kestrel).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ShopLimits.MaxRequestBodyBytes);
builder.Services.AddOpenApi(ShopOpenApi.Configure);
builder.Services.AddHealthChecks().AddSocialCommerceStore();

var app = builder.Build();
if (args is ["token", var who, ..])
{
    // Mints a token with the configured key for trying the API by hand: `dotnet run -- token 2` or `-- token operator`.
    var settings = app.Services.GetRequiredService<IOptions<ShopAuthenticationSettings>>().Value;
    Console.WriteLine(who == "operator"
        ? ShopTokens.ForOperator(settings, "operator", TimeSpan.FromHours(8))
        : ShopTokens.ForMember(settings, long.Parse(who, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));
    return;
}

// Every 503 (a busy store, an unreachable database, /health) says when to retry.
app.UseRetryAfterOn503();
// Every error, thrown or a bare status code (401, 403, 404, 405, ...), is answered as problem details.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(async (context, next) =>
{
    if (context.Request.ContentLength > ShopLimits.MaxRequestBodyBytes)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large", detail: $"The body has {context.Request.ContentLength} bytes; this API takes at most {ShopLimits.MaxRequestBodyBytes}.").ExecuteAsync(context);
        return;
    }

    await next(context);
});
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    // A browsable API page over the OpenAPI document (Scalar), at /scalar: paste a token from `-- token operator`.
    app.MapScalarApiReference().AllowAnonymous();
}
app.MapHealthChecks("/health").AllowAnonymous();

// The SocialCommerce start-up service checks (or creates) the tables and loads the referral network from its
// state before the first request.
app.MapShop();
app.Run();

public partial class Program;
