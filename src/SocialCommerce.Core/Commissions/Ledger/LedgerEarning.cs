using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// One earning a sale books in a <see cref="CommissionLedger"/>: a quoted commission line, fixed at quote time.
/// </summary>
/// <remarks>
/// The ledger keeps the beneficiary and the amount as booked: a later rebinding of the network never redirects
/// money already earned, and a refund reverses these booked amounts (no re-quote). Validated by
/// <see cref="LedgerSale"/>.
/// </remarks>
/// <param name="Beneficiary">The member who earns.</param>
/// <param name="Level">The beneficiary's level relative to the buyer (0 = the buyer, 1 = the direct referrer).</param>
/// <param name="LineIndex">The index, in <see cref="LedgerSale.Lines"/>, of the sale line the earning came from.</param>
/// <param name="Amount">The amount earned: whole minor units of the sale's currency, not negative.</param>
public readonly record struct LedgerEarning(MemberId Beneficiary, int Level, int LineIndex, Money Amount);
