using System;
using System.Text.Json;

namespace SocialCommerce;

/// <summary>
/// Thrown when stored state — a snapshot, an event history or its JSON — is not one the engine could have reached:
/// buckets that do not add up, a negative balance, a sale that disagrees with its accounts, a bargain whose cuts do not
/// match its schedule, an event that breaks its own refusal rules, or JSON that does not read. Every
/// <c>FromSnapshot</c>, <c>FromHistory</c> and <c>Restore</c> of the SDK throws it, and nothing else, for damaged input.
/// </summary>
/// <remarks>
/// <see cref="JsonException.Path"/> names where: a JSON path such as <c>$.accounts[3].available</c> for a snapshot, or
/// <c>$[4].cut</c> for the fifth event of a history; <see cref="Value"/> is what was found there. Nothing is restored.
/// A <see cref="JsonException"/>, so a host that reads stored JSON and restores it catches one type for both steps.
/// </remarks>
public sealed class CorruptStateException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">What was restored, e.g. <c>"ledger snapshot"</c>.</param>
    /// <param name="path">Where the damage is, e.g. <c>"$.accounts[3].available"</c>.</param>
    /// <param name="value">What was found there, formatted.</param>
    /// <param name="problem">Which invariant it breaks.</param>
    /// <param name="innerException">The underlying error (a JSON reader's), if any.</param>
    public CorruptStateException(string state, string path, string value, string problem, Exception? innerException = null)
        : base($"Cannot restore the {state}: {path} = {value}: {problem}", path, null, null, innerException)
    {
        State = state;
        Value = value;
        Problem = problem;
    }

    /// <summary>Gets what was restored, e.g. <c>"ledger snapshot"</c>.</summary>
    public string State { get; }

    /// <summary>Gets what was found there, formatted.</summary>
    public string Value { get; }

    /// <summary>Gets which invariant it breaks.</summary>
    public string Problem { get; }
}
