using System;
using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// The outcome of checking one invariant against one example: it holds, or it is violated and
/// <see cref="Failure"/> explains the counterexample (which values, which rule, by how much).
/// </summary>
/// <remarks>
/// Checks never throw on a violation; they return this value so a host can combine several with
/// <see cref="And"/>, hand one to FsCheck with <see cref="ToProperty"/> (the explanation becomes the
/// property's label, printed next to the shrunk counterexample), or assert with <see cref="ThrowIfViolated"/>
/// from any test framework.
/// </remarks>
public sealed class InvariantResult
{
    private InvariantResult(string invariant, string? failure)
    {
        Invariant = invariant;
        Failure = failure;
    }

    /// <summary>Gets the name of the invariant that was checked, such as <c>"commission conservation"</c>.</summary>
    public string Invariant { get; }

    /// <summary>Gets a value indicating whether the invariant holds for the example.</summary>
    public bool Holds => Failure is null;

    /// <summary>Gets the explanation of the violation, or <see langword="null"/> when the invariant holds.</summary>
    public string? Failure { get; }

    /// <summary>Creates a result for an invariant that holds.</summary>
    /// <param name="invariant">The invariant's name.</param>
    /// <returns>A result whose <see cref="Holds"/> is <see langword="true"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="invariant"/> is null or blank.</exception>
    public static InvariantResult Pass(string invariant)
    {
        RequireName(invariant);
        return new InvariantResult(invariant, null);
    }

    /// <summary>Creates a result for a violated invariant.</summary>
    /// <param name="invariant">The invariant's name.</param>
    /// <param name="failure">What was violated, naming the values involved.</param>
    /// <returns>A result whose <see cref="Holds"/> is <see langword="false"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="invariant"/> or <paramref name="failure"/> is null or blank.</exception>
    public static InvariantResult Fail(string invariant, string failure)
    {
        RequireName(invariant);
        if (string.IsNullOrWhiteSpace(failure))
        {
            throw new ArgumentException($"A violated invariant needs an explanation; '{invariant}' was given {(failure is null ? "null" : "a blank one")}.", nameof(failure));
        }

        return new InvariantResult(invariant, failure);
    }

    /// <summary>
    /// Combines this result with another: holds when both hold; otherwise carries every failure, this one first.
    /// </summary>
    /// <param name="other">The other result.</param>
    /// <returns>The combined result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public InvariantResult And(InvariantResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Holds)
        {
            return Holds ? Pass(Invariant + " and " + other.Invariant) : new InvariantResult(Invariant + " and " + other.Invariant, Failure);
        }

        return new InvariantResult(
            Invariant + " and " + other.Invariant,
            Holds ? other.Failure : Failure + Environment.NewLine + other.Failure);
    }

    /// <summary>
    /// Converts the result to an FsCheck property that fails with the explanation as its label.
    /// </summary>
    /// <returns>The property.</returns>
    public Property ToProperty() => Holds.Label(Holds ? Invariant : Invariant + " violated: " + Failure);

    /// <summary>Throws when the invariant is violated; returns normally when it holds.</summary>
    /// <exception cref="InvariantViolationException">The invariant is violated; the message carries <see cref="Failure"/>.</exception>
    public void ThrowIfViolated()
    {
        if (!Holds)
        {
            throw new InvariantViolationException(Invariant, Failure!);
        }
    }

    /// <summary>Returns <c>"holds: name"</c> or <c>"violated: name: explanation"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Holds ? "holds: " + Invariant : "violated: " + Invariant + ": " + Failure;

    private static void RequireName(string invariant)
    {
        if (string.IsNullOrWhiteSpace(invariant))
        {
            throw new ArgumentException($"An invariant needs a name; it was {(invariant is null ? "null" : "blank")}.", nameof(invariant));
        }
    }
}
