namespace SocialCommerce.Commissions;

/// <summary>
/// The balance of a member an entry lands in (or, for a cancellation, is taken from).
/// </summary>
public enum LedgerState
{
    /// <summary>Earned on a paid sale that is not completed yet.</summary>
    Pending = 0,

    /// <summary>The sale is completed; the earning is frozen until its return window closes.</summary>
    Frozen = 1,

    /// <summary>Released: the member may withdraw it.</summary>
    Available = 2,

    /// <summary>Withdrawn by the member (gross, fee included).</summary>
    Withdrawn = 3,

    /// <summary>Clawback debt: owed by the member, repaid by later released earnings.</summary>
    Debt = 4,

    /// <summary>A clawback shortfall written off by the platform.</summary>
    WrittenOff = 5,

    /// <summary>A clawback shortfall forgiven because the money was already withdrawn.</summary>
    Forgiven = 6,
}
