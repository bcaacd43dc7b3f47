using System.Runtime.InteropServices;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A commission line of the whole-minor-unit path in 32 bytes without references: what the line does not repeat from
/// the plan (its rate or fixed amount, its rule) and the sale (its base, its units) is an index into them.
/// <see cref="DirectQuote.Compose"/> gives the <see cref="CommissionLine"/>.
/// </summary>
/// <param name="Beneficiary">The member who earns.</param>
/// <param name="AmountMinor">The amount in whole minor units.</param>
/// <param name="Level">The beneficiary's level.</param>
/// <param name="SaleLineIndex">The sale line the commission comes from.</param>
/// <param name="Slot">The plan level (1-based) whose rate or fixed amount the line applies; 0 for the self-purchase rebate.</param>
/// <param name="Schedule">The index of the plan schedule (0 the level rates, above 0 an override).</param>
/// <remarks>A line whose <see cref="Level"/> is not its <see cref="Slot"/> was compressed (passed up past ineligible uplines).</remarks>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct DirectLine(MemberId Beneficiary, long AmountMinor, int Level, int SaleLineIndex, int Slot, int Schedule);
