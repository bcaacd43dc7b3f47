namespace SocialCommerce.Commissions;

/// <summary>The operation names <see cref="Telemetry.LedgerArguments.Operation"/> carries.</summary>
internal static class LedgerOperations
{
    public const string Post = "post";
    public const string Complete = "complete";
    public const string Release = "release";
    public const string Refund = "refund";
    public const string Withdraw = "withdraw";
    public const string Hold = "hold";
    public const string LiftHold = "lift-hold";
    public const string Decline = "decline";
    public const string Adjust = "adjust";
    public const string RequestWithdrawal = "request-withdrawal";
    public const string WithdrawalStep = "withdrawal-step";
}
