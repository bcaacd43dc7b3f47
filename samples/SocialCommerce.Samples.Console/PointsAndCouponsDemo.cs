using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SocialCommerce.Checkout;
using SocialCommerce.Compliance;
using SocialCommerce.Coupons;
using SocialCommerce.Network;
using SocialCommerce.Points;

namespace SocialCommerce.Samples.Console;

/// <summary>
/// Points and coupons (积分、优惠券): sign-ins and a task earn points, a new-member coupon is issued, a cart is quoted
/// with the coupon and points (the price waterfall), paid, refunded one unit at a time, the points mall redeems a mug,
/// and lots expire. Fixed instants: deterministic output.
/// </summary>
internal static class PointsAndCouponsDemo
{
    public static void Run(TextWriter output)
    {
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var day1 = new LocalDateTime(2026, 12, 1, 9, 0).InZoneStrictly(shanghai).ToInstant();
        var ann = new MemberId(42);
        var policy = PointsPolicy.FromJson("""
            {
              "currency": "CNY",
              "earning": { "pointsPerUnit": 1, "expiry": { "days": 365 } },
              "redemption": { "pointsPerUnit": 100, "maxSharePercent": 50 },
              "signIn": { "points": 10, "zone": "Asia/Shanghai", "streakDays": 7, "streakBonus": 100, "expiry": { "days": 30 } },
              "tasks": [ { "name": "first-review", "points": 200, "totalCap": 1 } ]
            }
            """);

        output.WriteLine("== Points: a week of sign-ins and a task ==");
        var wallet = new PointsWallet();
        for (var day = 0; day < 7; day++)
        {
            wallet.SignIn(policy.SignIn!, day1 + Duration.FromDays(day));
        }

        output.WriteLine($"  7 sign-ins (10 a day, +100 on the 7th): {wallet.GetBalance().Available} points");
        var review = policy.FindTask("first-review")!;
        wallet.CompleteTask(review, "review-1", day1 + Duration.FromDays(7));
        output.WriteLine($"  a first review: +200; a second: {wallet.CompleteTask(review, "review-2", day1 + Duration.FromDays(8)).Refusal}");

        output.WriteLine();
        output.WriteLine("== Coupons and the price waterfall ==");
        var newcomer = new CouponTemplate("NEW-10", CouponOffer.SpendAndSave(new Money(50m, Currency.CNY), new Money(10m, Currency.CNY)), totalLimit: 10_000, perMemberLimit: 1, CouponValidity.DaysFromIssue(7), newMembersOnly: true);
        var issuance = new CouponIssuance(newcomer);
        var paidAt = day1 + Duration.FromDays(9);
        issuance.Issue("NEW-10:42", ann, paidAt - Duration.FromHours(1), isNewMember: true, out var coupon);
        var cart = new Cart(Currency.CNY, [new CartLine("TEA-1", "tea", 3, new Money(10m, Currency.CNY)), new CartLine("CUP-1", "kitchen", 1, new Money(29.90m, Currency.CNY))]);
        var checkout = CheckoutAllocator.Allocate(cart, [coupon!.ToApplied()], points: 100, policy.Redemption).Allocation!;
        output.WriteLine($"  list {Amount(checkout.ListTotal)}, coupon −{Amount(checkout.CouponDiscount)}, {checkout.PointsUsed} points −{Amount(checkout.PointsValue)}, pays {Amount(checkout.Payable)}");
        foreach (var line in checkout.Lines)
        {
            output.WriteLine($"    {line.Line.ProductId} × {line.Line.Quantity}: pays {Amount(line.Payable)}");
        }

        coupon.Lock("order-1", paidAt);
        wallet.Reserve("order-1", checkout.PointsUsed, paidAt);
        coupon.Use("order-1", paidAt);
        wallet.Commit("order-1", paidAt);
        var sale = checkout.ToSale("order-1", ann, paidAt);
        wallet.Earn(policy.Earning!.EarningFor(sale)!);
        output.WriteLine($"  paid: coupon {coupon.Status}, wallet {Describe(wallet.GetBalance())}");

        output.WriteLine("  three refunds of one tea each:");
        for (var unit = 0; unit < 3; unit++)
        {
            var refund = checkout.RefundUnits(0, refundedBefore: unit, units: 1);
            wallet.Return("order-1", $"refund-{unit}", refund.Points, paidAt + Duration.FromDays(1));
            output.WriteLine($"    {Amount(refund.Money)} back, {refund.Points} points back, coupon share {Amount(refund.Coupons.Aggregate(Money.Zero(Currency.CNY), (s, c) => s + c.Amount))}");
        }

        output.WriteLine();
        output.WriteLine("== The points mall (积分商城) ==");
        var mug = MallItem.Create("mug", new MallItemOptions { Points = 100, Price = new Money(9.90m, Currency.CNY), Quota = 100, PerMemberLimit = 1 });
        var stock = new MallStock(mug);
        var redeemed = stock.Redeem("mall-1", ann, 1, wallet, paidAt + Duration.FromDays(2));
        output.WriteLine($"  {redeemed.Message}");
        stock.Complete("mall-1", wallet, paidAt + Duration.FromDays(2));
        output.WriteLine($"  a second mug: {stock.Redeem("mall-2", ann, 1, wallet, paidAt + Duration.FromDays(2)).Refusal}; {stock.Left} left");

        output.WriteLine();
        output.WriteLine("== Expiry and compliance ==");
        var expired = wallet.ExpireDue(day1 + Duration.FromDays(40));
        output.WriteLine($"  day 40: {expired.Entries.Sum(e => e.Points)} unspent sign-in points expired; wallet {Describe(wallet.GetBalance())}, conserved: {wallet.GetBalance().IsConserved}");
        var clicks = ComplianceProfiles.ChinaSocialCommerce.CheckInvitationRule(new InvitationRuleFacts("points-per-click") { RewardsShareWithoutPurchase = true });
        output.WriteLine($"  points for a click: {(clicks.IsRefused ? "refused" : "accepted")} ({clicks.Findings[0].Code})");
    }

    private static string Describe(PointsBalance b) =>
        string.Create(CultureInfo.InvariantCulture, $"earned {b.Earned} = available {b.Available} + frozen {b.Frozen} + spent {b.Spent} + expired {b.Expired}");

    private static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
