namespace SocialCommerce.Points;

/// <summary>What a points-mall command did: its outcome, the refusal and message, the redemption and the wallet's part.</summary>
public sealed class MallResult
{
    internal MallResult(PointsOutcome outcome, MallRefusal refusal, string message, MallRedemption? redemption, PointsResult? wallet)
    {
        Outcome = outcome;
        Refusal = refusal;
        Message = message;
        Redemption = redemption;
        Wallet = wallet;
    }

    /// <summary>Gets whether the command was applied, a duplicate, or refused.</summary>
    public PointsOutcome Outcome { get; }

    /// <summary>Gets why it was refused, or <see cref="MallRefusal.None"/>.</summary>
    public MallRefusal Refusal { get; }

    /// <summary>Gets what happened, naming the ids and numbers.</summary>
    public string Message { get; }

    /// <summary>Gets the redemption as it stands after the command (null when refused before one existed).</summary>
    public MallRedemption? Redemption { get; }

    /// <summary>Gets what the command did to the member's wallet (its entries), or null when it did not touch it.</summary>
    public PointsResult? Wallet { get; }

    /// <summary>Gets a value indicating whether the command changed the mall.</summary>
    public bool IsApplied => Outcome == PointsOutcome.Applied;

    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Message}";
}
