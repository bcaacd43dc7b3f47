using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>One payout of a quoted sale: what one upline member earns from one line of the sale.</summary>
/// <param name="Beneficiary">The upline member paid.</param>
/// <param name="Level">Its upline level relative to the buyer: 1, 2 or 3.</param>
/// <param name="SaleLine">The index of the sale line the payout comes from.</param>
/// <param name="Amount">The amount, rounded toward zero to the currency's minor unit.</param>
internal readonly record struct PayoutLine(MemberId Beneficiary, int Level, int SaleLine, Money Amount);
