namespace SocialCommerce.Growth;

/// <summary>
/// A stable 64-bit hash of what an activity says (kind, instant, amount, subject, rank, the activity it reverses, the
/// referred member): the same in every process and every version, so that a stored record tells a resend (the same
/// content) from another activity reusing the id (<see cref="IgnoredReason.ConflictingDuplicate"/>).
/// </summary>
/// <remarks>FNV-1a over the fields in a fixed order; never 0 (0 marks a record stored before hashes were kept).</remarks>
internal static class ActivityContent
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hashes the content of an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The hash; never 0.</returns>
    public static long Hash(in GrowthActivity activity)
    {
        var h = Offset;
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
        var hash = unchecked((long)h);
        return hash == 0 ? 1 : hash;
    }

    private static ulong Add(ulong h, long value)
    {
        unchecked
        {
            var v = (ulong)value;
            for (var i = 0; i < 8; i++)
            {
                h = (h ^ (byte)v) * Prime;
                v >>= 8;
            }

            return h;
        }
    }

    // A null string and an empty one hash apart: the length goes first, −1 for null.
    private static ulong Add(ulong h, string? value)
    {
        unchecked
        {
            h = Add(h, value is null ? -1 : value.Length);
            if (value is not null)
            {
                foreach (var c in value)
                {
                    h = (h ^ (byte)c) * Prime;
                    h = (h ^ (byte)(c >> 8)) * Prime;
                }
            }

            return h;
        }
    }
}
