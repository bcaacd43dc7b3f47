using System.Collections.Generic;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Commissions;

internal static class LedgerAssert
{
    /// <summary>Every member's balances (all states) as minor units, for comparing two ledgers.</summary>
    public static List<string> Snapshot(CommissionLedger ledger, bool withTotals = true)
    {
        var list = new List<string>();
        foreach (var member in LedgerHistory.Members)
        {
            var b = ledger.GetBalance(member, LedgerHistory.Currency);
            var line = $"{member}: pending={b.Pending.Amount} frozen={b.Frozen.Amount} available={b.Available.Amount} withdrawn={b.Withdrawn.Amount} fees={b.WithdrawalFees.Amount} debt={b.ClawbackDebt.Amount} writtenOff={b.WrittenOff.Amount} forgiven={b.Forgiven.Amount}";
            if (withTotals)
            {
                line += $" booked={b.Booked.Amount} reversed={b.Reversed.Amount}";
            }

            list.Add(line);
        }

        return list;
    }

    /// <summary>The sum of an account's entries by state gives its balances (history and balances agree).</summary>
    public static void EntriesReplayToBalances(CommissionLedger ledger, MemberId member)
    {
        decimal pending = 0, frozen = 0, available = 0, withdrawn = 0, debt = 0, writtenOff = 0, forgiven = 0;
        foreach (var e in ledger.GetEntries(member))
        {
            var x = e.Amount.Amount;
            switch (e.Kind)
            {
                case LedgerEntryKind.Earned: pending += x; break;
                case LedgerEntryKind.Completed: pending -= x; frozen += x; break;
                case LedgerEntryKind.Released: frozen -= x; available += x; break;
                case LedgerEntryKind.DebtRepaid: available -= x; debt -= x; break;
                case LedgerEntryKind.Cancelled when e.State == LedgerState.Pending: pending += x; break;
                case LedgerEntryKind.Cancelled: frozen += x; break;
                case LedgerEntryKind.Clawback: available += x; break;
                case LedgerEntryKind.DebtIncurred: available += x; debt += x; break;
                case LedgerEntryKind.WrittenOff: available += x; writtenOff += x; break;
                case LedgerEntryKind.Forgiven: available += x; forgiven += x; break;
                case LedgerEntryKind.Withdrawn: available -= x; withdrawn += x; break;
                default: break;
            }
        }

        var b = ledger.GetBalance(member, LedgerHistory.Currency);
        Assert.Equal(b.Pending.Amount, pending);
        Assert.Equal(b.Frozen.Amount, frozen);
        Assert.Equal(b.Available.Amount, available);
        Assert.Equal(b.Withdrawn.Amount, withdrawn);
        Assert.Equal(b.ClawbackDebt.Amount, debt);
        Assert.Equal(b.WrittenOff.Amount, writtenOff);
        Assert.Equal(b.Forgiven.Amount, forgiven);
    }
}
