using NodaTime;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Growth;

public sealed class StreakTests
{
    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Chatham")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void Sign_ins_at_23_30_and_00_30_local_are_two_days(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var member = new MemberId(1);
        var program = GrowthExamples.ProgramWithoutRetention;
        var first = new LocalDateTime(2026, 6, 10, 23, 30).InZoneStrictly(zone).ToInstant();
        var second = new LocalDateTime(2026, 6, 11, 0, 30).InZoneStrictly(zone).ToInstant();
        var r = program.Evaluate(program.Enrol(member, first, zone),
            [GrowthActivity.SignIn(new(1), member, first), GrowthActivity.SignIn(new(2), member, second)], second);
        Assert.Equal(2, r.State.CurrentStreak);
        Assert.Equal(10, r.State.Balance);
    }

    [Fact]
    public void The_streak_bonus_repeats_every_seven_days()
    {
        var member = new MemberId(1);
        var program = GrowthExamples.ProgramWithoutRetention;
        var start = GrowthExamples.Local(2026, 1, 1, 8);
        var signIns = new GrowthActivity[15];
        for (var i = 0; i < signIns.Length; i++)
        {
            signIns[i] = GrowthActivity.SignIn(new(i + 1), member, start + Duration.FromDays(i));
        }

        var r = program.Evaluate(program.Enrol(member, start), signIns, start + Duration.FromDays(14));
        Assert.Equal((15 * 5) + 30 + 30, r.State.Balance);
        Assert.Equal(15, r.State.LongestStreak);
    }
}
