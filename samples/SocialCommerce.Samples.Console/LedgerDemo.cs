using System.Globalization;
using System.IO;
using NodaTime;
using SocialCommerce;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

/// <summary>
/// Walks a commission through the ledger: a ¥199.00 sale earning ¥19.90 / ¥9.95, completion, the return window,
/// release, a withdrawal with a fee, a partial refund after release (clawback carried as debt) and a later sale
/// whose release repays the debt. Prints Bob's statement: his entries and his balances.
/// </summary>
internal static class LedgerDemo
{
    public static void Run(TextWriter output)
    {
        var alice = new MemberId(1);
        var bob = new MemberId(2);
        var carol = new MemberId(3);
        var window = Duration.FromDays(7);
        static Money Yuan(decimal amount) => new(amount, Currency.CNY);
        static Instant At(int day) => Instant.FromUtc(2026, 11, day, 10, 0);

        var ledger = new CommissionLedger(new LedgerOptions
        {
            MinimumWithdrawals = [Yuan(10.00m)],
            WithdrawalFee = Rate.Percent(0.6m),
        });

        // Carol (referred by Bob, referred by Alice) buys 2 units for ¥199.00: 10 % / 5 %.
        ledger.Post(new LedgerSale(
            "S1", carol, At(1), Currency.CNY,
            [new LedgerSaleLine(2, Yuan(199.00m))],
            [new LedgerEarning(bob, 1, 0, Yuan(19.90m)), new LedgerEarning(alice, 2, 0, Yuan(9.95m))],
            window));
        ledger.Complete("S1", At(3));
        var early = ledger.Release(At(10) - Duration.FromTicks(1));
        output.WriteLine($"Release one tick before the deadline: {early.EntryCount} entries; Bob frozen {ledger.GetBalance(bob, Currency.CNY).Frozen}");
        ledger.Release(At(10));

        var withdrawal = ledger.Withdraw(new LedgerWithdrawal("W1", bob, Yuan(19.90m), At(11)));
        output.WriteLine($"Bob withdraws {withdrawal.Gross}: fee {withdrawal.Fee}, paid {withdrawal.Net}");
        var refused = ledger.Withdraw(new LedgerWithdrawal("W2", alice, Yuan(9.95m), At(11)));
        output.WriteLine($"Alice withdraws 9.95 CNY: {refused.Result.Refusal} ({refused.Result.Message})");

        // Carol returns one unit after release: a clawback, and Bob's available balance is empty.
        ledger.Refund(LedgerRefund.ForLines("R1", "S1", At(12), [new LedgerRefundLine(0, 1)]));

        // A later ¥299.00 sale; its release repays Bob's debt first.
        ledger.Post(new LedgerSale(
            "S2", carol, At(13), Currency.CNY,
            [new LedgerSaleLine(1, Yuan(299.00m))],
            [new LedgerEarning(bob, 1, 0, Yuan(29.90m)), new LedgerEarning(alice, 2, 0, Yuan(14.95m))],
            window));
        ledger.Complete("S2", At(15));
        ledger.Release(At(22));

        output.WriteLine();
        output.WriteLine("Statement of Bob (member 2), CNY");
        output.WriteLine("  #   when              entry          state      amount   source");
        foreach (var entry in ledger.GetEntries(bob))
        {
            var source = entry.WithdrawalId ?? (entry.RefundId is { } refund ? $"{entry.SaleId}/{refund}" : entry.SaleId);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {entry.Sequence,-3} {entry.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-17} {entry.Kind,-14} {entry.State,-10} {entry.Amount.Amount,7:0.00}   {source}"));
        }

        var b = ledger.GetBalance(bob, Currency.CNY);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Balances: pending {b.Pending.Amount:0.00}, frozen {b.Frozen.Amount:0.00}, available {b.Available.Amount:0.00}, withdrawn {b.Withdrawn.Amount:0.00} (fees {b.WithdrawalFees.Amount:0.00}), debt {b.ClawbackDebt.Amount:0.00}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Booked {b.Booked.Amount:0.00} - reversed {b.Reversed.Amount:0.00} = {(b.Booked - b.Reversed).Amount:0.00} = available + withdrawn - debt"));
    }
}
