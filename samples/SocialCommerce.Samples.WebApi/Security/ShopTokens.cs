using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// Mints tokens the sample accepts, with its configured key: for the tests and for trying the API by hand
/// (<c>dotnet run -- token 2</c>, <c>dotnet run -- token operator</c>). A real shop gets its tokens from its identity provider.
/// </summary>
public static class ShopTokens
{
    /// <summary>Creates a member's token.</summary>
    /// <param name="settings">The shop's authentication settings.</param>
    /// <param name="member">The member id.</param>
    /// <param name="lifetime">How long the token is valid.</param>
    /// <returns>The compact JWT.</returns>
    public static string ForMember(ShopAuthenticationSettings settings, long member, TimeSpan lifetime) =>
        Create(settings, member.ToString(CultureInfo.InvariantCulture), isOperator: false, lifetime);

    /// <summary>Creates an operator's token.</summary>
    /// <param name="settings">The shop's authentication settings.</param>
    /// <param name="name">The operator's name (its subject).</param>
    /// <param name="lifetime">How long the token is valid.</param>
    /// <returns>The compact JWT.</returns>
    public static string ForOperator(ShopAuthenticationSettings settings, string name, TimeSpan lifetime) =>
        Create(settings, name, isOperator: true, lifetime);

    private static string Create(ShopAuthenticationSettings settings, string subject, bool isOperator, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = settings.TryCreateKey(out var problem) ?? throw new InvalidOperationException(problem);
        var claims = new Dictionary<string, object> { [ShopClaims.Subject] = subject };
        if (isOperator)
        {
            claims[ShopClaims.Role] = ShopClaims.OperatorRole;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
