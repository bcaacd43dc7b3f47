namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>The authorization and rate-limiting policies the endpoints name.</summary>
public static class ShopPolicies
{
    /// <summary>Staff and back-office services: posting sales, refunds, releases, audits, registrations.</summary>
    public const string Operator = "operator";

    /// <summary>Any member (the token's subject is a member id).</summary>
    public const string Member = "member";

    /// <summary>The member of the route's account only (withdrawals).</summary>
    public const string OwnAccount = "own-account";

    /// <summary>The member of the route's account, or an operator (reading an account).</summary>
    public const string OwnAccountOrOperator = "own-account-or-operator";

}
