using SocialCommerce.Extensions;
using SocialCommerce.Tests.Shared;

namespace SocialCommerce.Extensions.Tests.Api;

/// <summary>
/// Pins the public surface of SocialCommerce.Extensions. When this fails, review the diff between
/// the .received.txt and .approved.txt files, and copy received over approved if the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved() =>
        ApiApproval.Verify(typeof(ISocialCommerceBuilder).Assembly, "SocialCommerce.Extensions");
}
