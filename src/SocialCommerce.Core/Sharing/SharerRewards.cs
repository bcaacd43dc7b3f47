using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Sharing;

/// <summary>
/// The share rewards of one sharer under one rule: the counting fact behind the caps. A claim names the share's code
/// and the purchase it led to; one purchase rewards at most one share (a resend is a duplicate, another sharer or code
/// is refused). The daily cap counts rewards on the purchase's local day; the period cap holds for every window of the
/// period's length, whatever order the purchases arrive in. One writer per sharer.
/// </summary>
public sealed class SharerRewards
{
    private readonly Dictionary<string, ShareReward> _bySale = new(StringComparer.Ordinal);
    private readonly List<Instant> _times = [];

    /// <summary>Starts a sharer's rewards under a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="sharer">The sharer.</param>
    public SharerRewards(ShareRewardRule rule, MemberId sharer)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Sharer = sharer;
    }

    /// <summary>Gets the rule.</summary>
    public ShareRewardRule Rule { get; }

    /// <summary>Gets the sharer.</summary>
    public MemberId Sharer { get; }

    /// <summary>Gets the rewards given, in the order claimed.</summary>
    public IReadOnlyCollection<ShareReward> Rewards => _bySale.Values;

    /// <summary>Claims the reward of a share that led to a purchase.</summary>
    /// <param name="shareCode">The share's code (a valid SDK id), as the host tracked it.</param>
    /// <param name="purchase">The paid purchase it led to (by another member).</param>
    /// <returns>The reward; a duplicate; or the refusal naming the cap or the reason.</returns>
    public ShareRewardResult Claim(string shareCode, Sale purchase)
    {
        if (!Limits.IsValidId(shareCode))
        {
            throw new ArgumentException($"Share code '{shareCode}' is not a valid id.", nameof(shareCode));
        }

        ArgumentNullException.ThrowIfNull(purchase);
        if (_bySale.TryGetValue(purchase.Id, out var known))
        {
            return known.ShareCode == shareCode
                ? new ShareRewardResult(known, true, ShareRewardRefusal.None, $"Sale '{purchase.Id}' rewarded share '{shareCode}' before.")
                : new ShareRewardResult(null, false, ShareRewardRefusal.ConflictingDuplicate, $"Sale '{purchase.Id}' rewarded share '{known.ShareCode}', not '{shareCode}'.");
        }

        if (purchase.Buyer == Sharer)
        {
            return new ShareRewardResult(null, false, ShareRewardRefusal.SelfPurchase, $"Member {Sharer} bought through their own share '{shareCode}': no reward.");
        }

        var paid = purchase.PaidTotal;

        if (!paid.Currency.Equals(Rule.MinimumPurchase.Currency) || paid < Rule.MinimumPurchase)
        {
            return new ShareRewardResult(null, false, ShareRewardRefusal.BelowMinimumPurchase, $"Sale '{purchase.Id}' paid {paid}; share rule '{Rule.Name}' rewards purchases of at least {Rule.MinimumPurchase}.");
        }

        var at = purchase.PaidAt;
        if (Rule.DailyCap is { } daily)
        {
            var day = at.InZone(Rule.DayZone).Date;
            var sameDay = 0;
            foreach (var t in _times)
            {
                sameDay += t.InZone(Rule.DayZone).Date == day ? 1 : 0;
            }

            if (sameDay >= daily)
            {
                return new ShareRewardResult(null, false, ShareRewardRefusal.DailyCapReached, string.Create(CultureInfo.InvariantCulture, $"Member {Sharer} was rewarded {sameDay} shares on {day:uuuu-MM-dd}, the daily cap of rule '{Rule.Name}'."));
            }
        }

        if (Rule.PeriodCap is { } cap && BusiestWindowWith(at) > cap)
        {
            return new ShareRewardResult(null, false, ShareRewardRefusal.PeriodCapReached, string.Create(CultureInfo.InvariantCulture, $"Member {Sharer} would pass {cap} rewarded shares in {Rule.Period.TotalDays:0.##} days under rule '{Rule.Name}'."));
        }

        var reward = new ShareReward(Sharer, shareCode, purchase.Id, Rule.Points, Rule.CouponTemplateId, at);
        _bySale[purchase.Id] = reward;
        _times.Add(at);
        return new ShareRewardResult(reward, false, ShareRewardRefusal.None, $"Share '{shareCode}' of member {Sharer} rewarded for sale '{purchase.Id}'.");
    }

    // The most rewards any window [s, s + Period) holding `at` would have with a reward at `at` added: the windows
    // that matter start at `at` or at an earlier reward within the period.
    private int BusiestWindowWith(Instant at)
    {
        var busiest = 0;
        foreach (var start in Starts(at))
        {
            var count = 1;
            foreach (var t in _times)
            {
                count += t >= start && t < start + Rule.Period ? 1 : 0;
            }

            busiest = Math.Max(busiest, count);
        }

        return busiest;
    }

    private IEnumerable<Instant> Starts(Instant at)
    {
        yield return at;
        foreach (var t in _times)
        {
            if (t < at && t > at - Rule.Period)
            {
                yield return t;
            }
        }
    }
}
