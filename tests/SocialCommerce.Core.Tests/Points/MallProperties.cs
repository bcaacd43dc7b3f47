using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Points;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>One command of a generated mall history.</summary>
public sealed record MallStep(int Kind, int Redemption, int Member, int Quantity, long Earned, int Minutes)
{
    public override string ToString() => $"{(Kind switch { 0 => "earn", 1 or 2 => "redeem", 3 => "complete", 4 => "cancel", _ => "refund" })}(M-{Redemption}, member {Member}, {Quantity} units, +{Earned} pts, +{Minutes} min)";
}

/// <summary>A generated item (any supported price, 0–3-digit currencies) and its history.</summary>
public sealed record MallCase(MallItem Item, MallStep[] Steps)
{
    public override string ToString() => $"{Item.ItemId}: {Item.Points} pts + {Item.Price?.ToString() ?? "nothing"}, quota {Item.Quota}, {Item.PerMemberLimit} a member; {string.Join("; ", Steps.AsEnumerable())}";
}

public static class MallArbitraries
{
    public static Gen<MallCase> Cases { get; } =
        from quota in Gen.Frequency((4, Gen.Choose(1, 12)), (1, Gen.Choose(13, MallItem.MaxQuota)))
        from perMember in Gen.Choose(1, 5)
        from points in Gen.Frequency((4, Gen.Choose(1, 500).Select(p => (long)p)), (1, MoneyGen.ChooseLong(1, Limits.MaxPoints / 5)))
        from currency in MoneyGen.Currencies
        from priced in Gen.Elements(true, false)
        from price in MoneyGen.Amounts(currency, Limits.MaxMinorUnits / 5)
        from steps in (from kind in Gen.Choose(0, 5)
                       from redemption in Gen.Choose(0, 9)
                       from member in Gen.Choose(1, 4)
                       from quantity in Gen.Frequency((6, Gen.Choose(1, 3)), (1, Gen.Choose(4, 8)))
                       from earned in Gen.Frequency((3, Gen.Choose(1, 1_000).Select(e => (long)e)), (1, MoneyGen.ChooseLong(1, Limits.MaxPoints / 50)))
                       from minutes in Gen.Choose(0, 600)
                       select new MallStep(kind, redemption, member, quantity, earned, minutes)).ArrayOf()
        select new MallCase(
            MallItem.Create("item", new MallItemOptions
            {
                Points = points,
                Price = priced && price.Amount > 0 ? price : null,
                Quota = quota,
                PerMemberLimit = Math.Min(perMember, quota),
            }),
            steps.Take(80).ToArray());

    public static Arbitrary<MallCase> Mall() => Cases.ToArbitrary();
}

/// <summary>The points mall (issue 27) under random histories: units and points always agree.</summary>
public sealed class MallProperties
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 0, 0);

    [Property(Arbitrary = [typeof(MallArbitraries)], MaxTest = 600)]
    public void Units_taken_plus_left_is_the_quota_no_member_passes_the_limit_and_every_wallet_pays_exactly_its_redemptions(MallCase c)
    {
        var stock = new MallStock(c.Item);
        var wallets = Enumerable.Range(1, 4).ToDictionary(m => new MemberId(m), _ => new PointsWallet());
        var members = new Dictionary<int, MemberId>();
        var at = T0;
        var lot = 0;
        foreach (var step in c.Steps)
        {
            at += Duration.FromMinutes(step.Minutes);
            var member = new MemberId(step.Member);
            var id = $"M-{step.Redemption}";
            var wallet = wallets[members.TryGetValue(step.Redemption, out var owner) ? owner : member];
            var before = (stock.Left, Wallets: wallets.Values.Select(w => w.GetBalance()).ToArray());
            MallResult? result = null;
            switch (step.Kind)
            {
                case 0:
                    wallet.Earn(new PointsEarning($"L-{lot++}", PointsSource.Task, step.Earned, at));
                    break;
                case 1 or 2:
                    result = stock.Redeem(id, member, step.Quantity, wallets[member], at);
                    if (result.IsApplied)
                    {
                        members[step.Redemption] = member;
                    }

                    break;
                case 3:
                    result = stock.Complete(id, wallet, at);
                    break;
                case 4:
                    result = stock.Cancel(id, wallet, at);
                    break;
                default:
                    result = stock.Refund(id, wallet, at);
                    break;
            }

            var redemptions = members.Keys.Select(r => stock.Find($"M-{r}")!).ToList();
            var holding = redemptions.Where(r => r.HoldsUnits).ToList();
            Assert.Equal(c.Item.Quota, stock.Left + holding.Sum(r => r.Quantity));
            Assert.InRange(stock.Left, 0, c.Item.Quota);
            foreach (var (m, w) in wallets)
            {
                var held = holding.Where(r => r.Member == m).Sum(r => r.Quantity);
                Assert.Equal(held, stock.HeldBy(m));
                Assert.InRange(held, 0, c.Item.PerMemberLimit);
                var b = w.GetBalance();
                Assert.True(b.IsConserved, $"{step}: {b}");
                Assert.Equal(redemptions.Where(r => r.Member == m && r.Status == MallRedemptionStatus.Reserved).Sum(r => r.Points), b.Reserved);
                Assert.Equal(redemptions.Where(r => r.Member == m && r.Status == MallRedemptionStatus.Completed).Sum(r => r.Points), b.Spent);
            }

            if (result is { IsApplied: false })
            {
                Assert.Equal(before.Left, stock.Left);
                Assert.Equal(before.Wallets, wallets.Values.Select(w => w.GetBalance()).ToArray());
            }
            else if (result is { IsApplied: true } applied)
            {
                Assert.Equal(applied.Redemption!.Quantity * c.Item.Points, applied.Redemption.Points);
                Assert.Equal(c.Item.Price is { } unit ? unit * applied.Redemption.Quantity : null, applied.Redemption.Price);
            }
        }
    }

    [Fact]
    public void The_generated_histories_apply_every_step_and_meet_every_refusal()
    {
        var refusals = new HashSet<MallRefusal>();
        var statuses = new HashSet<MallRedemptionStatus>();
        foreach (var c in MallArbitraries.Cases.Sample(200, 80))
        {
            var stock = new MallStock(c.Item);
            var wallets = Enumerable.Range(1, 4).ToDictionary(m => new MemberId(m), _ => new PointsWallet());
            var lot = 0;
            foreach (var step in c.Steps)
            {
                var member = new MemberId(step.Member);
                var id = $"M-{step.Redemption}";
                var owner = stock.Find(id)?.Member ?? member;
                var result = step.Kind switch
                {
                    0 => null,
                    1 or 2 => stock.Redeem(id, member, step.Quantity, wallets[member], T0),
                    3 => stock.Complete(id, wallets[owner], T0),
                    4 => stock.Cancel(id, wallets[owner], T0),
                    _ => stock.Refund(id, wallets[owner], T0),
                };
                if (step.Kind == 0)
                {
                    wallets[member].Earn(new PointsEarning($"L-{lot++}", PointsSource.Task, step.Earned, T0));
                }

                refusals.Add(result?.Refusal ?? MallRefusal.None);
                statuses.Add(result?.Redemption?.Status ?? MallRedemptionStatus.Reserved);
            }
        }

        Assert.Equal(Enum.GetValues<MallRefusal>().Order(), refusals.Order());
        Assert.Equal(Enum.GetValues<MallRedemptionStatus>().Order(), statuses.Order());
    }
}
