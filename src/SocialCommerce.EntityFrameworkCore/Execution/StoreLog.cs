using System;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// What the stores log (category <c>SocialCommerce.EntityFrameworkCore</c>): a conflict or a transient failure they
/// handle is logged once per attempt at Debug, never as an error; a command that runs out of attempts at Warning (the
/// caller gets the exception and decides how loud to be).
/// </summary>
internal static partial class StoreLog
{
    /// <summary>The log category.</summary>
    public const string Category = "SocialCommerce.EntityFrameworkCore";

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "SocialCommerce store: '{Command}' conflicted with another writer on attempt {Attempt}; retrying (handled, nothing was written).")]
    public static partial void ConflictRetried(ILogger logger, string command, int attempt);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "SocialCommerce store: '{Command}' failed transiently on attempt {Attempt}; retrying (handled, nothing was written).")]
    public static partial void TransientRetried(ILogger logger, Exception exception, string command, int attempt);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "SocialCommerce store: '{Command}' gave up after {Attempts} attempts in {Elapsed} ({Failure}); nothing was written.")]
    public static partial void GaveUp(ILogger logger, Exception exception, string command, int attempts, TimeSpan elapsed, string failure);
}
