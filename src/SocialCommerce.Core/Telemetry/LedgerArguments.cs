using SocialCommerce.Commissions;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnLedger"/> receives.</summary>
public readonly struct LedgerArguments
{
    internal LedgerArguments(string operation, LedgerResult result)
    {
        Operation = operation;
        Result = result;
    }

    /// <summary>Gets the operation: <c>post</c>, <c>complete</c>, <c>release</c>, <c>refund</c> or <c>withdraw</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets the result: applied with its entries (earnings, releases, cancellations, clawbacks, withdrawals), a duplicate, or refused with a reason.</summary>
    public LedgerResult Result { get; }
}
