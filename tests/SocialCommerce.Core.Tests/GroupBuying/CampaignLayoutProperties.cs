using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using Xunit;

namespace SocialCommerce.Core.Tests.GroupBuying;

/// <summary>
/// The quota's layout (a group's seats found by a scan, then by an open-addressing index; members' holdings in one
/// open-addressing table) answers exactly as a list and a dictionary would, across the scan-to-index switch, removals
/// and every growth step.
/// </summary>
public sealed class CampaignLayoutProperties
{
    private static readonly Instant At = Instant.FromUtc(2026, 12, 1, 0, 0);

    /// <summary>Adds (0–2), removals (3) and lookups of 1–400 members, any ids (negative, colliding in the low bits).</summary>
    public static Gen<(int Kind, long Member)[]> Steps { get; } =
        Gen.Zip(Gen.Choose(0, 3), Gen.OneOf(Gen.Choose(-200, 200).Select(v => (long)v), Gen.Choose(0, 400).Select(v => (long)v << 40), Gen.Choose(int.MinValue, int.MaxValue).Select(v => (long)v * 3_000_000_000L)))
            .Select(t => (t.Item1, t.Item2)).ArrayOf().Resize(1_200);

    [Property(MaxTest = 200)]
    public Property Group_seats_answer_as_a_list() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var seats = new CampaignGroupSeats(2);
        var model = new List<MemberId>();
        foreach (var (kind, value) in steps)
        {
            var member = new MemberId(value);
            if (kind < 3 && !model.Contains(member))
            {
                seats.Add(new CampaignSeatRow(new GroupBuyId(1), member, 0, kind + 1, CampaignSeatStatus.Reserved, At, At));
                model.Add(member);
            }
            else if (kind == 3 && model.IndexOf(member) is var at and >= 0)
            {
                Assert.Equal(at, seats.IndexOf(member));
                seats.RemoveAt(at);
                model.RemoveAt(at);
            }

            Assert.Equal(model.IndexOf(member), seats.IndexOf(member));
        }

        Assert.Equal(model, seats.Rows.ToArray().Select(r => r.Member));
        Assert.All(model, (m, i) => Assert.Equal(i, seats.IndexOf(m)));
    });

    [Property(MaxTest = 200)]
    public Property Holdings_answer_as_a_dictionary() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var holdings = new CampaignHoldings();
        var model = new Dictionary<MemberId, (int Units, int Groups)>();
        foreach (var (kind, value) in steps)
        {
            var member = new MemberId(value);
            var held = model.GetValueOrDefault(member);
            var (units, groups) = kind == 3 && held.Groups > 0 ? (-held.Units, -1) : (kind + 1, 1);
            holdings.Add(member, units, groups);
            model[member] = (held.Units + units, held.Groups + groups);
            Assert.Equal(model[member], holdings.Get(member));
        }

        Assert.All(model, kv => Assert.Equal(kv.Value, holdings.Get(kv.Key)));
        Assert.Equal(default, holdings.Get(new MemberId(long.MaxValue)));
    });
}
