using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionLedgerRefusalTests
{
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly MemberId Buyer = new(1);
    private static readonly MemberId Bob = new(2);
    private static readonly MemberId Alice = new(3);

    private static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    /// <summary>¥199.00 for 2 units; Bob earns ¥19.90 (level 1), Alice ¥9.95 (level 2); 7-day window.</summary>
    private static LedgerSale Sale(string id = "S1", decimal bob = 19.90m, int quantity = 2, MemberId? buyer = null, int windowDays = 7) => new(
        id,
        buyer ?? Buyer,
        Paid,
        Currency.CNY,
        [new LedgerSaleLine(quantity, Yuan(199.00m))],
        [new LedgerEarning(Bob, 1, 0, Yuan(bob)), new LedgerEarning(Alice, 2, 0, Yuan(9.95m))],
        Duration.FromDays(windowDays));

    private static CommissionLedger Released(LedgerOptions? options = null)
    {
        var ledger = new CommissionLedger(options);
        ledger.Post(Sale());
        ledger.Complete("S1", Paid + Duration.FromDays(2));
        ledger.Release(Paid + Duration.FromDays(9));
        return ledger;
    }

    [Fact]
    public void Completion_of_an_unknown_sale_is_refused_and_accepted_once_the_sale_is_posted()
    {
        var ledger = new CommissionLedger();
        var result = ledger.Complete("S1", Paid);

        Assert.Equal(LedgerOutcome.Refused, result.Outcome);
        Assert.Equal(LedgerRefusal.UnknownSale, result.Refusal);
        Assert.Contains("'S1'", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, ledger.EntryCount);

        ledger.Post(Sale());
        Assert.True(ledger.Complete("S1", Paid).IsApplied);
    }

    [Fact]
    public void Refund_of_an_unknown_sale_is_refused()
    {
        var ledger = new CommissionLedger();
        var result = ledger.Refund(LedgerRefund.Full("R1", "S1", Paid));

        Assert.Equal(LedgerRefusal.UnknownSale, result.Refusal);
        Assert.Equal(0, ledger.EntryCount);
    }

    [Fact]
    public void Sale_id_reused_with_other_content_is_refused_and_the_first_stands()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());

        var result = ledger.Post(Sale(quantity: 3));

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, result.Refusal);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Pending);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Post(Sale()).Outcome);
    }

    [Fact]
    public void A_resend_quoted_again_after_a_plan_change_is_the_same_sale_and_the_first_posting_stands()
    {
        // Identity is business content (id, buyer, currency, lines), never the computed earnings (issue 25).
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        var record = SaleCommissionRecord.Post(Sale(), out _);
        var requoted = Sale(bob: 20.00m, windowDays: 14);

        Assert.Equal(LedgerOutcome.Duplicate, ledger.Post(requoted).Outcome);
        Assert.Equal(LedgerOutcome.Duplicate, record.PostAgain(requoted).Outcome);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Pending);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, record.PostAgain(Sale(buyer: Alice)).Refusal);

        // Sent again before it is quoted (a host's resend): the raw sale's content decides, a later instant does not.
        var resend = new Sale("S1", Buyer, Paid + Duration.FromHours(3), Currency.CNY, [new SaleLine("tea", "tea", 2, Yuan(199.00m))]);
        Assert.Equal(LedgerOutcome.Duplicate, record.PostAgain(resend).Outcome);
        var other = new Sale("S1", Buyer, Paid, Currency.CNY, [new SaleLine("tea", "tea", 2, Yuan(198.00m))]);
        Assert.Equal(LedgerRefusal.ConflictingDuplicate, record.PostAgain(other).Refusal);
    }

    [Fact]
    public void A_retried_completion_is_a_duplicate_whatever_its_instant_and_the_first_stands()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Complete("S1", Paid + Duration.FromDays(1));

        Assert.Equal(LedgerOutcome.Duplicate, ledger.Complete("S1", Paid + Duration.FromDays(2)).Outcome);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Complete("S1", Paid + Duration.FromDays(1)).Outcome);
        ledger.Release(Paid + Duration.FromDays(8));
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
    }

    [Fact]
    public void Retried_sales_refunds_and_withdrawals_stamped_later_are_duplicates()
    {
        var ledger = Released();
        var later = Paid + Duration.FromDays(30);
        var sale = Sale();
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Post(new LedgerSale(sale.SaleId, sale.Buyer, later, sale.Currency, sale.Lines, sale.Earnings, sale.ReturnWindow)).Outcome);
        ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(10m), Paid + Duration.FromDays(9)));
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(10m), later)).Result.Outcome);
        ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid + Duration.FromDays(10), [new LedgerRefundLine(0, 1)]));
        var before = ledger.GetBalance(Bob, Currency.CNY);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Refund(LedgerRefund.ForLines("R1", "S1", later, [new LedgerRefundLine(0, 1)])).Outcome);
        Assert.Equal(before, ledger.GetBalance(Bob, Currency.CNY));
    }

    [Fact]
    public void Refund_id_reused_with_other_content_is_refused()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)]));

        var result = ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 2)]));

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, result.Refusal);
        Assert.Equal(Yuan(9.95m), ledger.GetBalance(Bob, Currency.CNY).Pending);
        Assert.Equal(LedgerOutcome.Duplicate, ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)])).Outcome);
    }

    [Fact]
    public void Withdrawal_id_reused_with_other_content_is_refused()
    {
        var ledger = Released();
        ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(10m), Paid));

        var result = ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(5m), Paid));

        Assert.Equal(LedgerRefusal.ConflictingDuplicate, result.Result.Refusal);
        Assert.Equal(Yuan(9.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
        var again = ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(10m), Paid));
        Assert.Equal(LedgerOutcome.Duplicate, again.Result.Outcome);
        Assert.Equal(Yuan(10m), again.Gross);
    }

    [Fact]
    public void A_second_full_refund_has_nothing_left_to_refund()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Refund(LedgerRefund.Full("R1", "S1", Paid));

        var result = ledger.Refund(LedgerRefund.Full("R2", "S1", Paid));

        Assert.Equal(LedgerRefusal.NothingLeftToRefund, result.Refusal);
    }

    [Fact]
    public void Refunding_more_units_than_remain_is_refused()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)]));

        var result = ledger.Refund(LedgerRefund.ForLines("R2", "S1", Paid, [new LedgerRefundLine(0, 2)]));

        Assert.Equal(LedgerRefusal.RefundExceedsRemaining, result.Refusal);
        Assert.Contains("1 of 2 units", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refunding_more_than_the_paid_amount_left_is_refused()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Refund(LedgerRefund.ForAmount("R1", "S1", Paid, Yuan(150m)));

        var result = ledger.Refund(LedgerRefund.ForAmount("R2", "S1", Paid, Yuan(49.01m)));

        Assert.Equal(LedgerRefusal.RefundExceedsRemaining, result.Refusal);
        Assert.True(ledger.Refund(LedgerRefund.ForAmount("R3", "S1", Paid, Yuan(49.00m))).IsApplied);
    }

    [Fact]
    public void Mixing_refunds_by_lines_and_by_amount_is_refused_but_a_full_refund_is_accepted()
    {
        var byLines = new CommissionLedger();
        byLines.Post(Sale());
        byLines.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)]));
        Assert.Equal(LedgerRefusal.MixedRefundBasis, byLines.Refund(LedgerRefund.ForAmount("R2", "S1", Paid, Yuan(1m))).Refusal);
        Assert.True(byLines.Refund(LedgerRefund.Full("R3", "S1", Paid)).IsApplied);

        var byAmount = new CommissionLedger();
        byAmount.Post(Sale());
        byAmount.Refund(LedgerRefund.ForAmount("R1", "S1", Paid, Yuan(1m)));
        Assert.Equal(LedgerRefusal.MixedRefundBasis, byAmount.Refund(LedgerRefund.ForLines("R2", "S1", Paid, [new LedgerRefundLine(0, 1)])).Refusal);
    }

    [Fact]
    public void Withdrawal_below_the_minimum_is_refused_and_at_the_minimum_accepted()
    {
        var ledger = Released(new LedgerOptions { MinimumWithdrawals = [Yuan(10m)] });

        var below = ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(9.99m), Paid));
        var at = ledger.Withdraw(new LedgerWithdrawal("W2", Bob, Yuan(10.00m), Paid));

        Assert.Equal(LedgerRefusal.BelowMinimumWithdrawal, below.Result.Refusal);
        Assert.Contains("10.00 CNY", below.Result.Message, StringComparison.Ordinal);
        Assert.True(at.Result.IsApplied);
    }

    [Fact]
    public void Withdrawal_above_the_available_balance_is_refused()
    {
        var ledger = Released();

        var result = ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(19.91m), Paid));

        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, result.Result.Refusal);
        Assert.Contains("19.90 CNY available", result.Result.Message, StringComparison.Ordinal);
        Assert.True(result.Gross.IsZero);
        Assert.Equal(Yuan(19.90m), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, ledger.Withdraw(new LedgerWithdrawal("W2", new MemberId(99), Yuan(1m), Paid)).Result.Refusal);
    }

    [Fact]
    public void Frozen_money_cannot_be_withdrawn()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Complete("S1", Paid);

        Assert.Equal(LedgerRefusal.InsufficientAvailableBalance, ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(0.01m), Paid)).Result.Refusal);
    }

    [Fact]
    public void Negative_earning_throws_naming_the_earning_and_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(Bob, 1, 0, Yuan(-0.01m))], Duration.Zero));

        Assert.Equal("earnings[0].Amount", ex.ParamName);
        Assert.Contains("-0.01 CNY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Earning_in_another_currency_throws_currency_mismatch()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(Bob, 1, 0, new Money(1m, Currency.USD))], Duration.Zero));

        Assert.Equal(Currency.CNY, ex.Expected);
        Assert.Equal(Currency.USD, ex.Actual);
    }

    [Fact]
    public void Sale_misuse_throws_specific_exceptions()
    {
        Assert.Equal("earnings[0].Amount", Assert.Throws<ArgumentException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(Bob, 1, 0, Yuan(0.001m))], Duration.Zero)).ParamName);
        Assert.Equal("earnings[0].LineIndex", Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(Bob, 1, 1, Yuan(1m))], Duration.Zero)).ParamName);
        Assert.Equal("lines[0].Quantity", Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(0, Yuan(10m))], [], Duration.Zero)).ParamName);
        Assert.Equal("lines[0].Paid", Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(-1m))], [], Duration.Zero)).ParamName);
        Assert.Equal("returnWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(1m))], [], Duration.FromTicks(-1))).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [], [], Duration.Zero)).ParamName);
        Assert.Equal("saleId", Assert.Throws<ArgumentException>(() => new LedgerSale(
            string.Empty, Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(1m))], [], Duration.Zero)).ParamName);
    }

    [Fact]
    public void Refund_misuse_throws_specific_exceptions()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());

        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => LedgerRefund.ForAmount("R1", "S1", Paid, Yuan(-1m))).ParamName);
        Assert.Equal("lines[0].Quantity", Assert.Throws<ArgumentOutOfRangeException>(() => LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 0)])).ParamName);
        Assert.Throws<ArgumentException>(() => LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1), new LedgerRefundLine(0, 1)]));
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(3, 1)])));
        Assert.Equal(3, outOfRange.ActualValue);
        Assert.Throws<CurrencyMismatchException>(() => ledger.Refund(LedgerRefund.ForAmount("R1", "S1", Paid, new Money(1m, Currency.USD))));
        Assert.Equal(0, ledger.GetBalance(Bob, Currency.CNY).Reversed.ToMinorUnits());
    }

    [Fact]
    public void Completion_before_payment_and_bad_withdrawals_throw()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());

        Assert.Equal("completedAt", Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Complete("S1", Paid - Duration.Epsilon)).ParamName);
        Assert.Equal("withdrawal.Amount", Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(0m), Paid))).ParamName);
        Assert.Equal("withdrawal.Amount", Assert.Throws<ArgumentException>(() => ledger.Withdraw(new LedgerWithdrawal("W1", Bob, Yuan(0.005m), Paid))).ParamName);
        Assert.Throws<ArgumentException>(() => new CommissionLedger(new LedgerOptions { MinimumWithdrawals = [Yuan(1m), Yuan(2m)] }));
        Assert.Equal("MinimumWithdrawals[0]", Assert.Throws<ArgumentOutOfRangeException>(() => new CommissionLedger(new LedgerOptions { MinimumWithdrawals = [Yuan(-1m)] })).ParamName);
    }

    [Fact]
    public void Refund_before_completion_ends_where_the_same_refund_after_completion_ends()
    {
        var refundFirst = new CommissionLedger();
        refundFirst.Post(Sale());
        refundFirst.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)]));
        refundFirst.Complete("S1", Paid + Duration.FromDays(1));

        var completeFirst = new CommissionLedger();
        completeFirst.Post(Sale());
        completeFirst.Complete("S1", Paid + Duration.FromDays(1));
        completeFirst.Refund(LedgerRefund.ForLines("R1", "S1", Paid, [new LedgerRefundLine(0, 1)]));

        Assert.Equal(completeFirst.GetBalance(Bob, Currency.CNY), refundFirst.GetBalance(Bob, Currency.CNY));
        Assert.Equal(completeFirst.GetBalance(Alice, Currency.CNY), refundFirst.GetBalance(Alice, Currency.CNY));
        Assert.Equal(Yuan(9.95m), refundFirst.GetBalance(Bob, Currency.CNY).Frozen);
        Assert.Equal(Yuan(4.98m), refundFirst.GetBalance(Alice, Currency.CNY).Frozen);
    }

    [Fact]
    public void Completion_after_a_full_refund_is_accepted_and_moves_nothing()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale());
        ledger.Refund(LedgerRefund.Full("R1", "S1", Paid));

        var result = ledger.Complete("S1", Paid + Duration.FromDays(1));

        Assert.True(result.IsApplied);
        Assert.Equal(0, result.EntryCount);
        Assert.True(ledger.GetBalance(Bob, Currency.CNY).Frozen.IsZero);
    }

    [Fact]
    public void An_amount_beyond_the_supported_range_is_refused_where_it_enters()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerSale(
            "S1", Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, Yuan(1m))], [new LedgerEarning(Bob, 1, 0, Yuan(1m)), new LedgerEarning(Alice, 2, 0, Yuan(100_000_000_000_000_000m))], Duration.Zero));
        Assert.Equal("earnings[1].Amount", e.ParamName);
    }

    [Fact]
    public void A_posting_that_would_overflow_an_account_throws_and_leaves_the_sale_id_free()
    {
        var ledger = new CommissionLedger();
        var most = Money.FromMinorUnits(Limits.MaxMinorUnits, Currency.CNY);
        LedgerSale Big(string id, Money bob) => new(id, Buyer, Paid, Currency.CNY, [new LedgerSaleLine(1, most)], [new LedgerEarning(Alice, 2, 0, Yuan(1m)), new LedgerEarning(Bob, 1, 0, bob)], Duration.Zero);

        // 9,223 maximal earnings fit in Bob's 64-bit account; the next one does not.
        var fits = long.MaxValue / Limits.MaxMinorUnits;
        for (var i = 0; i < fits; i++)
        {
            Assert.True(ledger.Post(Big("B" + i, most)).IsApplied);
        }

        var before = (ledger.SaleCount, ledger.EntryCount, ledger.GetBalance(Alice, Currency.CNY), ledger.GetBalance(Bob, Currency.CNY));
        var e = Assert.Throws<OverflowException>(() => ledger.Post(Big("X", most)));
        Assert.Contains("member 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, (ledger.SaleCount, ledger.EntryCount, ledger.GetBalance(Alice, Currency.CNY), ledger.GetBalance(Bob, Currency.CNY)));

        // The id was not taken: a smaller sale under it is a first posting, not a conflicting duplicate.
        var retry = ledger.Post(Big("X", Yuan(1m)));
        Assert.True(retry.IsApplied);
        Assert.Equal(LedgerOutcome.Applied, retry.Outcome);
    }
}
