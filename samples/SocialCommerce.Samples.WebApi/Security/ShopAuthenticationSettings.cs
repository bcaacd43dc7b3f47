using System;
using Microsoft.IdentityModel.Tokens;

namespace SocialCommerce.Samples.WebApi.Security;

/// <summary>
/// How the shop checks bearer tokens (section <c>Shop:Authentication</c>): JWTs signed with one symmetric key
/// (HMAC-SHA256), from one issuer, for one audience. A real shop points the JWT bearer handler at its identity
/// provider instead (<c>Authority</c>); the policies stay the same.
/// </summary>
public sealed class ShopAuthenticationSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shop:Authentication";

    /// <summary>
    /// The development key committed in appsettings.Development.json: public, so the host refuses to start with it in any
    /// environment but Development.
    /// </summary>
    public const string DevelopmentKey = "ZGV2ZWxvcG1lbnQtb25seS1rZXktbmV2ZXItdXNlLWluLXByb2R1Y3Rpb24hIQ==";

    /// <summary>Gets or sets the issuer tokens must name.</summary>
    public string Issuer { get; set; } = "socialcommerce-sample";

    /// <summary>Gets or sets the audience tokens must name.</summary>
    public string Audience { get; set; } = "shop-api";

    /// <summary>Gets or sets the signing key, base64 of at least 32 bytes. Required: the host does not start without it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Gets the signing key, or null with the reason when it is missing or too short.</summary>
    /// <param name="problem">Why there is no key.</param>
    /// <returns>The key.</returns>
    public SymmetricSecurityKey? TryCreateKey(out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            problem = $"{SectionName}:SigningKey is missing: set a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`).";
            return null;
        }

        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length))
        {
            problem = $"{SectionName}:SigningKey is not base64.";
            return null;
        }

        if (length < 32)
        {
            problem = $"{SectionName}:SigningKey has {length} bytes; HMAC-SHA256 needs at least 32.";
            return null;
        }

        return new SymmetricSecurityKey(bytes.AsSpan(0, length).ToArray());
    }
}
