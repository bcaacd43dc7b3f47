using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Coupons;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Coupons;

public sealed record IssueCase(int TotalLimit, int PerMember, bool NewOnly, (int Coupon, int Member, bool IsNew, int Hours)[] Claims)
{
    public override string ToString() => $"total {TotalLimit} per member {PerMember} new-only {NewOnly}: {string.Join(" ", Claims.Select(c => $"C{c.Coupon}/m{c.Member}{(c.IsNew ? "*" : string.Empty)}+{c.Hours}h"))}";
}

public sealed record LifecycleCase(int ValidDays, (int Kind, int Order, int Hours)[] Steps)
{
    public override string ToString() => $"valid {ValidDays}d: {string.Join(" ", Steps.Select(s => $"{"LUsRE"[s.Kind]}{s.Order}+{s.Hours}h"))}";
}

public static class CouponArbitraries
{
    public static Arbitrary<IssueCase> Issues() =>
        (from total in Gen.Choose(1, 12)
         from perMember in Gen.Choose(1, 4)
         from newOnly in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
         from claims in (from coupon in Gen.Choose(0, 25) from member in Gen.Choose(0, 5) from isNew in Gen.Elements(true, false) from hours in Gen.Choose(0, 24 * 40) select (coupon, member, isNew, hours)).ArrayOf()
         select new IssueCase(total, Math.Min(perMember, total), newOnly, claims)).ToArbitrary();

    public static Arbitrary<LifecycleCase> Lifecycles() =>
        (from days in Gen.Choose(1, 30)
         from steps in (from kind in Gen.Choose(0, 4) from order in Gen.Choose(0, 2) from hours in Gen.Frequency((4, Gen.Choose(0, 48)), (1, Gen.Choose(49, 24 * 40))) select (kind, order, hours)).ArrayOf()
         select new LifecycleCase(days, steps)).ToArbitrary();
}

/// <summary>Coupons (issue 27): issuance within its limits, and the lifecycle of an issued coupon.</summary>
public sealed class CouponProperties
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    private static CouponTemplate Template(int total, int perMember, bool newOnly, CouponValidity validity) =>
        new("T-1", CouponOffer.AmountOff(new Money(10m, Currency.CNY)), total, perMember, validity, newMembersOnly: newOnly);

    [Property(Arbitrary = [typeof(CouponArbitraries)], MaxTest = 600)]
    public void Issuance_never_exceeds_the_total_or_a_members_limit_and_a_resend_is_a_duplicate(IssueCase c)
    {
        var issuance = new CouponIssuance(Template(c.TotalLimit, c.PerMember, c.NewOnly, CouponValidity.Between(T0, T0 + Duration.FromDays(30))));
        var owners = new System.Collections.Generic.Dictionary<int, int>();
        foreach (var (coupon, member, isNew, hours) in c.Claims)
        {
            var at = T0 + Duration.FromHours(hours);
            var before = issuance.IssuedCount;
            var result = issuance.Issue($"C-{coupon}", new MemberId(member + 1), at, isNew, out var issued);
            if (result.IsApplied)
            {
                owners[coupon] = member;
                Assert.Equal(before + 1, issuance.IssuedCount);
                Assert.Equal(new MemberId(member + 1), issued!.Member);
                Assert.Equal(CouponOutcome.Duplicate, issuance.Issue($"C-{coupon}", new MemberId(member + 1), at, isNew, out _).Outcome);
            }
            else
            {
                Assert.Equal(before, issuance.IssuedCount);
                var expected = owners.TryGetValue(coupon, out var owner)
                    ? (owner == member ? CouponOutcome.Duplicate : CouponOutcome.Refused)
                    : CouponOutcome.Refused;
                Assert.Equal(expected, result.Outcome);
            }

            Assert.True(issuance.IssuedCount <= c.TotalLimit, c.ToString());
            Assert.All(Enumerable.Range(1, 6), m => Assert.True(issuance.IssuedTo(new MemberId(m)) <= c.PerMember, c.ToString()));
            Assert.Equal(issuance.IssuedCount, Enumerable.Range(1, 6).Sum(m => issuance.IssuedTo(new MemberId(m))));
        }

        // Claims are refused only at a limit (or for not being new, or after the window): never below them.
        var granted = owners.Count;
        Assert.True(granted == c.TotalLimit || c.Claims.All(x => owners.ContainsKey(x.Coupon) || (c.NewOnly && !x.IsNew) || x.Hours >= 24 * 30 || issuance.IssuedTo(new MemberId(x.Member + 1)) == c.PerMember), c.ToString());
    }

    [Property(Arbitrary = [typeof(CouponArbitraries)], MaxTest = 600)]
    public void A_coupon_is_used_only_by_the_order_that_locked_it_and_every_step_answers_a_resend_as_a_duplicate(LifecycleCase c)
    {
        var issuance = new CouponIssuance(Template(10, 10, false, CouponValidity.DaysFromIssue(c.ValidDays)));
        issuance.Issue("C-1", new MemberId(1), T0, isNewMember: false, out var coupon);
        var at = T0;
        var refunds = 0;
        foreach (var (kind, order, hours) in c.Steps)
        {
            at += Duration.FromHours(hours);
            var (status, owner, version) = (coupon!.Status, coupon.OrderId, coupon.Version);
            var orderId = $"O-{order}";
            CouponResult Step() => kind switch
            {
                0 => coupon.Lock(orderId, at),
                1 => coupon.Unlock(orderId, at),
                2 => coupon.Use(orderId, at),
                3 => coupon.Return($"R-{refunds}", at, CouponReturnPolicy.ReturnWhileValid),
                _ => coupon.Expire(at),
            };
            var result = Step();
            if (!result.IsApplied)
            {
                Assert.Equal((status, owner, version), (coupon.Status, coupon.OrderId, coupon.Version));
                continue;
            }

            Assert.Equal(version + 1, coupon.Version);
            switch (kind)
            {
                case 0:
                    Assert.True(status == CouponStatus.Issued && at >= coupon.ValidFrom && at < coupon.ValidUntil, c.ToString());
                    Assert.Equal((CouponStatus.Locked, orderId), (coupon.Status, coupon.OrderId));
                    break;
                case 1:
                    Assert.Equal((CouponStatus.Locked, orderId), (status, owner));
                    break;
                case 2:
                    Assert.Equal((CouponStatus.Locked, orderId), (status, owner));
                    Assert.Equal(CouponStatus.Used, coupon.Status);
                    break;
                case 3:
                    Assert.Equal(CouponStatus.Used, status);
                    Assert.Equal(at < coupon.ValidUntil ? CouponStatus.Issued : CouponStatus.Expired, coupon.Status);
                    refunds++;
                    break;
                default:
                    Assert.True(status == CouponStatus.Issued && at >= coupon.ValidUntil);
                    break;
            }

            if (kind != 3)
            {
                var again = Step();
                Assert.Equal(CouponOutcome.Duplicate, again.Outcome);
                Assert.Equal(version + 1, coupon.Version);
            }
        }
    }

    [Property(Arbitrary = [typeof(CouponArbitraries)], MaxTest = 600)]
    public void A_coupon_restored_through_JSON_before_every_step_answers_like_the_uninterrupted_one(LifecycleCase c)
    {
        var template = Template(10, 10, false, CouponValidity.DaysFromIssue(c.ValidDays));
        new CouponIssuance(template).Issue("C-1", new MemberId(1), T0, isNewMember: false, out var coupon);
        var restored = coupon!;
        var at = T0;
        var refunds = 0;
        foreach (var (kind, order, hours) in c.Steps)
        {
            at += Duration.FromHours(hours);
            restored = IssuedCoupon.FromSnapshot(SocialCommerce.Serialization.SocialCommerceJson.Deserialize<IssuedCouponSnapshot>(SocialCommerce.Serialization.SocialCommerceJson.Serialize(restored.ToSnapshot()))!, template);
            CouponResult Step(IssuedCoupon x) => kind switch
            {
                0 => x.Lock($"O-{order}", at),
                1 => x.Unlock($"O-{order}", at),
                2 => x.Use($"O-{order}", at),
                3 => x.Return($"R-{refunds % 2}", at, CouponReturnPolicy.ReturnWhileValid),
                _ => x.Expire(at),
            };
            var expected = Step(coupon!);
            var actual = Step(restored);
            Assert.Equal((expected.Outcome, expected.Refusal), (actual.Outcome, actual.Refusal));
            Assert.Equal(coupon!.ToSnapshot(), restored.ToSnapshot());
            refunds += kind == 3 ? 1 : 0;
        }
    }
}
