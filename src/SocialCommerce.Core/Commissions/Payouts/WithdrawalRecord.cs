using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// A withdrawal in its lifecycle: what was requested, the fee and the withholding fixed at request time, where it is,
/// how many transfers were tried, the payment provider's reference and the last reason given.
/// <c>Net == Gross − Fee − Withheld</c> exactly.
/// </summary>
/// <param name="WithdrawalId">The host's id.</param>
/// <param name="Member">The member.</param>
/// <param name="Gross">The amount requested; it leaves available at request and is withdrawn when paid.</param>
/// <param name="Fee">The withdrawal fee, fixed at request time.</param>
/// <param name="Withheld">What the host's withholding policy kept (tax), fixed at request time.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Attempts">How many transfers were started (approvals and retries).</param>
/// <param name="TransferReference">The payment provider's reference of the successful transfer, once paid.</param>
/// <param name="Reason">The reason given with the last rejection, failure or cancellation.</param>
public sealed record WithdrawalRecord(
    string WithdrawalId,
    MemberId Member,
    Money Gross,
    Money Fee,
    Money Withheld,
    Instant RequestedAt,
    WithdrawalStatus Status,
    int Attempts,
    string? TransferReference,
    string? Reason)
{
    /// <summary>Gets what the member receives: gross − fee − withheld.</summary>
    public Money Net => Gross - Fee - Withheld;

    /// <summary>Gets a value indicating whether the gross amount is held in withdrawal (requested or approved).</summary>
    public bool IsInWithdrawal => Status is WithdrawalStatus.Requested or WithdrawalStatus.Approved;
}
