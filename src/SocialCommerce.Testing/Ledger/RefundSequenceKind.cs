namespace SocialCommerce.Testing;

/// <summary>How a generated <see cref="RefundSequence"/> refunds its sale.</summary>
public enum RefundSequenceKind
{
    /// <summary>One refund of the whole sale.</summary>
    Full = 0,

    /// <summary>One refund of some units of one line, or of an amount.</summary>
    Partial = 1,

    /// <summary>Several refunds on one basis (lines or amount) whose total is at most the sale; sometimes all of it.</summary>
    Split = 2,

    /// <summary>A full refund, or split refunds, one of which is posted again at the end with the same refund id (a retried request).</summary>
    Duplicated = 3,

    /// <summary>Refunds that arrive before the sale's completion, which arrives after them.</summary>
    OutOfOrder = 4,
}
