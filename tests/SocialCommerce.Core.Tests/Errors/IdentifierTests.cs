using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Errors;

/// <summary>
/// Every string id the SDK takes is 1 to <see cref="Limits.MaxIdLength"/> characters without control characters,
/// checked where it enters, naming the field and the length — never echoing the value (issue 30).
/// </summary>
public sealed class IdentifierTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly string AtLimit = new('销', Limits.MaxIdLength);
    private static readonly string[] Refused = [string.Empty, new string('x', Limits.MaxIdLength + 1), "w-1\u0000", "a\u001fb", "a\u0085b", "\ud800x", new string('x', 1_000_000)];

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    private static void Accepts(Action<string> create)
    {
        create(AtLimit);
        create("w-5-0001");
        create("\ud83d\ude00 emoji pair");
    }

    private static void RefusesEach(Action<string> create, string field)
    {
        foreach (var id in Refused)
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => create(id));
            Assert.Contains(field, e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\u0000", e.Message, StringComparison.Ordinal);
            Assert.True(e.Message.Length < 1_000, "the message never echoes the value");
        }
    }

    [Fact]
    public void Sale_ids_are_bounded_at_construction()
    {
        void Create(string id) => _ = new Sale(id, new MemberId(1), T0, Currency.CNY, [new SaleLine("p", "tea", 1, Yuan(1m))]);
        Accepts(Create);
        RefusesEach(Create, "id");
        void Book(string id) => _ = new LedgerSale(id, new MemberId(1), T0, Currency.CNY, [new LedgerSaleLine(1, Yuan(1m))], [], Duration.Zero);
        Accepts(Book);
        RefusesEach(Book, "saleId");
    }

    [Fact]
    public void Refund_withdrawal_adjustment_and_payout_run_ids_are_bounded_at_construction()
    {
        Accepts(id => LedgerRefund.Full(id, "S-1", T0));
        RefusesEach(id => LedgerRefund.Full(id, "S-1", T0), "refundId");
        RefusesEach(id => LedgerRefund.Full("R-1", id, T0), "saleId");
        Accepts(id => _ = new LedgerWithdrawal(id, new MemberId(1), Yuan(1m), T0));
        RefusesEach(id => _ = new LedgerWithdrawal(id, new MemberId(1), Yuan(1m), T0), "WithdrawalId");
        RefusesEach(id => _ = new AccountAdjustment(id, new MemberId(1), Yuan(1m), "staff", "why", T0), "AdjustmentId");
        RefusesEach(id => _ = new AccountAdjustment("A-1", new MemberId(1), Yuan(1m), id, "why", T0), "Author");
        Assert.Throws<ArgumentException>(() => new AccountAdjustment("A-1", new MemberId(1), Yuan(1m), "staff", new string('r', Limits.MaxReasonLength + 1), T0));
        _ = new AccountAdjustment("A-1", new MemberId(1), Yuan(1m), "staff", "line one\nline two", T0);
        var withdrawal = new LedgerWithdrawal("W-1", new MemberId(1), Yuan(1m), T0);
        RefusesEach(id => _ = withdrawal with { WithdrawalId = id }, "WithdrawalId");
    }

    [Fact]
    public void Community_batch_product_and_order_ids_and_transfer_references_are_bounded()
    {
        var rule = new CommunityBatchRule(DateTimeZone.Utc, new LocalTime(23, 0), 1, Rate.Zero);
        RefusesEach(id => _ = new CommunityProduct(id, Yuan(1m), 1), "productId");
        RefusesEach(id => _ = new CommunityBatch(id, new MemberId(1), new LocalDate(2026, 11, 5), rule, [new CommunityProduct("p", Yuan(1m), 1)]), "batchId");
        var batch = new CommunityBatch("B-1", new MemberId(1), new LocalDate(2026, 11, 5), rule, [new CommunityProduct("p", Yuan(1m), 1)]);
        RefusesEach(id => batch.PlaceOrder(id, new MemberId(2), [new CommunityOrderLine("p", 1)], T0), "orderId");
        Assert.True(batch.PlaceOrder(AtLimit, new MemberId(2), [new CommunityOrderLine("p", 1)], T0).IsAccepted);

        var account = new CommissionAccount(new MemberId(1), Currency.CNY);
        account.Apply(new AccountPosting("S/e", "S", new MemberId(1), Currency.CNY, AccountPostingKind.Earned, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("S/c", "S", new MemberId(1), Currency.CNY, AccountPostingKind.Completed, LedgerState.Pending, 500));
        account.Apply(new AccountPosting("S/r", "S", new MemberId(1), Currency.CNY, AccountPostingKind.Released, LedgerState.Frozen, 500));
        account.RequestWithdrawal(new LedgerWithdrawal("W-1", new MemberId(1), Yuan(1m), T0));
        account.ApproveWithdrawal("W-1");
        RefusesEach(reference => account.MarkWithdrawalPaid("W-1", reference), "transferReference");
        RefusesEach(id => account.ApproveWithdrawal(id), "withdrawalId");
        Assert.True(account.MarkWithdrawalPaid("W-1", AtLimit).IsApplied);
        Assert.Throws<ArgumentException>(() => account.CancelWithdrawal("W-1", "bad\u0000reason"));
    }
}

/// <summary>In the single ledger too, withdrawal ids are scoped to the member's account.</summary>
public sealed class WithdrawalIdScopeTests
{
    [Fact]
    public void Two_members_may_use_the_same_withdrawal_id()
    {
        var t0 = Instant.FromUtc(2026, 11, 1, 10, 0);
        var ledger = new CommissionLedger();
        ledger.Post(new LedgerSale("S-1", new MemberId(9), t0, Currency.CNY, [new LedgerSaleLine(1, new Money(100m, Currency.CNY))], [new LedgerEarning(new MemberId(2), 1, 0, new Money(10m, Currency.CNY)), new LedgerEarning(new MemberId(5), 2, 0, new Money(10m, Currency.CNY))], Duration.Zero));
        ledger.Complete("S-1", t0);
        ledger.Release(t0);

        Assert.True(ledger.Withdraw(new LedgerWithdrawal("w-5-0001", new MemberId(2), new Money(1m, Currency.CNY), t0)).Result.IsApplied);
        Assert.True(ledger.Withdraw(new LedgerWithdrawal("w-5-0001", new MemberId(5), new Money(2m, Currency.CNY), t0)).Result.IsApplied);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Withdraw(new LedgerWithdrawal("w-5-0001", new MemberId(5), new Money(2m, Currency.CNY), t0)).Result.Outcome);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, ledger.Withdraw(new LedgerWithdrawal("w-5-0001", new MemberId(2), new Money(2m, Currency.CNY), t0)).Result.Refusal);
        var restored = CommissionLedger.FromSnapshot(ledger.ToSnapshot());
        Assert.Equal(LedgerOutcome.Duplicate, restored.Withdraw(new LedgerWithdrawal("w-5-0001", new MemberId(2), new Money(1m, Currency.CNY), t0)).Result.Outcome);
    }
}
