using System.Globalization;
using System.Security.Claims;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// The claims the shop reads from a token: <c>sub</c>, the member id (digits) of a member, or any name of an
/// operator; <c>role</c> = <c>operator</c> for the shop's staff and back-office services.
/// </summary>
public static class ShopClaims
{
    /// <summary>The subject claim.</summary>
    public const string Subject = "sub";

    /// <summary>The role claim.</summary>
    public const string Role = "role";

    /// <summary>The operator role.</summary>
    public const string OperatorRole = "operator";

    /// <summary>Gets the member the caller is, if the token's subject is a member id.</summary>
    /// <param name="user">The caller.</param>
    /// <param name="member">The member id.</param>
    /// <returns>Whether the caller is a member.</returns>
    public static bool TryGetMember(ClaimsPrincipal user, out long member)
    {
        member = 0;
        return user.FindFirst(Subject)?.Value is { } subject
            && long.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out member)
            && member > 0;
    }

    /// <summary>Tells whether the caller is the given member.</summary>
    /// <param name="user">The caller.</param>
    /// <param name="member">The member id.</param>
    /// <returns>Whether the token's subject is that member.</returns>
    public static bool IsMember(ClaimsPrincipal user, long member) => TryGetMember(user, out var id) && id == member;
}
