using System;
using SocialCommerce.Benchmarks.Data;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// One implementation of the side-by-side plan (<see cref="ThreeLevelPlan"/>): quotes a sale into
/// payout lines. The benchmarks and <see cref="QuoterAgreement"/> run every implementation on the
/// same network and sales.
/// </summary>
/// <remarks>
/// <para>Contract: one line per (sale line, upline level) that exists and pays a non-zero amount;
/// levels beyond the root are simply absent. Order is free (the agreement check sorts).</para>
/// <para>The output goes into a caller-supplied buffer so an implementation that allocates nothing
/// (the SDK's commission engine through its batch path) is not charged for a result list; whatever
/// an implementation allocates inside shows in the MemoryDiagnoser column.</para>
/// <para>To add the SDK's commission engine: implement this over the engine (a 3-level plan with the
/// electronics override), add it to the agreement check in <see cref="ThreeLevelQuoteBenchmarks.Setup"/>
/// and give it a benchmark method there.</para>
/// </remarks>
internal interface IThreeLevelQuoter
{
    /// <summary>Gets the name shown in the agreement check's messages.</summary>
    string Name { get; }

    /// <summary>Quotes a sale.</summary>
    /// <param name="sale">The sale.</param>
    /// <param name="destination">Where to write; at least <see cref="ThreeLevelPlan.Levels"/> × lines long.</param>
    /// <returns>The number of payout lines written.</returns>
    int Quote(Sale sale, Span<PayoutLine> destination);
}
