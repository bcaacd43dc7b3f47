using SocialCommerce.Tests.Shared;

namespace SocialCommerce.EntityFrameworkCore.Tests.Api;

/// <summary>
/// Pins the public surface of SocialCommerce.EntityFrameworkCore. When this fails, review the diff between
/// the .received.txt and .approved.txt files, and copy received over approved if the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved() =>
        ApiApproval.Verify(typeof(SocialCommerceDbContext).Assembly, "SocialCommerce.EntityFrameworkCore");
}
