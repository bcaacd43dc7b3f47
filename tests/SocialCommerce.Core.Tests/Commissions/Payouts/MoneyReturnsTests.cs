using System;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions.Payouts;

/// <summary>
/// Money that returns to an account repays its clawback debt first, on every path (issue 24); an account's posting
/// that cannot fit is refused whole; scaled referral rewards fill their room exactly; one sale id names one purchase.
/// </summary>
public sealed class MoneyReturnsTests
{
    private static readonly MemberId B = new(2);
    private static readonly Instant At = Instant.FromUtc(2026, 11, 2, 0, 0);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    /// <summary>B has ¥20.00 available, requests it, the sale is refunded after release (debt ¥20.00), then the withdrawal returns.</summary>
    private static CommissionAccount InDebtWithWithdrawal(string step)
    {
        var account = new CommissionAccount(B, Currency.CNY, new LedgerOptions { Clawback = ClawbackPolicy.CarryAsDebt });
        account.Apply(new AccountPosting("S-1/e", "S-1", B, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, 2000));
        account.Apply(new AccountPosting("S-1/c", "S-1", B, Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, 2000));
        account.Apply(new AccountPosting("S-1/r", "S-1", B, Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, 2000));
        Assert.True(account.RequestWithdrawal(new LedgerWithdrawal("W-1", B, Cny(20m), At)).IsApplied);
        if (step == "failed")
        {
            Assert.True(account.ApproveWithdrawal("W-1").IsApplied);
        }

        account.Apply(new AccountPosting("R-1", "S-1", B, Currency.CNY, AccountPostingKind.Clawback, LedgerState.Available, 2000));
        Assert.Equal(Cny(20m), account.Balance.ClawbackDebt);
        Assert.Equal(Cny(0m), account.Balance.Available);
        return account;
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("rejected")]
    [InlineData("cancelled")]
    public void A_returned_withdrawal_repays_the_debt_before_anything_becomes_available(string step)
    {
        var account = InDebtWithWithdrawal(step);
        var result = step switch
        {
            "failed" => account.MarkWithdrawalFailed("W-1", "bank refused"),
            "rejected" => account.RejectWithdrawal("W-1", "review"),
            _ => account.CancelWithdrawal("W-1", "member"),
        };

        Assert.True(result.IsApplied);
        Assert.Equal(Cny(0m), account.Balance.Available);
        Assert.Equal(Cny(0m), account.Balance.ClawbackDebt);
        Assert.Equal(Cny(0m), account.InWithdrawal);
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, account.RequestWithdrawal(new LedgerWithdrawal("W-2", B, Cny(20m), At)).Refusal);
    }

    [Fact]
    public void A_positive_adjustment_and_a_release_repay_only_what_is_owed()
    {
        var account = InDebtWithWithdrawal("rejected");
        account.RejectWithdrawal("W-1", "review"); // debt repaid: 0 / 0
        account.Apply(new AccountPosting("S-2/e", "S-2", B, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("S-2/c", "S-2", B, Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("R-2", "S-1", B, Currency.CNY, AccountPostingKind.Clawback, LedgerState.Available, 300));
        Assert.Equal(Cny(3m), account.Balance.ClawbackDebt);
        account.Adjust(new AccountAdjustment("A-1", B, Cny(1m), "staff-1", "goodwill", At));
        Assert.Equal(Cny(2m), account.Balance.ClawbackDebt);
        Assert.Equal(Cny(0m), account.Balance.Available);
        account.Apply(new AccountPosting("S-2/r", "S-2", B, Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, 500));
        Assert.Equal(Cny(0m), account.Balance.ClawbackDebt);
        Assert.Equal(Cny(3m), account.Balance.Available);
    }

    [Fact]
    public void A_posting_beyond_the_booked_range_is_refused_whole_and_leaves_its_id_unused()
    {
        var account = new CommissionAccount(B, Currency.CNY);
        var half = long.MaxValue / 2 + 1;
        Assert.True(account.Apply(new AccountPosting("S-1/e", "S-1", B, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, half)));
        var before = account.ToSnapshot();

        var e = Assert.Throws<OverflowException>(() => account.Apply(new AccountPosting("S-2/e", "S-2", B, Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, half)));

        Assert.Contains("S-2/e", e.Message, StringComparison.Ordinal);
        Assert.False(account.HasApplied("S-2/e"));
        Assert.Equal(before.Balances, account.ToSnapshot().Balances);
        Assert.Equal(before.Version, account.Version);
    }

    [Fact]
    public void A_referral_reward_scaled_into_the_payout_room_pays_the_room_to_the_minor_unit()
    {
        var rule = ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
        {
            MinimumPurchase = Cny(50m),
            Window = Duration.FromDays(30),
            InviterReward = ReferralRewardValue.Fixed(Cny(141.57m)),
        });
        var book = new ReferralRewardBook(rule, ComplianceProfiles.ChinaDirectSelling);
        var alice = new MemberId(1);
        var sale = new Sale("S-1", B, At, Currency.CNY, [new SaleLine("SKU-1", "tea", 1, Cny(182.87m))]);

        var claim = book.Claim(sale, new NetworkMember(B, alice, At - Duration.FromDays(1)));

        // 30 % of 182.87 toward zero is 54.86: a reward of 141.57 scaled into that room pays 54.86, not 54.85.
        Assert.True(claim.Grant!.Scaled);
        Assert.Equal(Cny(54.86m), claim.Grant.InviterMoney);
    }

    [Fact]
    public void A_sale_id_claimed_for_one_buyer_is_refused_for_another_and_the_first_reward_still_earns()
    {
        var rule = ReferralRewardRule.Create("first-order", new ReferralRewardRuleOptions
        {
            MinimumPurchase = Cny(50m),
            Window = Duration.FromDays(30),
            InviterReward = ReferralRewardValue.Fixed(Cny(10m)),
        });
        var book = new ReferralRewardBook(rule);
        var alice = new MemberId(1);
        var carol = new MemberId(3);
        Sale Purchase(MemberId buyer) => new("S-1", buyer, At, Currency.CNY, [new SaleLine("SKU-1", "tea", 1, Cny(60m))]);

        Assert.True(book.Claim(Purchase(B), new NetworkMember(B, alice, At - Duration.FromDays(1))).IsAccepted);
        var other = book.Claim(Purchase(carol), new NetworkMember(carol, alice, At - Duration.FromDays(1)));

        Assert.Equal(ReferralRewardRefusal.ConflictingDuplicate, other.Refusal);
        Assert.Equal(ReferralClaimStatus.Open, book.GetStatus(carol));
        Assert.IsType<ReferralRewardEarned>(book.Earn("S-1", At + Duration.FromDays(1)).Event);
        Assert.Equal(ReferralClaimStatus.Earned, book.GetStatus(B));
        Assert.Equal(ReferralRewardRefusal.ConflictingDuplicate, ReferralClaim.CheckSaleId(Purchase(carol), B)!.Refusal);
        Assert.Null(ReferralClaim.CheckSaleId(Purchase(B), B));
        Assert.Null(ReferralClaim.CheckSaleId(Purchase(carol), null));
    }
}
