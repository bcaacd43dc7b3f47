namespace SocialCommerce.Commissions;

/// <summary>What one effect did to an account beyond its amount: debt a release repaid, the split of a clawback.</summary>
/// <param name="Repaid">The minor units of a release that repaid clawback debt.</param>
/// <param name="Clawback">How a clawback split under the policy.</param>
internal readonly record struct AccountEffect(long Repaid, ClawbackOutcome Clawback);
