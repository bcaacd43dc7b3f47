using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions.Payouts;

/// <summary>Holds and declines of a sale's commission, and signed manual adjustments of an account.</summary>
public sealed class HoldAndAdjustmentTests
{
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 2, 0);
    private static readonly MemberId Buyer = new(3);
    private static readonly MemberId Referrer = new(2);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static LedgerSale Sale() => new("S-1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(100m))], [new LedgerEarning(Referrer, 1, 0, Yuan(10m))], Duration.FromDays(7));

    [Fact]
    public void A_held_sale_is_not_released_by_the_release_job_until_the_hold_is_lifted()
    {
        var record = SaleCommissionRecord.Post(Sale(), out _);
        record.Complete(Paid + Duration.FromDays(1));
        Assert.True(record.Hold("H-1", "flagged referral").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, record.Hold("H-1", "flagged referral").Outcome);

        var due = Paid + Duration.FromDays(8);
        var whileHeld = record.Release(due);
        Assert.Empty(whileHeld.Postings);
        Assert.Contains("held (flagged referral)", whileHeld.Message);
        Assert.Equal(LedgerSaleStatus.Frozen, record.Status);

        var restored = SaleCommissionRecord.FromSnapshot(record.ToSnapshot());
        Assert.True(restored.IsHeld);
        Assert.True(restored.LiftHold("H-1").IsApplied);
        Assert.Single(restored.Release(due).Postings);
        Assert.Equal(LedgerRefusal.SaleAlreadyReleased, restored.Hold("H-2", "too late").Refusal);
    }

    [Fact]
    public void A_hold_is_identified_by_its_id_a_resend_after_the_lift_holds_nothing_and_holds_stack()
    {
        var record = SaleCommissionRecord.Post(Sale(), out _);
        record.Complete(Paid + Duration.FromDays(1));
        record.Hold("H-1", "fraud review");
        record.Hold("H-2", "flagged referral");

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, record.Hold("H-1", "another reason").Refusal);
        Assert.True(record.LiftHold("H-1").IsApplied);
        Assert.True(record.IsHeld);                                              // H-2 still holds it
        Assert.Equal("flagged referral", record.HoldReason);
        Assert.Equal(LedgerOutcome.Duplicate, record.LiftHold("H-1").Outcome);
        Assert.Equal(LedgerRefusal.UnknownHold, record.LiftHold("H-9").Refusal);
        Assert.True(record.LiftHold("H-2").IsApplied);

        // The first hold resent after its lift (a lost acknowledgement) answers its first outcome and holds nothing.
        var resent = record.Hold("H-1", "fraud review");
        Assert.Equal(LedgerOutcome.Duplicate, resent.Outcome);
        Assert.False(record.IsHeld);
        Assert.Single(record.Release(Paid + Duration.FromDays(8)).Postings);
        Assert.Equal([new SaleHold("H-1", "fraud review", true), new SaleHold("H-2", "flagged referral", true)], record.Holds);
    }

    [Fact]
    public void A_hold_stored_before_holds_had_ids_reads_as_the_active_hold_named_hold()
    {
        var record = SaleCommissionRecord.Post(Sale(), out _);
        record.Complete(Paid + Duration.FromDays(1));
        var legacy = record.ToSnapshot() with { HoldReason = "fraud review" };

        var restored = SaleCommissionRecord.FromSnapshot(legacy);

        Assert.Equal("fraud review", restored.HoldReason);
        Assert.True(restored.LiftHold("hold").IsApplied);
        Assert.False(restored.IsHeld);
    }

    [Fact]
    public void A_declined_sale_is_reversed_like_a_full_refund_once()
    {
        var account = new CommissionAccount(Referrer, Currency.CNY);
        var record = SaleCommissionRecord.Post(Sale(), out var posted);
        Apply(account, posted);
        Apply(account, record.Complete(Paid + Duration.FromDays(1)));
        Assert.Equal(LedgerRefusal.SaleNotHeld, record.Decline(Paid + Duration.FromDays(2)).Refusal);
        record.Hold("H-1", "fraud review");

        var declined = record.Decline(Paid + Duration.FromDays(2));
        Assert.True(declined.IsApplied);
        Apply(account, declined);
        Assert.False(record.IsHeld);
        Assert.Equal(LedgerOutcome.Duplicate, record.Decline(Paid + Duration.FromDays(3)).Outcome);
        Assert.Equal(Yuan(0m), account.Balance.Frozen);
        Assert.Equal(Yuan(10m), account.Balance.Reversed);
        Assert.Empty(record.Release(Paid + Duration.FromDays(9)).Postings);
    }

    [Fact]
    public void An_adjustment_repays_debt_first_a_negative_one_carries_what_is_missing_as_debt()
    {
        var account = new CommissionAccount(Referrer, Currency.CNY);
        var at = Paid;
        Assert.True(account.Adjust(new AccountAdjustment("A-1", Referrer, Yuan(-30m), "ops-7", "overpaid in October", at)).IsApplied);
        Assert.Equal(Yuan(30m), account.Balance.ClawbackDebt);
        Assert.True(account.Adjust(new AccountAdjustment("A-2", Referrer, Yuan(50m), "ops-7", "campaign bonus", at)).IsApplied);
        Assert.Equal(Yuan(0m), account.Balance.ClawbackDebt);
        Assert.Equal(Yuan(20m), account.Balance.Available);
        Assert.Equal(Yuan(20m), account.Adjusted);
        Assert.Throws<ArgumentException>(() => account.Adjust(new AccountAdjustment("A-3", Referrer, Yuan(0m), "ops-7", "nothing", at)));
        Assert.Throws<ArgumentException>(() => account.Adjust(new AccountAdjustment("A-4", Referrer, Yuan(1m), " ", "no author", at)));
        Assert.Throws<ArgumentException>(() => account.Adjust(new AccountAdjustment("A-5", Referrer, Yuan(0.001m), "ops-7", "below a fen", at)));
        Assert.Equal(Yuan(20m), CommissionAccount.FromSnapshot(account.ToSnapshot()).Adjusted);
    }

    private static void Apply(CommissionAccount account, SaleCommissionResult result)
    {
        foreach (var posting in result.Postings)
        {
            account.Apply(posting);
        }
    }
}
