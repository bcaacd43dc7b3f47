using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// Holds and declines on the in-memory ledger (issue 25, one ledger): the sale's record decides them, as it does for the
/// stored ledger, and the ledger's release queue honours them.
/// </summary>
public sealed class CommissionLedgerReviewTests
{
    private static readonly MemberId Bob = new(2);
    private static readonly MemberId Alice = new(1);
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly Duration Window = Duration.FromDays(7);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static LedgerSale Sale(string id) => new(
        id,
        new MemberId(3),
        Paid,
        Currency.CNY,
        [new LedgerSaleLine(1, Yuan(199.00m))],
        [new LedgerEarning(Bob, 1, 0, Yuan(19.90m)), new LedgerEarning(Alice, 2, 0, Yuan(9.95m))],
        Window);

    private static CommissionLedger Completed(params string[] ids)
    {
        var ledger = new CommissionLedger();
        foreach (var id in ids)
        {
            ledger.Post(Sale(id));
            ledger.Complete(id, Paid);
        }

        return ledger;
    }

    [Fact]
    public void A_held_sale_stays_frozen_past_its_deadline_and_releases_at_the_next_release_once_the_hold_is_lifted()
    {
        var ledger = Completed("S1", "S2");

        Assert.True(ledger.Hold("S1", "H1", "fraud review").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Hold("S1", "H1", "fraud review").Outcome);
        var released = ledger.Release(Paid + Window);

        // Only S2 released: Bob's ¥19.90 of S1 stays frozen.
        Assert.Equal(2, released.EntryCount);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Frozen);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal("fraud review", ledger.GetSale("S1")!.HoldReason);

        Assert.True(ledger.LiftHold("S1", "H1").IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.LiftHold("S1", "H1").Outcome);
        Assert.Equal(0, ledger.Release(Paid + Window - Duration.Epsilon).EntryCount);
        var later = ledger.Release(Paid + Window + Duration.FromDays(1));

        Assert.Equal(2, later.EntryCount);
        Assert.All(later.GetEntries(), e => Assert.Equal("S1", e.SaleId));
        Assert.All(later.GetEntries(), e => Assert.Equal(Paid + Window, e.At));
        Assert.Equal(Yuan(39.80m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal(Yuan(0m), ledger.GetBalance(Bob, Currency.CNY).Frozen);
    }

    [Fact]
    public void A_hold_lifted_before_the_deadline_releases_at_the_deadline_once()
    {
        var ledger = Completed("S1");
        ledger.Hold("S1", "H1", "flagged referral");
        ledger.LiftHold("S1", "H1");

        Assert.Equal(2, ledger.Release(Paid + Window).EntryCount);
        Assert.Equal(0, ledger.Release(Paid + Window + Duration.FromDays(30)).EntryCount);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
    }

    [Fact]
    public void Holding_a_released_or_unknown_sale_is_refused_and_names_it()
    {
        var ledger = Completed("S1");
        ledger.Release(Paid + Window);

        var released = ledger.Hold("S1", "H2", "late review");
        var unknown = ledger.Hold("S9", "H1", "review");

        Assert.Equal(LedgerRefusal.SaleAlreadyReleased, released.Refusal);
        Assert.Contains("S1", released.Message);
        Assert.Equal(LedgerRefusal.UnknownSale, unknown.Refusal);
        Assert.Contains("S9", unknown.Message);
        Assert.Equal(LedgerRefusal.UnknownSale, ledger.LiftHold("S9", "H1").Refusal);
        Assert.Equal(LedgerRefusal.UnknownSale, ledger.Decline("S9", Paid).Refusal);
    }

    [Fact]
    public void Declining_a_held_sale_cancels_its_earnings_as_refund_decline_and_ends_the_hold()
    {
        var ledger = Completed("S1");
        Assert.Equal(LedgerRefusal.SaleNotHeld, ledger.Decline("S1", Paid + Duration.FromDays(2)).Refusal);
        ledger.Hold("S1", "H1", "fraud review");

        var declined = ledger.Decline("S1", Paid + Duration.FromDays(2));

        Assert.True(declined.IsApplied);
        Assert.All(declined.GetEntries(), e =>
        {
            Assert.Equal(LedgerEntryKind.Cancelled, e.Kind);
            Assert.Equal("decline", e.RefundId);
            Assert.Equal(Paid + Duration.FromDays(2), e.At);
        });
        Assert.Equal(Yuan(-19.90m), declined.GetEntries()[0].Amount);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Decline("S1", Paid + Duration.FromDays(3)).Outcome);
        Assert.Null(ledger.GetSale("S1")!.HoldReason);
        Assert.Equal(0, ledger.Release(Paid + Window).EntryCount);
        var bob = ledger.GetBalance(Bob, Currency.CNY);
        Assert.Equal(Yuan(19.90m), bob.Reversed);
        Assert.True(bob.IsConserved);
        Assert.Equal(Yuan(0m), bob.Frozen);
    }

    [Fact]
    public void A_sale_declined_after_the_release_queue_passed_it_releases_at_the_next_release_as_in_the_database()
    {
        var ledger = Completed("S1");
        ledger.Hold("S1", "H1", "fraud review");
        ledger.Release(Paid + Window);
        ledger.Decline("S1", Paid + Window + Duration.FromHours(1));

        ledger.Release(Paid + Window + Duration.FromHours(2));

        // Released with nothing left to release: a later hold is refused as it is by the stored ledger.
        Assert.Equal(LedgerSaleStatus.Released, ledger.GetSale("S1")!.Status);
        Assert.Equal(LedgerRefusal.SaleAlreadyReleased, ledger.Hold("S1", "H2", "again").Refusal);
    }

    [Fact]
    public void Refund_ids_are_scoped_to_their_sale_as_in_the_database()
    {
        var ledger = Completed("S1", "S2");

        Assert.True(ledger.Refund(LedgerRefund.Full("R1", "S1", Paid)).IsApplied);
        Assert.True(ledger.Refund(LedgerRefund.Full("R1", "S2", Paid)).IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Refund(LedgerRefund.Full("R1", "S2", Paid)).Outcome);
    }

    [Fact]
    public void A_held_sale_and_its_hold_survive_a_snapshot_round_trip()
    {
        var ledger = Completed("S1", "S2");
        ledger.Hold("S1", "H1", "fraud review");

        var restored = CommissionLedger.FromSnapshot(ledger.ToSnapshot());
        restored.Release(Paid + Window);

        Assert.Equal("fraud review", restored.GetSale("S1")!.HoldReason);
        Assert.Equal(Yuan(19.90m), restored.GetBalance(Bob, Currency.CNY).Frozen);
        restored.LiftHold("S1", "H1");
        restored.Release(Paid + Window);
        Assert.Equal(Yuan(39.80m), restored.GetBalance(Bob, Currency.CNY).Available);
    }
}
