using System;
using SocialCommerce.Points;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnMall"/> receives.</summary>
public readonly struct MallArguments
{
    /// <summary>Initializes the arguments of a points-mall command a store decided (and, when applied, committed).</summary>
    /// <param name="itemId">The item (<c>unknown</c> for a step on a redemption never made).</param>
    /// <param name="operation">The command: <c>redeem</c>, <c>complete</c>, <c>cancel</c> or <c>refund</c>.</param>
    /// <param name="result">The result, with the wallet's part.</param>
    public MallArguments(string itemId, string operation, MallResult result)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(result);
        ItemId = itemId;
        Operation = operation;
        Result = result;
    }

    /// <summary>Gets the item.</summary>
    public string ItemId { get; }

    /// <summary>Gets the command.</summary>
    public string Operation { get; }

    /// <summary>Gets the result.</summary>
    public MallResult Result { get; }
}
