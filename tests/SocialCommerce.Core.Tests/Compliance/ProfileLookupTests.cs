using System.Collections.Generic;
using SocialCommerce.Compliance;

namespace SocialCommerce.Core.Tests.Compliance;

public sealed class ProfileLookupTests
{
    [Theory]
    [InlineData("cn-social-commerce")]
    [InlineData("CN-DIRECT-SELLING")]
    [InlineData("two-level-distribution")]
    [InlineData("us-ftc-mlm")]
    [InlineData("eu-ucpd")]
    public void Built_in_profiles_are_found_by_name_ignoring_case(string name)
    {
        Assert.True(ComplianceProfiles.TryGet(name, out var profile));
        Assert.Equal(name, profile.Name, ignoreCase: true);
        Assert.Same(profile, ComplianceProfiles.Get(name));
    }

    [Fact]
    public void An_unknown_name_is_refused_listing_the_built_in_names()
    {
        Assert.False(ComplianceProfiles.TryGet("mlm-anything-goes", out _));
        Assert.False(ComplianceProfiles.TryGet(null, out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => ComplianceProfiles.Get("mlm-anything-goes"));
        Assert.Contains("'mlm-anything-goes'", ex.Message);
        Assert.Contains("'cn-social-commerce'", ex.Message);
    }
}
