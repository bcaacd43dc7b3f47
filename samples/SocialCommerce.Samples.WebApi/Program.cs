using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Samples.WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShop(builder.Configuration);
builder.Services.AddProblemDetails();
// Bad JSON bodies throw (instead of a bare 400) so that the problem below can name the offending value.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

var app = builder.Build();

app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException
        or KeyNotFoundException or JsonException or BadHttpRequestException)
    {
        var detail = exception.InnerException is { } inner ? exception.Message + " " + inner.Message : exception.Message;
        await Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
    }
});

// Replay the command log now, so a corrupt log stops the host at start rather than at the first request.
app.Services.GetRequiredService<Shop>();
app.MapShop();
app.Run();

/// <summary>The web host's entry point (public so that integration tests can start it).</summary>
public partial class Program;
