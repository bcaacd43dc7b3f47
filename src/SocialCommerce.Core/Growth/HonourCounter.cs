namespace SocialCommerce.Growth;

/// <summary>A precomputed activity counter of an <see cref="HonourMeasure.ActivityCount"/> honour rule.</summary>
internal sealed class HonourCounter(int index, long fromTicks, long untilTicks, int maxRank)
{
    public int Index { get; } = index;

    public long FromTicks { get; } = fromTicks;

    public long UntilTicks { get; } = untilTicks;

    public int MaxRank { get; } = maxRank;
}
