namespace SocialCommerce.Testing;

/// <summary>How far the refunded sale of a <see cref="RefundSequence"/> got before its refunds.</summary>
public enum RefundStage
{
    /// <summary>Paid: the earnings are pending (refunds cancel them).</summary>
    Paid = 0,

    /// <summary>Completed: the earnings are frozen for the return window (refunds cancel them).</summary>
    Completed = 1,

    /// <summary>Released: the earnings are available (refunds claw them back under the ledger's policy).</summary>
    Released = 2,
}
