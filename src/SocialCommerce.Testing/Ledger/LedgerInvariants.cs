using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Testing;

/// <summary>
/// The commission ledger's invariants as checks: conservation, no negative balance but recorded debt, idempotence of
/// an event stream, and refund symmetry.
/// </summary>
public static class LedgerInvariants
{
    /// <summary>The name of the conservation invariant.</summary>
    public const string ConservationName = "ledger conservation";

    /// <summary>The name of the non-negativity invariant.</summary>
    public const string NeverNegativeName = "no negative balance";

    /// <summary>The name of the idempotence invariant.</summary>
    public const string IdempotenceName = "ledger idempotence";

    /// <summary>The name of the refund-symmetry invariant.</summary>
    public const string RefundSymmetryName = "refund symmetry";

    /// <summary>
    /// Checks that the ledger created and lost nothing for each member: pending + frozen + available + in withdrawal +
    /// withdrawn − debt equals booked − reversed + written off + forgiven + adjusted, exactly; and that the members' booked totals add up to the
    /// ledger's earned entries.
    /// </summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="members">The members to check (all who earned, for the second identity to hold).</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The result; a failure names the member and every amount of the identity.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult Conservation(CommissionLedger ledger, IEnumerable<MemberId> members, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(currency);
        var problems = new List<string>();
        var booked = 0m;
        foreach (var member in members)
        {
            var b = ledger.GetBalance(member, currency);
            var held = b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + b.InWithdrawal.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount;
            var net = b.Booked.Amount - b.Reversed.Amount + b.WrittenOff.Amount + b.Forgiven.Amount + b.Adjusted.Amount;
            if (held != net)
            {
                problems.Add(F($"member {member.Value} holds {held} (pending {b.Pending.Amount} + frozen {b.Frozen.Amount} + available {b.Available.Amount} + in withdrawal {b.InWithdrawal.Amount} + withdrawn {b.Withdrawn.Amount} - debt {b.ClawbackDebt.Amount}) but earned {net} (booked {b.Booked.Amount} - reversed {b.Reversed.Amount} + written off {b.WrittenOff.Amount} + forgiven {b.Forgiven.Amount} + adjusted {b.Adjusted.Amount}): {Math.Abs(held - net)} {(held > net ? "created" : "lost")}"));
            }

            booked += b.Booked.Amount;
        }

        var earned = ledger.GetEntries().Where(e => e.Kind == LedgerEntryKind.Earned && e.Amount.Currency == currency).Sum(e => e.Amount.Amount);
        if (earned != booked)
        {
            problems.Add(F($"the earned entries add up to {earned} {currency.Code} but the members' booked totals to {booked}"));
        }

        return Result(ConservationName, problems);
    }

    /// <summary>
    /// Checks that no member's balance is negative and that clawback debt exists only when nothing is available.
    /// </summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="members">The members to check.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The result; a failure names the member and the balance.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult NeverNegative(CommissionLedger ledger, IEnumerable<MemberId> members, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(currency);
        var problems = new List<string>();
        foreach (var member in members)
        {
            var b = ledger.GetBalance(member, currency);
            foreach (var (name, value) in new[] { ("pending", b.Pending), ("frozen", b.Frozen), ("available", b.Available), ("withdrawn", b.Withdrawn), ("debt", b.ClawbackDebt), ("written off", b.WrittenOff), ("forgiven", b.Forgiven) })
            {
                if (value.IsNegative)
                {
                    problems.Add(F($"member {member.Value}'s {name} balance is {value.Amount}"));
                }
            }

            if (!b.ClawbackDebt.IsZero && !b.Available.IsZero)
            {
                problems.Add(F($"member {member.Value} owes {b.ClawbackDebt.Amount} of clawback debt while {b.Available.Amount} is available"));
            }
        }

        return Result(NeverNegativeName, problems);
    }

    /// <summary>
    /// Checks that a history is idempotent: posting every step twice in a row gives the same balances and entries as
    /// posting it once (the second of an applied posting is <see cref="LedgerOutcome.Duplicate"/> and writes nothing),
    /// and re-posting every applied posting again at the end, newest first, still changes nothing. Releases are not
    /// re-posted as duplicates (a release is a query over time, not an event with an id).
    /// </summary>
    /// <param name="history">The history.</param>
    /// <returns>The result; a failure names the step, its outcome and the balances that differ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public static InvariantResult Idempotent(LedgerHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var problems = new List<string>();
        var once = history.Replay();
        var twice = new CommissionLedger(new LedgerOptions { Clawback = history.Policy });
        var applied = new List<int>();
        for (var i = 0; i < history.Steps.Count; i++)
        {
            var first = history.Apply(twice, i);
            var entries = twice.EntryCount;
            var second = history.Apply(twice, i);
            if (twice.EntryCount != entries)
            {
                problems.Add(F($"step {i} {history.Steps[i]} posted again wrote {twice.EntryCount - entries} more entries"));
            }

            if (first == LedgerOutcome.Applied && history.Steps[i].Kind != LedgerStepKind.Release)
            {
                applied.Add(i);
                if (second != LedgerOutcome.Duplicate)
                {
                    problems.Add(F($"step {i} {history.Steps[i]} posted again was {second}, not Duplicate"));
                }
            }
        }

        CompareBalances(once.Ledger, twice, includeTotals: true, "posted once", "posted twice", problems);
        if (once.Ledger.EntryCount != twice.EntryCount)
        {
            problems.Add(F($"posted once wrote {once.Ledger.EntryCount} entries, posted twice {twice.EntryCount}"));
        }

        var before = twice.EntryCount;
        var snapshot = Snapshot(twice, includeTotals: true);
        for (var k = applied.Count - 1; k >= 0; k--)
        {
            var again = history.Apply(twice, applied[k]);
            if (again != LedgerOutcome.Duplicate)
            {
                problems.Add(F($"step {applied[k]} {history.Steps[applied[k]]} re-posted at the end was {again}, not Duplicate"));
            }
        }

        if (twice.EntryCount != before || !snapshot.SequenceEqual(Snapshot(twice, includeTotals: true)))
        {
            problems.Add("re-posting every applied step at the end changed the ledger");
        }

        return Result(IdempotenceName, problems);
    }

    /// <summary>
    /// Checks refund symmetry for a refund case: the sequence of refunds (split, retried or out of order) ends exactly
    /// where one equivalent refund in order ends (<see cref="RefundSequence.Merged"/>); and when the sequence refunds
    /// everything, every balance is where it would be had the sale never been posted (booked and reversed totals aside).
    /// </summary>
    /// <param name="refundCase">The case.</param>
    /// <returns>The result; a failure names the member and both balances.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refundCase"/> is null.</exception>
    public static InvariantResult RefundSymmetry(RefundCase refundCase)
    {
        ArgumentNullException.ThrowIfNull(refundCase);
        var problems = new List<string>();
        var actual = refundCase.Apply().Ledger;
        CompareBalances(refundCase.ApplyMerged(), actual, includeTotals: true, "one equivalent refund", refundCase.Sequence.Kind.ToString().ToLowerInvariant() + " refunds", problems);
        if (refundCase.Sequence.RefundsEverything)
        {
            CompareBalances(refundCase.ApplyWithoutSale(), actual, includeTotals: false, "without the sale", "refunded in full", problems);
        }

        return Result(RefundSymmetryName, problems);
    }

    /// <summary>
    /// Compares every balance of the members of <see cref="LedgerHistory.Members"/> in two ledgers.
    /// </summary>
    /// <param name="expected">The reference ledger.</param>
    /// <param name="actual">The ledger under test.</param>
    /// <param name="includeTotals">Whether the booked and reversed totals must match too.</param>
    /// <returns>The result; a failure names the member and both balances.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvariantResult SameBalances(CommissionLedger expected, CommissionLedger actual, bool includeTotals)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var problems = new List<string>();
        CompareBalances(expected, actual, includeTotals, "expected", "actual", problems);
        return Result("same balances", problems);
    }

    private static void CompareBalances(CommissionLedger expected, CommissionLedger actual, bool includeTotals, string expectedName, string actualName, List<string> problems)
    {
        var a = Snapshot(expected, includeTotals);
        var b = Snapshot(actual, includeTotals);
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                problems.Add($"{expectedName}: {a[i]}; {actualName}: {b[i]}");
            }
        }
    }

    private static List<string> Snapshot(CommissionLedger ledger, bool includeTotals)
    {
        var list = new List<string>();
        foreach (var member in LedgerHistory.Members)
        {
            var b = ledger.GetBalance(member, LedgerHistory.Currency);
            var line = F($"member {member.Value} pending={b.Pending.Amount} frozen={b.Frozen.Amount} available={b.Available.Amount} withdrawn={b.Withdrawn.Amount} fees={b.WithdrawalFees.Amount} debt={b.ClawbackDebt.Amount} writtenOff={b.WrittenOff.Amount} forgiven={b.Forgiven.Amount}");
            list.Add(includeTotals ? line + F($" booked={b.Booked.Amount} reversed={b.Reversed.Amount}") : line);
        }

        return list;
    }

    private static InvariantResult Result(string name, List<string> problems) =>
        problems.Count == 0 ? InvariantResult.Pass(name) : InvariantResult.Fail(name, string.Join("; ", problems));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
