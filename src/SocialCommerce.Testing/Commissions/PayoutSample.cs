using System.Globalization;

namespace SocialCommerce.Testing;

/// <summary>One level of a generated override: a rate in basis points, or a fixed amount per unit in minor units.</summary>
/// <param name="IsFixed">Whether the payout is a fixed amount per unit rather than a rate.</param>
/// <param name="Value">Basis points for a rate (10 000 = 100 %), minor units for a fixed amount.</param>
public sealed record PayoutSample(bool IsFixed, decimal Value)
{
    /// <summary>Formats as <c>R500</c> (a rate of 500 bp) or <c>F120</c> (120 minor units per unit).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => (IsFixed ? "F" : "R") + Value.ToString(CultureInfo.InvariantCulture);
}
