using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.EntityFrameworkCore;
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
    catch (Exception exception) when (exception is StoreConflictException or StoreUnavailableException)
    {
        // Other instances kept winning the same rows, or the database is down: nothing was written; retry later.
        await Results.Problem(title: "Busy", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
    }
    catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException
        or KeyNotFoundException or JsonException or BadHttpRequestException)
    {
        var detail = exception.InnerException is { } inner ? exception.Message + " " + inner.Message : exception.Message;
        await Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
    }
});

// The SocialCommerce start-up service checks (or creates) the tables and loads the referral network from its
// state before the first request.
app.MapShop();
app.Run();

public partial class Program;
