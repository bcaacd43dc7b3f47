using System;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing.Tests.Invariants;

public sealed class InvariantResultTests
{
    [Fact]
    public void A_passing_result_holds_and_does_not_throw()
    {
        var result = InvariantResult.Pass("conservation");
        Assert.True(result.Holds);
        Assert.Null(result.Failure);
        result.ThrowIfViolated();
        Assert.Equal("holds: conservation", result.ToString());
    }

    [Fact]
    public void A_failing_result_throws_with_the_invariant_and_the_explanation()
    {
        var result = InvariantResult.Fail("conservation", "lines 10.01 + residual 0.00 != pool 10.00");
        Assert.False(result.Holds);
        var ex = Assert.Throws<InvariantViolationException>(result.ThrowIfViolated);
        Assert.Equal("conservation", ex.Invariant);
        Assert.Contains("lines 10.01 + residual 0.00 != pool 10.00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void And_keeps_every_failure_in_order()
    {
        var both = InvariantResult.Fail("a", "first").And(InvariantResult.Pass("b")).And(InvariantResult.Fail("c", "second"));
        Assert.False(both.Holds);
        Assert.Equal("a and b and c", both.Invariant);
        Assert.Equal("first" + Environment.NewLine + "second", both.Failure);
        Assert.True(InvariantResult.Pass("a").And(InvariantResult.Pass("b")).Holds);
    }

    [Fact]
    public void Names_and_explanations_are_required()
    {
        Assert.Throws<ArgumentException>(() => InvariantResult.Pass(" "));
        Assert.Throws<ArgumentException>(() => InvariantResult.Fail("x", ""));
    }

    [Fact]
    public void ToProperty_fails_with_the_explanation_as_label()
    {
        var property = Prop.ForAll(Arb.From(Gen.Constant(1)), _ => InvariantResult.Fail("demo", "the reason").ToProperty());
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure, property));
        Assert.Contains("demo violated: the reason", ex.Message, StringComparison.Ordinal);
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Arb.From(Gen.Constant(1)), _ => InvariantResult.Pass("demo").ToProperty()));
    }
}
