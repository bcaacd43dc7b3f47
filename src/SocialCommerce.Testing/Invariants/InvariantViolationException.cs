using System;

namespace SocialCommerce.Testing;

/// <summary>
/// Thrown by <see cref="InvariantResult.ThrowIfViolated"/> when an invariant does not hold for an example.
/// </summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Creates the exception for a violated invariant.</summary>
    /// <param name="invariant">The invariant's name.</param>
    /// <param name="failure">The explanation of the counterexample.</param>
    public InvariantViolationException(string invariant, string failure)
        : base($"Invariant '{invariant}' violated: {failure}")
    {
        Invariant = invariant;
        Failure = failure;
    }

    /// <summary>Gets the name of the violated invariant.</summary>
    public string Invariant { get; }

    /// <summary>Gets the explanation of the counterexample.</summary>
    public string Failure { get; }
}
