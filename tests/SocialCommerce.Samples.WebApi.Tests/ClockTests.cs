using System;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace SocialCommerce.Samples.WebApi.Tests;

/// <summary>The sample's clock (issue 26): the container's IClock, ahead by Shop:ClockOffset in Development only.</summary>
public sealed class ClockTests
{
    [Fact]
    public void In_Development_Shop_ClockOffset_runs_the_shop_ahead_by_the_offset()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0))) { SystemTime = true, Settings = [("Shop:ClockOffset", "8.00:00:00")] };
        var now = factory.Services.GetRequiredService<IClock>().GetCurrentInstant();
        var expected = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(8);
        Assert.InRange(now, expected - Duration.FromMinutes(1), expected + Duration.FromMinutes(1));
    }

    [Fact]
    public void Outside_Development_Shop_ClockOffset_stops_the_host_naming_it()
    {
        using var database = new TemporaryDatabase();
        using var factory = new ShopFactory(database.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)))
        {
            SystemTime = true,
            Environment = "Production",
            Settings = [("Shop:ClockOffset", "8.00:00:00")],
        };
        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains("Shop:ClockOffset = '8.00:00:00' is for Development only", error.Message);
    }
}
