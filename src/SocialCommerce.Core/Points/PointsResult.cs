using System;
using System.Collections.Generic;

namespace SocialCommerce.Points;

/// <summary>What a wallet command did: its outcome, the refusal and message, and the entries it wrote.</summary>
public sealed class PointsResult
{
    private readonly Func<string> _describe;
    private string? _message;

    internal PointsResult(PointsOutcome outcome, PointsRefusal refusal, Func<string> describe, IReadOnlyList<PointsEntry> entries)
    {
        Outcome = outcome;
        Refusal = refusal;
        _describe = describe;
        Entries = entries;
    }

    /// <summary>Gets whether the command was applied, a duplicate, or refused.</summary>
    public PointsOutcome Outcome { get; }

    /// <summary>Gets why it was refused, or <see cref="PointsRefusal.None"/>.</summary>
    public PointsRefusal Refusal { get; }

    /// <summary>Gets what happened, naming the ids and numbers (formatted when first read).</summary>
    public string Message => _message ??= _describe();

    /// <summary>Gets the entries written (none unless applied).</summary>
    public IReadOnlyList<PointsEntry> Entries { get; }

    /// <summary>Gets a value indicating whether the command changed the wallet.</summary>
    public bool IsApplied => Outcome == PointsOutcome.Applied;

    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Message}";
}
