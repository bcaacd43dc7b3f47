using System;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Checkout;
using SocialCommerce.Coupons;

namespace SocialCommerce.Extensions.Tests.Registration;

public sealed class CouponTemplateRegistrationTests
{
    private static CouponTemplate Template(string id, decimal off) => new(id, CouponOffer.AmountOff(new Money(off, Currency.CNY)), 100, 1, CouponValidity.DaysFromIssue(7));

    [Fact]
    public void A_template_resolves_by_its_id_and_registering_it_again_is_harmless()
    {
        var services = new ServiceCollection();
        var flash = Template("flash", 10m);
        services.AddSocialCommerce().AddCouponTemplate(flash).AddCouponTemplate(flash).AddCouponTemplate(Template("welcome", 5m));
        using var provider = services.BuildServiceProvider();
        Assert.Same(flash, provider.GetRequiredKeyedService<CouponTemplate>("flash"));
        Assert.Equal("welcome", provider.GetRequiredKeyedService<CouponTemplate>("welcome").TemplateId);
    }

    [Fact]
    public void Another_template_under_a_registered_id_is_refused_naming_it()
    {
        var builder = new ServiceCollection().AddSocialCommerce().AddCouponTemplate(Template("flash", 10m));
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCouponTemplate(Template("flash", 20m)));
        Assert.Contains("'flash' is registered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mall_item_resolves_by_its_id_and_another_under_its_id_is_refused_naming_it()
    {
        static SocialCommerce.Points.MallItem Mug(long points) => SocialCommerce.Points.MallItem.Create("mug", new SocialCommerce.Points.MallItemOptions { Points = points, Quota = 10 });
        var mug = Mug(100);
        var services = new ServiceCollection();
        var builder = services.AddSocialCommerce().AddMallItem(mug).AddMallItem(mug);
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddMallItem(Mug(200)));
        Assert.Contains("Mall item 'mug' is registered twice", error.Message, StringComparison.Ordinal);
        using var provider = services.BuildServiceProvider();
        Assert.Same(mug, provider.GetRequiredKeyedService<SocialCommerce.Points.MallItem>("mug"));
    }
}
