using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for ledger testing, with shrinking. Register with
/// <c>[Property(Arbitrary = new[] { typeof(LedgerArbitraries) })]</c>.
/// </summary>
public static class LedgerArbitraries
{
    /// <summary>Histories from <see cref="LedgerGen.Histories"/>, shrinking toward fewer and smaller steps.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LedgerHistory> Histories() => Arb.From(LedgerGen.Histories, LedgerGen.Shrink);

    /// <summary>Ledger sales from <see cref="LedgerGen.Sales"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LedgerSaleSample> Sales() => LedgerGen.Sales.ToArbitrary();

    /// <summary>Refund sequences of every kind from <see cref="LedgerGen.RefundSequences"/>, shrinking toward fewer parts and an earlier stage.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RefundSequence> RefundSequences() => Arb.From(LedgerGen.RefundSequences, LedgerGen.Shrink);

    /// <summary>Refund cases from <see cref="LedgerGen.RefundCases"/>, shrinking the history before the refunded sale, then its refunds.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RefundCase> RefundCases() => Arb.From(LedgerGen.RefundCases, LedgerGen.Shrink);
}
