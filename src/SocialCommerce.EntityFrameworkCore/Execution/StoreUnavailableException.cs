using System;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// The database could not be reached (or kept failing transiently) for every attempt of a command: nothing of it was
/// written. The message names the command, the attempts and the provider's error.
/// </summary>
public sealed class StoreUnavailableException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    /// <param name="command">The command, as the store names it.</param>
    /// <param name="attempts">How many times it was tried.</param>
    /// <param name="innerException">The last failure.</param>
    public StoreUnavailableException(string command, int attempts, Exception innerException)
        : base($"SocialCommerce store: '{command}' failed {attempts} times because the database was unavailable ({innerException?.GetBaseException().Message}); nothing was written.", innerException)
    {
        Command = command;
        Attempts = attempts;
    }

    /// <summary>Gets the command, as the store names it.</summary>
    public string Command { get; }

    /// <summary>Gets how many times it was tried.</summary>
    public int Attempts { get; }
}
