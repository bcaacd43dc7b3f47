namespace SocialCommerce.Growth;

/// <summary>What the engine remembers of a posted activity: for idempotence and to reverse it.</summary>
internal struct ActivityRecord
{
    public long Points;
    public decimal Sales;
    public int Source;
    public bool Reversed;
    public bool IsReversal;
}
