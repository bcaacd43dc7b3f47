using System.Globalization;

namespace SocialCommerce.Invitations;

/// <summary>
/// Identifies one invitation (a bargain or an assist campaign a member opened): the host's own 64-bit identifier.
/// </summary>
/// <param name="Value">The host's identifier of the invitation.</param>
public readonly record struct InvitationId(long Value)
{
    /// <summary>Formats as the underlying value, e.g. <c>"17"</c>.</summary>
    /// <returns>The value in the invariant culture.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
