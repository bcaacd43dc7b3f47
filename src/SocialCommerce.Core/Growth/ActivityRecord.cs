namespace SocialCommerce.Growth;

/// <summary>What the engine remembers of a posted activity: for idempotence, to answer a resend, and to reverse it.</summary>
internal struct ActivityRecord
{
    public long Points;
    public decimal Sales;
    public int Source;
    public bool Reversed;
    public bool IsReversal;

    /// <summary>The content's hash (<see cref="ActivityContent.Hash"/>); 0 when restored from a record that has none.</summary>
    public long Content;

    /// <summary>Why the first delivery earned nothing, plus one; 0 when it was scored or reversed points (or not known).</summary>
    public byte Ignored;
}
