using SocialCommerce.Testing;
using SocialCommerce.Tests.Shared;

namespace SocialCommerce.Testing.Tests.Api;

/// <summary>
/// Pins the public surface of SocialCommerce.Testing. When this fails, review the diff between
/// the .received.txt and .approved.txt files, and copy received over approved if the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved() =>
        ApiApproval.Verify(typeof(InvariantResult).Assembly, "SocialCommerce.Testing");
}
