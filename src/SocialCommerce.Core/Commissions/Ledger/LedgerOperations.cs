namespace SocialCommerce.Commissions;

/// <summary>The operation names <see cref="Telemetry.LedgerArguments.Operation"/> carries.</summary>
internal static class LedgerOperations
{
    public const string Post = "post";
    public const string Complete = "complete";
    public const string Release = "release";
    public const string Refund = "refund";
    public const string Withdraw = "withdraw";
}
