using System;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// The database could not be reached (or kept failing transiently) for every attempt of a command: nothing of it was
/// written. The message names the command, the attempts and what to do — never the provider's own text (a host may
/// return the message to a caller); the provider's error is the <see cref="Exception.InnerException"/>, for logs.
/// </summary>
public sealed class StoreUnavailableException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    /// <param name="command">The command, as the store names it.</param>
    /// <param name="attempts">How many times it was tried.</param>
    /// <param name="innerException">The last failure.</param>
    public StoreUnavailableException(string command, int attempts, Exception innerException)
        : base($"SocialCommerce store: '{command}' could not reach the database ({Count(attempts)}); nothing was written. Retry later; the cause is logged with the inner exception.", innerException)
    {
        Command = command;
        Attempts = attempts;
    }

    /// <summary>Gets the command, as the store names it.</summary>
    public string Command { get; }

    /// <summary>Gets how many times it was tried.</summary>
    public int Attempts { get; }

    private static string Count(int attempts) => attempts == 1 ? "1 attempt" : attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts";
}
