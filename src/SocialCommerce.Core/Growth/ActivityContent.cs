using System;

namespace SocialCommerce.Growth;

/// <summary>
/// A stable 64-bit hash of what an activity says (kind, instant, amount, subject, rank, the activity it reverses, the
/// referred member): the same in every process and every version, so that a stored record tells a resend (the same
/// content) from another activity reusing the id (<see cref="IgnoredReason.ConflictingDuplicate"/>).
/// </summary>
/// <remarks>
/// Each 64-bit word of the content (strings four UTF-16 units at a time) is folded in with a multiply and a shift: a
/// few nanoseconds an activity on the evaluation's hot path. Never 0 (0 marks a record stored before hashes were kept).
/// Not a defence against a crafted collision: it tells a host's mistake from a resend.
/// </remarks>
internal static class ActivityContent
{
    private const ulong Seed = 0x243F6A8885A308D3UL;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Hashes the content of an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The hash; never 0.</returns>
    public static long Hash(in GrowthActivity activity)
    {
        var h = Seed;
        h = Add(h, activity.Kind.Name);
        h = Add(h, activity.At.ToUnixTimeTicks());
        if (activity.Amount is { } amount)
        {
            h = Add(h, amount.Currency.Code);
            h = Add(h, amount.ToMinorUnits());
        }
        else
        {
            h = Add(h, (string?)null);
        }

        h = Add(h, activity.Subject);
        h = Add(h, activity.Rank);
        h = Add(h, activity.Reverses is { } reverses ? reverses.Value : long.MinValue);
        h = Add(h, activity.Referred is { } referred ? referred.Value : long.MinValue);
        h ^= h >> 29;
        var hash = unchecked((long)h);
        return hash == 0 ? 1 : hash;
    }

    private static ulong Add(ulong h, long value)
    {
        unchecked
        {
            h = (h ^ (ulong)value) * Multiplier;
            return h ^ (h >> 32);
        }
    }

    // The length goes first (−1 for null, so null and empty differ), then the text in little-endian words.
    private static ulong Add(ulong h, string? value)
    {
        h = Add(h, value is null ? -1 : value.Length);
        if (value is null)
        {
            return h;
        }

        var chars = value.AsSpan();
        var whole = chars.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            h = Add(h, unchecked((long)(chars[i] | ((ulong)chars[i + 1] << 16) | ((ulong)chars[i + 2] << 32) | ((ulong)chars[i + 3] << 48))));
        }

        ulong tail = 0;
        for (var i = whole; i < chars.Length; i++)
        {
            tail = (tail << 16) | chars[i];
        }

        return Add(h, unchecked((long)tail));
    }
}
