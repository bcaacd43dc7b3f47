using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCommerce.Invitations;

/// <summary>
/// The whole schedule of a bargain's cuts, fixed when it opens: cut k is what help k (from 1) takes off the price.
/// Every cut is at least the rule's minimum cut, in whole minor units, and the cuts sum to start − floor exactly, so
/// after k helps the price is start − (first k cuts) and after the last help it is the floor.
/// </summary>
/// <remarks>
/// <see cref="Hash"/> commits to the schedule (a host may show it at opening and the cuts later, so that nobody can
/// change the cuts while the bargain runs); replaying the stored events gives the same schedule.
/// </remarks>
public sealed class BargainSchedule
{
    private readonly Money[] _cuts;

    private BargainSchedule(Money start, Money floor, Money[] cuts)
    {
        StartPrice = start;
        Floor = floor;
        _cuts = cuts;
        Hash = HashOf(start, floor, cuts);
    }

    /// <summary>Gets the price the bargain opens at.</summary>
    public Money StartPrice { get; }

    /// <summary>Gets the floor, the price after the last cut.</summary>
    public Money Floor { get; }

    /// <summary>Gets the cuts in help order.</summary>
    public IReadOnlyList<Money> Cuts => _cuts;

    /// <summary>Gets <c>"sha256:"</c> and the 64 hex digits of the SHA-256 of the schedule's canonical text (see docs/invitations.md).</summary>
    public string Hash { get; }

    /// <summary>Returns the price after a number of helps: the start price minus the first <paramref name="helps"/> cuts.</summary>
    /// <param name="helps">Helps done: in [0, number of cuts].</param>
    /// <returns>The price, exactly.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="helps"/> is out of range.</exception>
    public Money PriceAfter(int helps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(helps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(helps, _cuts.Length);
        var price = StartPrice;
        for (var i = 0; i < helps; i++)
        {
            price -= _cuts[i];
        }

        return price;
    }

    /// <summary>Rebuilds a recorded schedule (from <see cref="InvitationOpened.Cuts"/>), checking that it is one.</summary>
    /// <param name="start">The start price.</param>
    /// <param name="floor">The floor.</param>
    /// <param name="cuts">The recorded cuts.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">A cut is not positive whole minor units of the start price's currency, or the cuts do not sum to start − floor.</exception>
    public static BargainSchedule FromCuts(Money start, Money floor, IReadOnlyList<Money> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        var copy = new Money[cuts.Count];
        var sum = Money.Zero(start.Currency);
        for (var i = 0; i < copy.Length; i++)
        {
            var cut = cuts[i];
            if (cut == default || cut.Currency != start.Currency || !Limits.IsSupported(cut) || cut.Amount <= 0m)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cut {i + 1} of the schedule ({cut}) should be a positive amount in whole minor units of {start.Currency.Code}."), nameof(cuts));
            }

            sum += cut;
            copy[i] = cut;
        }

        if (copy.Length == 0 || sum != start - floor)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {copy.Length} cuts sum to {sum}; a schedule from {start} to {floor} should sum to {start - floor}."), nameof(cuts));
        }

        return new BargainSchedule(start, floor, copy);
    }

    internal static BargainSchedule Create(Money start, Money floor, int helpers, Money minimumCut, CutCurve curve, Rate? firstHelpShare, long seed)
    {
        var total = start.ToMinorUnits() - floor.ToMinorUnits();
        var minimum = minimumCut.ToMinorUnits();
        var spread = total - (minimum * helpers);
        var units = new long[helpers];
        var boost = 0L;
        if (firstHelpShare is Rate share && helpers > 1)
        {
            boost = (long)decimal.Truncate(share.Fraction * spread);
            spread -= boost;
        }

        switch (curve)
        {
            case CutCurve.Even:
                Even(units, spread);
                break;
            case CutCurve.DoubleMean:
                DoubleMean(units, spread, seed);
                break;
            default:
                Decaying(units, spread);
                break;
        }

        units[0] += boost;
        var cuts = new Money[helpers];
        for (var i = 0; i < helpers; i++)
        {
            cuts[i] = Money.FromMinorUnits(units[i] + minimum, start.Currency);
        }

        return new BargainSchedule(start, floor, cuts);
    }

    private static void Even(long[] units, long spread)
    {
        var share = spread / units.Length;
        var rest = spread % units.Length;
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = share + (i < rest ? 1 : 0);
        }
    }

    private static void DoubleMean(long[] units, long spread, long seed)
    {
        var random = new ScheduleRandom(seed);
        var left = spread;
        for (var i = 0; i < units.Length - 1; i++)
        {
            var remaining = units.Length - i;

            // Uniform in [0, 2 × mean]: 2·left/remaining ≤ left for remaining ≥ 2, so the rest never goes negative.
            var cut = random.Between0And((long)(((Int128)left * 2) / remaining));
            units[i] = cut;
            left -= cut;
        }

        units[^1] = left;
    }

    private static void Decaying(long[] units, long spread)
    {
        var n = units.Length;
        var weights = (Int128)n * (n + 1) / 2;
        var given = 0L;
        for (var i = 0; i < n; i++)
        {
            units[i] = (long)((Int128)spread * (n - i) / weights);
            given += units[i];
        }

        // The minor units lost to truncation go one each to the earliest (largest) cuts, keeping the curve decreasing.
        for (var i = 0; given < spread; i++)
        {
            units[i]++;
            given++;
        }
    }

    private static string HashOf(Money start, Money floor, Money[] cuts)
    {
        var text = new StringBuilder("bargain-schedule/1|");
        text.Append(start.Currency.Code).Append('|')
            .Append(start.ToMinorUnits().ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(floor.ToMinorUnits().ToString(CultureInfo.InvariantCulture)).Append('|');
        for (var i = 0; i < cuts.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(cuts[i].ToMinorUnits().ToString(CultureInfo.InvariantCulture));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexString(hash).ToLowerInvariant();
    }
}
