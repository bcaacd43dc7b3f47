using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing.Tests.Ledger;

public sealed class LedgerGenTests
{
    [Fact]
    public void Every_refund_sequence_kind_and_stage_is_generated()
    {
        var sequences = Draw.From(LedgerGen.RefundSequences, 1000, 20);
        Assert.Equal(Enum.GetValues<RefundSequenceKind>().Order(), sequences.Select(s => s.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<RefundStage>().Order(), sequences.Select(s => s.Stage).Distinct().Order());
        Assert.Contains(sequences, s => s.Kind == RefundSequenceKind.Split && s.Refunds.Count > 1 && s.Refunds.All(r => r.Lines is not null));
        Assert.Contains(sequences, s => s.Kind == RefundSequenceKind.Split && s.Refunds.Count > 1 && s.Refunds.All(r => r.AmountMinorUnits is not null));
        Assert.Contains(sequences, s => s.RefundsEverything && s.Refunds.All(r => !r.IsFull));
        Assert.All(sequences.Where(s => s.Kind == RefundSequenceKind.Duplicated), s => Assert.Contains(s.Refunds.Take(s.Refunds.Count - 1), r => r.RefundId == s.Refunds[^1].RefundId));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 500)]
    public void Every_refund_of_a_generated_sequence_is_applied_except_the_retry(RefundSequence sequence)
    {
        var outcomes = new RefundCase(new LedgerHistory([], [], ClawbackPolicy.CarryAsDebt), sequence).Apply().Outcomes;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var retry = sequence.Kind == RefundSequenceKind.Duplicated && i == outcomes.Count - 1;
            Assert.Equal(retry ? LedgerOutcome.Duplicate : LedgerOutcome.Applied, outcomes[i]);
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 300)]
    public void Shrunk_refund_sequences_keep_their_kind_and_stay_applicable(RefundSequence sequence)
    {
        foreach (var smaller in LedgerGen.Shrink(sequence))
        {
            Assert.Equal(sequence.Kind, smaller.Kind);
            Assert.True(smaller.Refunds.Count < sequence.Refunds.Count || smaller.Stage < sequence.Stage, smaller.ToString());
            var outcomes = new RefundCase(new LedgerHistory([], [], ClawbackPolicy.CarryAsDebt), smaller).Apply().Outcomes;
            for (var i = 0; i < outcomes.Count; i++)
            {
                var retry = smaller.Kind == RefundSequenceKind.Duplicated && i == outcomes.Count - 1;
                Assert.Equal(retry ? LedgerOutcome.Duplicate : LedgerOutcome.Applied, outcomes[i]);
            }
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 300)]
    public void Shrunk_histories_are_smaller_and_replay(LedgerHistory history)
    {
        foreach (var smaller in LedgerGen.Shrink(history).Take(30))
        {
            Assert.True(smaller.Steps.Count < history.Steps.Count || smaller.Steps.Sum(s => s.Value) < history.Steps.Sum(s => s.Value));
            Assert.Equal(smaller.Steps.Count, smaller.Replay().Outcomes.Count);
        }
    }

    [Fact]
    public void A_history_prints_its_sales_and_steps()
    {
        var sale = new LedgerSaleSample([2], [1999], [0], [1], [0], [199], 24);
        var history = new LedgerHistory([sale], [new LedgerStep(LedgerStepKind.Post, 0, 0), new LedgerStep(LedgerStepKind.RefundLines, 0, 0, 1), new LedgerStep(LedgerStepKind.Withdraw, 2, 300)], ClawbackPolicy.CapAtAvailable);
        Assert.Equal("policy=CapAtAvailable; sales: S0 lines=[2x1999] earnings=[m0:L1:l0:199] window=24h; steps: Post(S0) RefundLines(S0,line 0 x1) Withdraw(m2,300)", history.ToString());
        Assert.Equal([LedgerOutcome.Applied, LedgerOutcome.Applied, LedgerOutcome.Refused], history.Replay().Outcomes);
    }
}
