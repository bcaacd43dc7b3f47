using System;
using SocialCommerce.Points;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnPoints"/> receives.</summary>
public readonly struct PointsArguments
{
    /// <summary>Initializes the arguments of a wallet command a store decided (and, when applied, committed).</summary>
    /// <param name="operation">The command: <c>earn</c>, <c>sign-in</c>, <c>task</c>, <c>complete-purchase</c>, <c>reserve</c>, <c>commit</c>, <c>release</c>, <c>return</c>, <c>take-back</c> or <c>settle</c>.</param>
    /// <param name="result">The result and its entries.</param>
    public PointsArguments(string operation, PointsResult result)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(result);
        Operation = operation;
        Result = result;
    }

    /// <summary>Gets the command.</summary>
    public string Operation { get; }

    /// <summary>Gets the result: its outcome, refusal and entries.</summary>
    public PointsResult Result { get; }
}
