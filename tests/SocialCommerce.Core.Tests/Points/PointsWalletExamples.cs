using System.Linq;
using NodaTime;
using SocialCommerce.Points;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>The points wallet (issue 27): lots, freezing, soonest-expiring spending, expiry, returns, take-backs and debt.</summary>
public sealed class PointsWalletExamples
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    private static Instant Day(int days) => T0 + Duration.FromDays(days);

    [Fact]
    public void A_wallet_earns_at_most_the_supported_points_in_all_so_that_no_sum_overflows()
    {
        var wallet = new PointsWallet();
        Assert.True(wallet.Earn(new PointsEarning("L-1", PointsSource.Task, SocialCommerce.Limits.MaxPoints - 5, T0)).IsApplied);
        var past = wallet.Earn(new PointsEarning("L-2", PointsSource.Task, 6, T0));
        Assert.Equal(PointsRefusal.ExceedsAmount, past.Refusal);
        Assert.Contains(SocialCommerce.Limits.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture), past.Message, System.StringComparison.Ordinal);
        Assert.Equal(1, wallet.Version);
        Assert.True(wallet.Earn(new PointsEarning("L-3", PointsSource.Task, 5, T0)).IsApplied);
        Assert.Equal(SocialCommerce.Limits.MaxPoints, wallet.GetBalance().Earned);
        Assert.Equal(SocialCommerce.Limits.MaxPoints, PointsWallet.FromSnapshot(wallet.ToSnapshot()).GetBalance().Available);
    }

    [Fact]
    public void A_purchase_lot_is_frozen_until_the_purchase_completes_and_its_return_window_passes()
    {
        var wallet = new PointsWallet();
        wallet.Earn(new PointsEarning("order-1", PointsSource.Purchase, 199, T0));
        Assert.Equal((0L, 199L), (wallet.GetBalance().Available, wallet.GetBalance().Frozen));
        Assert.Equal(PointsRefusal.InsufficientPoints, wallet.Reserve("order-2", 1, Day(30)).Refusal); // not completed: still frozen

        Assert.True(wallet.CompletePurchase("order-1", Day(2), Duration.FromDays(7)).IsApplied);
        Assert.Equal(PointsRefusal.InsufficientPoints, wallet.Reserve("order-2", 1, Day(9) - Duration.Epsilon).Refusal);
        var reserved = wallet.Reserve("order-2", 199, Day(9));
        Assert.True(reserved.IsApplied);
        Assert.Equal([PointsEntryKind.Unfrozen, PointsEntryKind.Reserved], reserved.Entries.Select(e => e.Kind));
        Assert.Equal(Day(9), reserved.Entries[0].At);
    }

    [Fact]
    public void Spending_takes_the_soonest_expiring_lots_first_and_expiry_takes_exactly_the_unspent_part()
    {
        var wallet = new PointsWallet();
        wallet.Earn(new PointsEarning("late", PointsSource.Task, 100, T0, PointsExpiry.AfterDays(90)));
        wallet.Earn(new PointsEarning("soon", PointsSource.SignIn, 100, T0, PointsExpiry.AfterDays(10)));
        wallet.Earn(new PointsEarning("never", PointsSource.Grant, 100, T0, null, "ops-1", "apology for a late parcel"));

        var spend = wallet.Reserve("O-1", 130, Day(1));
        Assert.Equal([("soon", 100L), ("late", 30L)], spend.Entries.Select(e => (e.LotId!, e.Points)));
        wallet.Commit("O-1", Day(1));
        wallet.Reserve("O-2", 50, Day(2));                   // from "late": 20 left there, 100 in "never"

        var expired = wallet.ExpireDue(Day(90));
        Assert.Equal(new PointsEntry(PointsEntryKind.Expired, "late", null, 20, Day(90)), Assert.Single(expired.Entries));
        Assert.Equal(PointsOutcome.Duplicate, wallet.ExpireDue(Day(90)).Outcome);

        // The order is cancelled after its lot expired: its 50 points expire at once.
        var released = wallet.Release("O-2", Day(91));
        Assert.Equal([PointsEntryKind.Released, PointsEntryKind.Expired], released.Entries.Select(e => e.Kind));
        Assert.Equal(new PointsBalance(300, 100, 0, 0, 130, 70, 0, 0, 0), wallet.GetBalance());
    }

    [Fact]
    public void A_refund_returns_spent_points_to_the_lots_they_came_from_latest_expiring_first()
    {
        var wallet = new PointsWallet();
        wallet.Earn(new PointsEarning("soon", PointsSource.Task, 100, T0, PointsExpiry.AfterDays(10)));
        wallet.Earn(new PointsEarning("late", PointsSource.Task, 100, T0, PointsExpiry.AfterDays(90)));
        wallet.Reserve("O-1", 150, Day(1));
        wallet.Commit("O-1", Day(1));

        var first = wallet.Return("O-1", "R-1", 60, Day(2));
        Assert.Equal([("late", 50L), ("soon", 10L)], first.Entries.Select(e => (e.LotId!, e.Points)));
        Assert.Equal(PointsOutcome.Duplicate, wallet.Return("O-1", "R-1", 60, Day(3)).Outcome);
        Assert.Equal(PointsRefusal.ConflictingDuplicate, wallet.Return("O-1", "R-1", 61, Day(3)).Refusal);

        // The rest comes back after "soon" expired: it expires at once.
        var rest = wallet.Return("O-1", "R-2", 90, Day(20));
        Assert.Equal(PointsRefusal.ExceedsAmount, wallet.Return("O-1", "R-3", 1, Day(20)).Refusal);
        Assert.Contains(new PointsEntry(PointsEntryKind.Expired, "soon", "R-2", 90, Day(20)), rest.Entries);
        Assert.Equal(new PointsBalance(200, 100, 0, 0, 0, 100, 0, 0, 0), wallet.GetBalance());
    }

    [Fact]
    public void Taking_back_spent_points_makes_debt_repaid_first_from_the_next_earning_or_takes_other_points_and_writes_off_the_rest()
    {
        var debt = new PointsWallet();
        debt.Earn(new PointsEarning("order-1", PointsSource.Purchase, 100, T0));
        debt.CompletePurchase("order-1", T0, Duration.Zero);
        debt.Reserve("O-9", 80, Day(1));
        debt.Commit("O-9", Day(1));

        // order-1 is refunded: 20 points are still in its lot, 80 were spent and become debt.
        var taken = debt.TakeBack("refund-1", "order-1", 100, Day(2));
        Assert.Equal([(PointsEntryKind.TakenBack, 20L), (PointsEntryKind.DebtIncurred, 80L)], taken.Entries.Select(e => (e.Kind, e.Points)));
        var repaid = debt.Earn(new PointsEarning("task-1", PointsSource.Task, 50, Day(3)));
        Assert.Contains(new PointsEntry(PointsEntryKind.TakenBack, "task-1", "debt", 50, Day(3)), repaid.Entries);
        Assert.Equal(new PointsBalance(150, 0, 0, 0, 80, 0, 70, 30, 0), debt.GetBalance());
        Assert.Equal(PointsRefusal.ExceedsAmount, debt.TakeBack("refund-2", "order-1", 1, Day(4)).Refusal);

        var capped = new PointsWallet();
        capped.Earn(new PointsEarning("order-1", PointsSource.Purchase, 100, T0));
        capped.CompletePurchase("order-1", T0, Duration.Zero);
        capped.Reserve("O-9", 100, Day(1));
        capped.Commit("O-9", Day(1));
        capped.Earn(new PointsEarning("task-1", PointsSource.Task, 30, Day(2)));
        capped.TakeBack("refund-1", "order-1", 100, Day(3), PointsClawback.CapAtAvailable);
        Assert.Equal(new PointsBalance(130, 0, 0, 0, 100, 0, 30, 0, 70), capped.GetBalance());
    }

    [Fact]
    public void The_guide_example_ends_with_the_balance_it_states()
    {
        var wallet = new PointsWallet();
        wallet.Earn(new PointsEarning("order-1", PointsSource.Purchase, 199, T0, PointsExpiry.AfterDays(365)));
        wallet.CompletePurchase("order-1", T0 + Duration.FromDays(2), returnWindow: Duration.FromDays(7));
        wallet.Earn(new PointsEarning("sign-in-2026-11-01", PointsSource.SignIn, 5, T0, PointsExpiry.AfterDays(30)));
        var paidAt = T0 + Duration.FromDays(10);
        var reserved = wallet.Reserve("order-2", 100, paidAt);
        wallet.Commit("order-2", paidAt);
        wallet.Return("order-2", "refund-1", 40, paidAt + Duration.FromDays(1));

        Assert.Equal([("sign-in-2026-11-01", 5L), ("order-1", 95L)], reserved.Entries.Where(e => e.Kind == PointsEntryKind.Reserved).Select(e => (e.LotId!, e.Points)));
        Assert.Equal(new PointsBalance(204, 144, 0, 0, 60, 0, 0, 0, 0), wallet.GetBalance());
    }

    [Fact]
    public void A_purchase_earns_points_per_whole_unit_by_category_frozen_until_it_completes_and_a_partial_refund_takes_back_its_share()
    {
        var rule = new PurchasePointsRule(Currency.CNY, pointsPerUnit: 1, new System.Collections.Generic.Dictionary<string, long> { ["tea"] = 2 }, PointsExpiry.AfterDays(365));
        var sale = new SocialCommerce.Commissions.Sale("S-1", new SocialCommerce.Network.MemberId(7), T0, Currency.CNY,
        [
            new SocialCommerce.Commissions.SaleLine("TEA-1", "tea", 1, new Money(99.90m, Currency.CNY)),   // 99 whole yuan × 2
            new SocialCommerce.Commissions.SaleLine("CUP-1", "kitchen", 1, new Money(20.50m, Currency.CNY)), // 20 × 1
        ]);
        var earning = rule.EarningFor(sale)!;
        Assert.Equal(("S-1", PointsSource.Purchase, 218L, T0 + Duration.FromDays(365)), (earning.LotId, earning.Source, earning.Points, earning.ExpiresAt!.Value));

        var wallet = new PointsWallet();
        wallet.Earn(earning);
        Assert.Equal(218L, wallet.GetBalance().Frozen);

        // The cup comes back before completion: its 20 points are taken back from the frozen lot.
        var refunded = new SocialCommerce.Commissions.Sale("S-1", sale.Buyer, T0, Currency.CNY, [sale.Lines[1]]);
        Assert.True(wallet.TakeBack("refund-1", "S-1", rule.PointsFor(refunded), T0 + Duration.FromDays(1)).IsApplied);
        wallet.CompletePurchase("S-1", T0 + Duration.FromDays(2), Duration.FromDays(7));
        wallet.ExpireDue(T0 + Duration.FromDays(9));
        Assert.Equal(new PointsBalance(218, 198, 0, 0, 0, 0, 20, 0, 0), wallet.GetBalance());
        Assert.Null(new PurchasePointsRule(Currency.CNY, 0).EarningFor(sale));
        Assert.Throws<System.ArgumentException>(() => new PurchasePointsRule(Currency.USD, 1).PointsFor(sale));
    }

    [Fact]
    public void Points_can_expire_at_the_end_of_the_period_they_were_earned_in()
    {
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var earned = Instant.FromUtc(2026, 3, 15, 4, 0);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 16, 0), PointsExpiry.EndOfPeriod(PointsPeriod.Month, shanghai).ExpiresAt(earned));
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 16, 0), PointsExpiry.EndOfPeriod(PointsPeriod.Quarter, shanghai).ExpiresAt(earned));
        Assert.Equal(Instant.FromUtc(2027, 12, 31, 16, 0), PointsExpiry.EndOfPeriod(PointsPeriod.Year, shanghai, periodsAfter: 1).ExpiresAt(earned));
        Assert.Equal(earned + Duration.FromDays(365), PointsExpiry.AfterDays(365).ExpiresAt(earned));
        Assert.Null(PointsExpiry.Never.ExpiresAt(earned));
    }
}
