using System;
using System.Collections.Generic;
using SocialCommerce.Commissions;
using SocialCommerce.Network;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// Applies generated postings to a ledger and, independently, to a small model of what each sale has refunded, so tests
/// can predict refusals and compute the exact reversals by hand: floor(booked × refunded share).
/// </summary>
internal sealed class LedgerDriver
{
    private readonly LedgerHistory _scenario;
    private readonly Dictionary<int, SaleModel> _posted = [];
    private readonly HashSet<string> _appliedIds = [];
    private readonly Dictionary<string, long> _withdrawals = [];

    public LedgerDriver(LedgerHistory scenario, CommissionLedger? ledger = null)
    {
        _scenario = scenario;
        Ledger = ledger ?? new CommissionLedger(new LedgerOptions { Clawback = scenario.Policy });
    }

    public CommissionLedger Ledger { get; }

    public List<(LedgerStep Op, int Index)> Applied { get; } = [];

    /// <summary>Applies an op and checks the refund outcome against the model. Returns the ledger's outcome.</summary>
    public LedgerOutcome Apply(LedgerStep op, int index)
    {
        var outcome = ApplyOnly(op, index);
        if (outcome == LedgerOutcome.Applied)
        {
            Applied.Add((op, index));
        }

        return outcome;
    }

    public LedgerOutcome ApplyOnly(LedgerStep op, int index)
    {
        switch (op.Kind)
        {
            case LedgerStepKind.Post:
                {
                    var result = Ledger.Post(_scenario.Sale(op.Target));
                    var expected = _posted.ContainsKey(op.Target) ? LedgerOutcome.Duplicate : LedgerOutcome.Applied;
                    Assert.Equal(expected, result.Outcome);
                    if (result.IsApplied)
                    {
                        _posted[op.Target] = new SaleModel(_scenario.Sales[op.Target]);
                    }

                    return result.Outcome;
                }

            case LedgerStepKind.Complete:
                {
                    var at = LedgerHistory.PaidAt(op.Target) + NodaTime.Duration.FromHours(op.Value);
                    var result = Ledger.Complete(LedgerHistory.SaleId(op.Target), at);
                    if (!_posted.TryGetValue(op.Target, out var model))
                    {
                        Assert.Equal(LedgerRefusal.UnknownSale, result.Refusal);
                    }
                    else if (model.CompletedAt is null)
                    {
                        Assert.Equal(LedgerOutcome.Applied, result.Outcome);
                        model.CompletedAt = at;
                    }
                    else
                    {
                        // Idempotent by the sale id: a retried completion stamped at another instant is a duplicate.
                        Assert.Equal(LedgerOutcome.Duplicate, result.Outcome);
                    }

                    return result.Outcome;
                }

            case LedgerStepKind.Release:
                {
                    var at = LedgerHistory.Start + NodaTime.Duration.FromHours(op.Value);
                    var result = Ledger.Release(at);
                    CheckPendingAndFrozen(at);
                    return result.Outcome;
                }

            case LedgerStepKind.Withdraw:
                {
                    var member = LedgerHistory.Members[op.Target];
                    var available = Ledger.GetBalance(member, LedgerHistory.Currency).Available.ToMinorUnits();
                    var id = "W" + index;
                    var result = Ledger.Withdraw(new LedgerWithdrawal(id, member, Money.FromMinorUnits(op.Value, LedgerHistory.Currency), LedgerHistory.Start));
                    var expected = _appliedIds.Contains(id) ? LedgerOutcome.Duplicate : op.Value <= available ? LedgerOutcome.Applied : LedgerOutcome.Refused;
                    Assert.Equal(expected, result.Result.Outcome);
                    if (result.Result.IsApplied)
                    {
                        _appliedIds.Add(id);
                    }

                    return result.Result.Outcome;
                }

            default:
                return ApplyRefund(op, index);
        }
    }

    /// <summary>
    /// After a release at <paramref name="at"/>, every member's pending and frozen balances are what the model says:
    /// the unreversed remainder of uncompleted sales, and of completed sales whose deadline was never reached by a release.
    /// </summary>
    private void CheckPendingAndFrozen(NodaTime.Instant at)
    {
        var pending = new Dictionary<MemberId, long>();
        var frozen = new Dictionary<MemberId, long>();
        foreach (var member in LedgerHistory.Members)
        {
            pending[member] = 0;
            frozen[member] = 0;
        }

        foreach (var (_, model) in _posted)
        {
            if (model.CompletedAt is { } completed && completed + NodaTime.Duration.FromHours(model.Spec.WindowHours) <= at)
            {
                model.Released = true;
            }

            for (var e = 0; e < model.Spec.Amounts.Count; e++)
            {
                var member = LedgerHistory.Members[model.Spec.Beneficiaries[e]];
                var remaining = model.Spec.Amounts[e] - model.Reversal(e);
                if (model.CompletedAt is null)
                {
                    pending[member] += remaining;
                }
                else if (!model.Released)
                {
                    frozen[member] += remaining;
                }
            }
        }

        foreach (var member in LedgerHistory.Members)
        {
            var b = Ledger.GetBalance(member, LedgerHistory.Currency);
            Assert.Equal(pending[member], b.Pending.ToMinorUnits());
            Assert.Equal(frozen[member], b.Frozen.ToMinorUnits());
        }
    }

    private LedgerOutcome ApplyRefund(LedgerStep op, int index)
    {
        var refund = _scenario.RefundOf(op, index);
        if (refund is null)
        {
            return LedgerOutcome.Refused;
        }

        if (!_posted.TryGetValue(op.Target, out var model))
        {
            Assert.Equal(LedgerRefusal.UnknownSale, Ledger.Refund(refund).Refusal);
            return LedgerOutcome.Refused;
        }

        if (_appliedIds.Contains(refund.RefundId))
        {
            var again = Ledger.Refund(refund);
            Assert.Equal(LedgerOutcome.Duplicate, again.Outcome);
            return again.Outcome;
        }

        var expected = model.Predict(op);
        var result = Ledger.Refund(refund);
        Assert.Equal(expected, result.Refusal);
        if (result.IsApplied)
        {
            model.Apply(op);
            _appliedIds.Add(refund.RefundId);
        }

        return result.Outcome;
    }

    /// <summary>Booked minus reversed per member, computed from the model alone.</summary>
    public (Dictionary<MemberId, long> Booked, Dictionary<MemberId, long> Reversed) Expected()
    {
        var booked = new Dictionary<MemberId, long>();
        var reversed = new Dictionary<MemberId, long>();
        foreach (var member in LedgerHistory.Members)
        {
            booked[member] = 0;
            reversed[member] = 0;
        }

        foreach (var (_, model) in _posted)
        {
            for (var e = 0; e < model.Spec.Amounts.Count; e++)
            {
                var member = LedgerHistory.Members[model.Spec.Beneficiaries[e]];
                booked[member] += model.Spec.Amounts[e];
                reversed[member] += model.Reversal(e);
            }
        }

        return (booked, reversed);
    }

    private sealed class SaleModel(LedgerSaleSample spec)
    {
        public LedgerSaleSample Spec { get; } = spec;

        public NodaTime.Instant? CompletedAt { get; set; }

        public bool Released { get; set; }

        public long[] RefundedQuantity { get; } = new long[spec.Quantities.Count];

        public long RefundedAmount { get; set; }

        public bool Full { get; set; }

        public bool ByLines { get; set; }

        public bool ByAmount { get; set; }

        public LedgerRefusal Predict(LedgerStep op)
        {
            if (Full)
            {
                return LedgerRefusal.NothingLeftToRefund;
            }

            return op.Kind switch
            {
                LedgerStepKind.RefundFull => LedgerRefusal.None,
                LedgerStepKind.RefundLines when ByAmount => LedgerRefusal.MixedRefundBasis,
                LedgerStepKind.RefundLines => op.Quantity > Spec.Quantities[op.Value] - RefundedQuantity[op.Value] ? LedgerRefusal.RefundExceedsRemaining : LedgerRefusal.None,
                _ when ByLines => LedgerRefusal.MixedRefundBasis,
                _ => op.Value > Total(Spec.PaidMinorUnits) - RefundedAmount ? LedgerRefusal.RefundExceedsRemaining : LedgerRefusal.None,
            };
        }

        public void Apply(LedgerStep op)
        {
            switch (op.Kind)
            {
                case LedgerStepKind.RefundFull:
                    Full = true;
                    break;
                case LedgerStepKind.RefundLines:
                    ByLines = true;
                    RefundedQuantity[op.Value] += op.Quantity;
                    var all = true;
                    for (var i = 0; i < RefundedQuantity.Length; i++)
                    {
                        all &= RefundedQuantity[i] == Spec.Quantities[i];
                    }

                    Full = all;
                    break;
                default:
                    ByAmount = true;
                    RefundedAmount += op.Value;
                    Full = RefundedAmount == Total(Spec.PaidMinorUnits);
                    break;
            }
        }

        /// <summary>The reversal of earning e: floor(booked × refunded share), by hand.</summary>
        public long Reversal(int e)
        {
            var booked = Spec.Amounts[e];
            if (Full)
            {
                return booked;
            }

            if (ByLines)
            {
                var line = Spec.LineOf[e];
                return (long)((System.Int128)booked * RefundedQuantity[line] / Spec.Quantities[line]);
            }

            return ByAmount ? (long)((System.Int128)booked * RefundedAmount / Total(Spec.PaidMinorUnits)) : 0;
        }

        private static long Total(IReadOnlyList<long> values)
        {
            long sum = 0;
            foreach (var v in values)
            {
                sum += v;
            }

            return sum;
        }
    }
}
