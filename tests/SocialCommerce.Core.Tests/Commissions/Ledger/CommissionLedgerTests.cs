using System;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

public sealed class CommissionLedgerTests
{
    private static readonly Instant Paid = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly MemberId Bob = new(2);

    private static LedgerSale Sale(string id, Currency currency, decimal earning, Instant paid, Duration window) => new(
        id,
        new MemberId(1),
        paid,
        currency,
        [new LedgerSaleLine(1, new Money(100m, currency))],
        [new LedgerEarning(Bob, 1, 0, new Money(earning, currency))],
        window);

    [Fact]
    public void Balances_and_entries_are_kept_per_currency()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale("S1", Currency.CNY, 10.00m, Paid, Duration.Zero));
        ledger.Post(Sale("S2", Currency.USD, 1.50m, Paid + Duration.FromHours(1), Duration.Zero));
        ledger.Complete("S1", Paid);
        ledger.Complete("S2", Paid + Duration.FromHours(1));
        ledger.Release(Paid + Duration.FromHours(1));

        Assert.True(ledger.Withdraw(new LedgerWithdrawal("W1", Bob, new Money(1.50m, Currency.USD), Paid + Duration.FromHours(2))).Result.IsApplied);

        var balances = ledger.GetBalances(Bob);
        Assert.Equal(2, balances.Count);
        Assert.Equal(new Money(10.00m, Currency.CNY), balances[0].Available);
        Assert.True(balances[1].Available.IsZero);
        Assert.Equal(new Money(1.50m, Currency.USD), balances[1].Withdrawn);
        Assert.Equal(new Money(10.00m, Currency.CNY), ledger.GetBalance(Bob, Currency.CNY).Available);
        Assert.True(ledger.GetBalance(Bob, Currency.EUR).Available.IsZero);
        Assert.Empty(ledger.GetBalances(new MemberId(42)));

        var entries = ledger.GetEntries(Bob);
        Assert.Equal(7, entries.Count);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.True(entries[i - 1].Sequence < entries[i].Sequence);
        }

        Assert.Equal("W1", entries[^1].WithdrawalId);
        Assert.Null(entries[^1].SaleId);
        Assert.Equal(-1, entries[^1].Level);
    }

    [Fact]
    public void Releases_come_in_deadline_order_whatever_the_order_of_completions()
    {
        var ledger = new CommissionLedger();
        ledger.Post(Sale("LATE", Currency.CNY, 3.00m, Paid, Duration.FromDays(10)));
        ledger.Post(Sale("EARLY", Currency.CNY, 1.00m, Paid, Duration.FromDays(1)));
        ledger.Post(Sale("MIDDLE", Currency.CNY, 2.00m, Paid, Duration.FromDays(5)));
        ledger.Complete("LATE", Paid);
        ledger.Complete("EARLY", Paid);
        ledger.Complete("MIDDLE", Paid);

        Assert.Equal(new Money(1.00m, Currency.CNY), ledger.Release(Paid + Duration.FromDays(1)).GetEntries()[0].Amount);
        Assert.Equal(0, ledger.Release(Paid + Duration.FromDays(5) - Duration.Epsilon).EntryCount);
        var rest = ledger.Release(Paid + Duration.FromDays(30)).GetEntries();
        Assert.Equal("MIDDLE", rest[0].SaleId);
        Assert.Equal("LATE", rest[1].SaleId);
        Assert.Equal(Paid + Duration.FromDays(5), rest[0].At);
        Assert.Equal(new Money(6.00m, Currency.CNY), ledger.GetBalance(Bob, Currency.CNY).Available);
    }

    [Fact]
    public void Posting_allocates_only_the_sales_record_and_completing_and_releasing_allocate_nothing()
    {
        const int count = 2_000;
        var sales = new LedgerSale[count];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "S" + i;
            sales[i] = new LedgerSale(
                ids[i],
                new MemberId(1),
                Paid,
                Currency.CNY,
                [new LedgerSaleLine(1, new Money(199.00m, Currency.CNY))],
                [new LedgerEarning(new MemberId(i % 100), 1, 0, new Money(19.90m, Currency.CNY)), new LedgerEarning(new MemberId(1000 + (i % 50)), 2, 0, new Money(9.95m, Currency.CNY))],
                Duration.FromDays(7));
        }

        var ledger = new CommissionLedger(capacity: count + 150);
        for (var i = 0; i < 150; i++)
        {
            // Every account the sales credit exists before the measurement (an account is state, made once).
            ledger.Post(new LedgerSale("warm-" + i, new MemberId(1), Paid, Currency.CNY, [new LedgerSaleLine(1, new Money(1m, Currency.CNY))], [new LedgerEarning(new MemberId(i < 100 ? i : 1000 + i - 100), 1, 0, new Money(0.01m, Currency.CNY))], Duration.Zero));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            ledger.Post(sales[i]);
        }

        var posted = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            ledger.Complete(ids[i], Paid + Duration.FromSeconds(i));
        }

        ledger.Release(Paid + Duration.FromDays(8));
        var completedAndReleased = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(150 + (6 * count), ledger.EntryCount);

        // A posted sale is held as its record: the object (128 bytes) and its two arrays of minor units (paid per line,
        // booked per earning: 32 + 40 bytes here) — 200 bytes for this sale, and nothing else per call.
        Assert.True(posted / count <= 200, $"posting allocated {posted / count} bytes a sale");
        Assert.True(completedAndReleased < 64 * 1024, $"completing and releasing allocated {completedAndReleased} bytes for {count} sales");
    }
}
