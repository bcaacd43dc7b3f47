namespace SocialCommerce.Compliance;

/// <summary>
/// How many members have between <paramref name="Min"/> and <paramref name="Max"/> direct recruits.
/// </summary>
/// <param name="Min">The smallest number of direct recruits in the bucket.</param>
/// <param name="Max">The largest number of direct recruits in the bucket.</param>
/// <param name="Members">The members whose number of direct recruits lies in [<paramref name="Min"/>, <paramref name="Max"/>].</param>
/// <remarks>Buckets are 0, 1, 2–3, 4–7, 8–15, … (powers of two).</remarks>
public readonly record struct FanOutBucket(int Min, int Max, int Members);
