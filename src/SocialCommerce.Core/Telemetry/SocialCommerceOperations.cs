namespace SocialCommerce.Telemetry;

/// <summary>
/// The names of the operations passed to <see cref="SocialCommerceListener.StartOperation"/>.
/// </summary>
public static class SocialCommerceOperations
{
    /// <summary>Quoting a sale (<c>CommissionEngine.Quote</c>).</summary>
    public const string Quote = "socialcommerce.quote";

    /// <summary>Auditing a referral network (<c>ComplianceProfile.AuditNetwork</c>).</summary>
    public const string Audit = "socialcommerce.audit";
}
