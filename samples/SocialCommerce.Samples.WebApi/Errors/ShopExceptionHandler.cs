using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialCommerce.Compliance;
using SocialCommerce.EntityFrameworkCore;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.WebApi.Errors;

/// <summary>
/// Turns every exception into RFC 9457 problem details: the SDK's message for what the caller can fix (400), 404 for
/// unknown members and groups, 409 for a compliance refusal, 503 when the database is busy or down, and a bare 500
/// (logged, with the trace id; never the exception's text or type) for everything else.
/// </summary>
internal sealed partial class ShopExceptionHandler(IProblemDetailsService problems, ILogger<ShopExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, field) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (exception is StoreConflictException)
        {
            httpContext.Response.Headers.RetryAfter = Http.RetryAfter.BusySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var context = new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = { Status = status, Title = title, Detail = detail } };
        if (field is not null)
        {
            context.ProblemDetails.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(context).ConfigureAwait(false);
    }

    internal static (int Status, string Title, string Detail, string? Field) Classify(Exception exception) => exception switch
    {
        StoreConflictException or StoreUnavailableException =>
            (StatusCodes.Status503ServiceUnavailable, "Busy", "The shop is busy; nothing was written. Retry later.", null),
        // The SDK's error families: a rule or currency the request names is a bad request; any other unknown id is 404;
        // a compliance refusal is a conflict; stored state that does not restore is the server's fault (500, logged).
        UnknownGroupBuyRuleException => (StatusCodes.Status400BadRequest, "Invalid request", exception.Message, "rule"),
        UnknownCurrencyException => (StatusCodes.Status400BadRequest, "Invalid request", exception.Message, "currency"),
        UnknownIdException => (StatusCodes.Status404NotFound, "Not found", exception.Message, null),
        CorruptStateException => (StatusCodes.Status500InternalServerError, "Internal error", "The request could not be completed; it was logged under this problem's traceId.", null),
        RequestValidationException validation => (StatusCodes.Status400BadRequest, "Invalid request", validation.Message, validation.Field),
        BadHttpRequestException { InnerException: JsonException json } => Malformed(json),
        JsonException json => Malformed(json),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request body is missing or is not JSON of the expected shape.", "$"),
        ComplianceException => (StatusCodes.Status409Conflict, "Refused by compliance", exception.Message, null),
        ArgumentException argument => (StatusCodes.Status400BadRequest, "Invalid request", WithoutParameterSuffix(argument), argument.ParamName),
        ReferralBindingException => (StatusCodes.Status400BadRequest, "Invalid request", exception.Message, "referrerId"),
        CurrencyMismatchException => (StatusCodes.Status400BadRequest, "Invalid request", exception.Message, "currency"),
        FormatException => (StatusCodes.Status400BadRequest, "Invalid request", exception.Message, "$"),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", "The request could not be completed; it was logged under this problem's traceId.", null),
    };

    // System.Text.Json's message names .NET types ("could not be converted to System.Decimal"); the path says enough.
    private static (int, string, string, string?) Malformed(JsonException json) =>
        (StatusCodes.Status400BadRequest, "Malformed request body", $"The value at {json.Path ?? "$"} is not valid JSON of the expected type.", json.Path ?? "$");

    // ArgumentException.Message appends " (Parameter 'x')" and, out of range, "Actual value was ..."; the SDK's own text names both.
    private static string WithoutParameterSuffix(ArgumentException argument)
    {
        var message = argument.Message;
        var actual = message.IndexOf(Environment.NewLine + "Actual value was", StringComparison.Ordinal);
        if (actual >= 0)
        {
            message = message[..actual];
        }

        var suffix = $" (Parameter '{argument.ParamName}')";
        return argument.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
