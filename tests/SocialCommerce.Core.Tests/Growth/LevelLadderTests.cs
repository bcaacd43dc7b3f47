using System;
using SocialCommerce.Growth;
using static SocialCommerce.Core.Tests.Growth.GrowthExamples;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class LevelLadderTests
{
    [Theory]
    [InlineData(0, "V1")]
    [InlineData(499, "V1")]
    [InlineData(500, "V2")]
    [InlineData(1_999, "V2")]
    [InlineData(2_000, "V3")]
    [InlineData(5_999, "V3")]
    [InlineData(6_000, "V4")]
    [InlineData(14_999, "V4")]
    [InlineData(15_000, "V5")]
    [InlineData(long.MaxValue, "V5")]
    [InlineData(-10, "V1")]
    public void Level_is_the_highest_whose_threshold_the_balance_meets(long balance, string level) =>
        Assert.Equal(level, Ladder.LevelFor(balance).Name);

    [Fact]
    public void A_ladder_is_validated()
    {
        Assert.Throws<ArgumentException>(() => new LevelLadder([]));
        Assert.Throws<ArgumentException>(() => new LevelLadder([new GrowthLevel("V1", 10)]));
        Assert.Throws<ArgumentException>(() => new LevelLadder([new GrowthLevel("V1", 0), new GrowthLevel("V2", 0)]));
        Assert.Throws<ArgumentException>(() => new LevelLadder([new GrowthLevel("V1", 0), new GrowthLevel("V1", 5)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrowthLevel("V1", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LevelBenefits(Rate.Zero, -1));
        Assert.Throws<ArgumentException>(() => new RetentionPolicy(RetentionPeriod.Monthly, gracePeriod: NodaTime.Period.FromHours(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy(RetentionPeriod.Monthly, rollingWindowMonths: 0));
    }
}
