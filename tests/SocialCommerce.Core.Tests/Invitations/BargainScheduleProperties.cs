using System.Linq;
using FsCheck.Xunit;
using SocialCommerce.Invitations;

namespace SocialCommerce.Core.Tests.Invitations;

public sealed class BargainScheduleProperties
{
    [Property(Arbitrary = [typeof(InvitationArbitraries)], MaxTest = 600)]
    public void Cuts_sum_to_start_minus_floor_exactly_and_each_is_at_least_the_minimum(BargainCase c)
    {
        var rule = c.Rule();
        var schedule = rule.CreateSchedule(c.Seed);

        Assert.Equal(c.Helpers, schedule.Cuts.Count);
        Assert.Equal(rule.StartPrice - rule.Floor, schedule.Cuts.Aggregate(Money.Zero(c.Currency), (sum, cut) => sum + cut));
        Assert.All(schedule.Cuts, cut => Assert.True(cut >= rule.MinimumCut && cut.IsWholeMinorUnits, $"cut {cut} below {rule.MinimumCut} ({c})"));
        Assert.Equal(rule.Floor, schedule.PriceAfter(c.Helpers));
        Assert.Equal(rule.StartPrice, schedule.PriceAfter(0));
    }

    [Property(Arbitrary = [typeof(InvitationArbitraries)], MaxTest = 500)]
    public void The_same_seed_gives_the_same_schedule_and_recorded_cuts_rebuild_it(BargainCase c)
    {
        var rule = c.Rule();
        var first = rule.CreateSchedule(c.Seed);
        var again = c.Rule().CreateSchedule(c.Seed);
        var rebuilt = BargainSchedule.FromCuts(first.StartPrice, first.Floor, first.Cuts);

        Assert.Equal(first.Cuts, again.Cuts);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(first.Hash, rebuilt.Hash);
        Assert.StartsWith("sha256:", first.Hash);
        Assert.Equal(71, first.Hash.Length);
    }

    [Property(Arbitrary = [typeof(InvitationArbitraries)], MaxTest = 500)]
    public void Decaying_cuts_never_grow_and_even_cuts_differ_by_at_most_one_minor_unit(BargainCase c)
    {
        var cuts = (c with { BoostBasisPoints = null }).Rule().CreateSchedule(c.Seed).Cuts.Select(m => m.ToMinorUnits()).ToArray();
        switch (c.Curve)
        {
            case CutCurve.Decaying:
                for (var i = 1; i < cuts.Length; i++)
                {
                    Assert.True(cuts[i] <= cuts[i - 1], $"cut {i + 1} = {cuts[i]} > cut {i} = {cuts[i - 1]} ({c})");
                }

                break;
            case CutCurve.Even:
                Assert.True(cuts.Max() - cuts.Min() <= 1, c.ToString());
                break;
        }
    }
}
