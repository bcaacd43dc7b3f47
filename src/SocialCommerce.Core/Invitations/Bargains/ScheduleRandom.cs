using System;

namespace SocialCommerce.Invitations;

/// <summary>
/// SplitMix64: a small, fully specified generator, so a seed gives the same schedule on every machine and runtime
/// (System.Random's seeded sequence is not guaranteed across .NET versions).
/// </summary>
internal struct ScheduleRandom
{
    private ulong _state;

    public ScheduleRandom(long seed) => _state = unchecked((ulong)seed);

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform integer in [0, bound] (Lemire's multiply-and-reject: no modulo bias).</summary>
    public long Between0And(long bound)
    {
        if (bound <= 0)
        {
            return 0;
        }

        var range = (ulong)bound + 1;
        var threshold = unchecked(0UL - range) % range;
        while (true)
        {
            var high = Math.BigMul(Next(), range, out var low);
            if (low >= threshold)
            {
                return (long)high;
            }
        }
    }
}
