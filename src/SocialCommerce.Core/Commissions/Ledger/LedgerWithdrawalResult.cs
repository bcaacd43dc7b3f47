namespace SocialCommerce.Commissions;

/// <summary>
/// The result of a withdrawal: the posting result, and the gross amount, fee and net payout when applied.
/// </summary>
/// <param name="Result">The posting result (applied, duplicate or refused with a reason).</param>
/// <param name="Gross">The gross amount taken from the available balance (zero unless applied or duplicate).</param>
/// <param name="Fee">The fee: <c>gross × fee rate</c>, rounded toward zero to the minor unit.</param>
/// <param name="Net">What the host pays the member: <c>gross − fee</c>.</param>
public readonly record struct LedgerWithdrawalResult(LedgerResult Result, Money Gross, Money Fee, Money Net);
