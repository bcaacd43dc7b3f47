using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Invitations;

/// <summary>
/// A thread-safe, in-memory book of referral rewards under one rule: each invited member's claim, the sales that
/// claimed, and each inviter's claims for the cap.
/// </summary>
/// <remarks>
/// Each invited member's claim has its own lock; an inviter's cap is counted under the inviter's lock, so racing
/// purchases of two friends never exceed it. The rule is checked against the profile when the book is created (like a
/// plan at registration), and every claim keeps the quote and the rewards within the profile's payout ratio.
/// </remarks>
public sealed class ReferralRewardBook
{
    private readonly ConcurrentDictionary<MemberId, ReferralClaim> _claims = new();
    private readonly ConcurrentDictionary<string, MemberId> _sales = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MemberId, List<(Instant At, MemberId Invited)>> _inviters = new();
    private readonly SocialCommerceListener? _listener;

    /// <summary>Creates an empty book.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="profile">The compliance profile; none when null.</param>
    /// <param name="plan">The commission plan that pays the same sales, for the payout-ratio check at registration; none when null.</param>
    /// <param name="listener">Told about every action and compliance decision; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ComplianceRefusedException">The profile refuses the rule.</exception>
    public ReferralRewardBook(ReferralRewardRule rule, ComplianceProfile? profile = null, PlanFacts? plan = null, SocialCommerceListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Profile = profile;
        _listener = listener;
        if (profile is not null)
        {
            var decision = profile.CheckInvitationRule(rule.GetFacts(plan));
            listener?.OnComplianceDecision(new ComplianceDecisionArguments(decision));
            decision.EnsureAccepted();
        }
    }

    /// <summary>Gets the rule.</summary>
    public ReferralRewardRule Rule { get; }

    /// <summary>Gets the compliance profile, if any.</summary>
    public ComplianceProfile? Profile { get; }

    /// <summary>A paid purchase claims its buyer's referral reward when it is their first qualifying one (see <see cref="ReferralClaim.Claim(ReferralRewardRule, Sale, MemberId, Instant, int, CommissionQuote?, ComplianceProfile?)"/>).</summary>
    /// <param name="sale">The paid purchase.</param>
    /// <param name="buyer">The buyer as the network knows them (referrer and binding instant).</param>
    /// <param name="quote">The sale's commission quote, for the payout-ratio limit; null when it pays no commission.</param>
    /// <returns>The result; <see cref="ReferralRewardRefusal.NoInviter"/> when the buyer has no referrer; <see cref="ReferralRewardRefusal.ConflictingDuplicate"/> when the sale id already claimed for another buyer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="buyer"/> is not the sale's buyer, or the quote is not the sale's.</exception>
    public ReferralRewardResult Claim(Sale sale, NetworkMember buyer, CommissionQuote? quote = null)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (buyer.Referrer is not MemberId inviter || buyer.Member != sale.Buyer)
        {
            // Nobody to count against (or misuse): the claim decides the refusal or throws, and nothing is recorded.
            return Report(ReferralClaim.Start(sale.Buyer).Claim(Rule, sale, buyer, 0, quote, Profile));
        }

        var claim = _claims.GetOrAdd(sale.Buyer, static m => ReferralClaim.Start(m));
        var list = _inviters.GetOrAdd(inviter, static _ => []);
        ReferralRewardResult result;
        lock (claim)
        {
            lock (list)
            {
                // The list holds the inviter's counted claims (a release takes its entry out).
                var window = Rule.CapWindow(sale.PaidAt);
                var count = 0;
                foreach (var (at, _) in list)
                {
                    count += window.Contains(at) ? 1 : 0;
                }

                // The sale id is taken for this buyer first (a racing claim of another buyer with the same id sees it),
                // and given back when the claim is refused.
                var owner = _sales.GetOrAdd(sale.Id, sale.Buyer);
                result = ReferralClaim.CheckSaleId(sale, owner) ?? claim.Claim(Rule, sale, buyer, count, quote, Profile);
                if (result.IsApplied)
                {
                    list.Add((sale.PaidAt, sale.Buyer));
                }
                else if (owner == sale.Buyer && claim.Claimed?.SaleId != sale.Id)
                {
                    _sales.TryRemove(new KeyValuePair<string, MemberId>(sale.Id, sale.Buyer));
                }
            }
        }

        return Report(result);
    }

    /// <summary>The claiming purchase completed (see <see cref="ReferralClaim.Earn"/>).</summary>
    /// <param name="saleId">The purchase.</param>
    /// <param name="at">When it completed.</param>
    /// <returns>The result; <see cref="ReferralRewardRefusal.NotClaimedBySale"/> when the sale claimed nothing.</returns>
    public ReferralRewardResult Earn(string saleId, Instant at) => Act(saleId, claim => claim.Earn(saleId, at));

    /// <summary>The claiming purchase was refunded in full or declined (see <see cref="ReferralClaim.Reverse"/>).</summary>
    /// <param name="saleId">The purchase.</param>
    /// <param name="at">When.</param>
    /// <returns>The result; <see cref="ReferralRewardRefusal.NotClaimedBySale"/> when the sale claimed nothing.</returns>
    public ReferralRewardResult Reverse(string saleId, Instant at) => Act(saleId, claim =>
    {
        var result = claim.Reverse(saleId, at);
        if (result is { IsAccepted: true, IsDuplicate: false, Event: ReferralRewardReleased } && claim.Claimed is { } released
            && _inviters.TryGetValue(released.Inviter, out var list))
        {
            lock (list)
            {
                list.RemoveAll(e => e.Invited == claim.Invited && e.At == released.At);
            }
        }

        return result;
    });

    /// <summary>Books the money rewards a sale claimed as lines of that sale (see <see cref="ReferralClaim.AddRewardsTo"/>).</summary>
    /// <param name="sale">The sale as booked from its quote.</param>
    /// <returns>The sale with the reward lines, or the same sale when it claimed nothing (or its claim was released).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public LedgerSale AddRewardsTo(LedgerSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (!_sales.TryGetValue(sale.SaleId, out var invited) || !_claims.TryGetValue(invited, out var claim))
        {
            return sale;
        }

        lock (claim)
        {
            return claim.Status != ReferralClaimStatus.Open && claim.Claimed?.SaleId == sale.SaleId ? claim.AddRewardsTo(sale) : sale;
        }
    }

    /// <summary>Returns an invited member's claim status.</summary>
    /// <param name="invited">The invited member.</param>
    /// <returns>The status; <see cref="ReferralClaimStatus.Open"/> for a member the book has not seen.</returns>
    public ReferralClaimStatus GetStatus(MemberId invited)
    {
        if (!_claims.TryGetValue(invited, out var claim))
        {
            return ReferralClaimStatus.Open;
        }

        lock (claim)
        {
            return claim.Status;
        }
    }

    /// <summary>Returns an invited member's events, in order (empty for a member the book has not seen).</summary>
    /// <param name="invited">The invited member.</param>
    /// <returns>A copy of the events.</returns>
    public IReadOnlyList<ReferralRewardEvent> GetEvents(MemberId invited)
    {
        if (!_claims.TryGetValue(invited, out var claim))
        {
            return [];
        }

        lock (claim)
        {
            return [.. claim.Events];
        }
    }

    /// <summary>Takes in a stored claim rebuilt with <see cref="ReferralClaim.FromHistory"/>.</summary>
    /// <param name="claim">The claim.</param>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    /// <exception cref="ArgumentException">The book already holds a claim of that member; nothing changes.</exception>
    public void Restore(ReferralClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!_claims.TryAdd(claim.Invited, claim))
        {
            throw new ArgumentException($"The book already holds member {claim.Invited}'s referral reward.", nameof(claim));
        }

        foreach (var e in claim.Events)
        {
            if (e is ReferralRewardClaimed claimed)
            {
                _sales[claimed.SaleId] = claim.Invited;
            }
        }

        if (claim.Claimed is { } last && claim.Status is ReferralClaimStatus.Pending or ReferralClaimStatus.Earned or ReferralClaimStatus.Reversed)
        {
            var list = _inviters.GetOrAdd(last.Inviter, static _ => []);
            lock (list)
            {
                list.Add((last.At, claim.Invited));
            }
        }
    }

    private ReferralRewardResult Act(string saleId, Func<ReferralClaim, ReferralRewardResult> action)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        if (!_sales.TryGetValue(saleId, out var invited) || !_claims.TryGetValue(invited, out var claim))
        {
            return Report(ReferralRewardResult.Refused(default, ReferralRewardRefusal.NotClaimedBySale));
        }

        ReferralRewardResult result;
        lock (claim)
        {
            result = action(claim);
        }

        return Report(result);
    }

    private ReferralRewardResult Report(ReferralRewardResult result)
    {
        CommittedReport.To(_listener, static (l, a) => l.OnReferralReward(a), new ReferralRewardArguments(Rule.Name, result));

        return result;
    }
}
