using System;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// A command lost the race for the same rows every time it was tried (other instances kept changing them first):
/// nothing of it was written. Retrying later is safe; the message names the command and the attempts.
/// </summary>
public sealed class StoreConflictException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreConflictException"/> class.</summary>
    /// <param name="command">The command, as the store names it (e.g. <c>join group 7</c>).</param>
    /// <param name="attempts">How many times it was tried.</param>
    /// <param name="innerException">The last conflict.</param>
    public StoreConflictException(string command, int attempts, Exception? innerException)
        : base($"SocialCommerce store: '{command}' conflicted with concurrent writers {(attempts == 1 ? "once" : attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " times in a row")} and was not applied; nothing was written. Retry it, or raise SocialCommerceStoreOptions.MaxAttempts.", innerException)
    {
        Command = command;
        Attempts = attempts;
    }

    /// <summary>Gets the command, as the store names it.</summary>
    public string Command { get; }

    /// <summary>Gets how many times it was tried.</summary>
    public int Attempts { get; }
}
