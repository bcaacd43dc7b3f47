using System;
using System.Security.Cryptography;
using System.Text;

namespace SocialCommerce.Serialization;

/// <summary>
/// The version of a plan, rule or policy that has no explicit one: a hash of its canonical content, so that two equal
/// configurations have the same version on every machine and any change gives a new one.
/// </summary>
internal static class ContentVersion
{
    /// <summary>Returns <c>"sha256:"</c> and the first 16 hex digits of the SHA-256 of the canonical text.</summary>
    public static string Of(string canonical)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), hash);
        return "sha256:" + Convert.ToHexString(hash[..8]).ToLowerInvariant();
    }
}
