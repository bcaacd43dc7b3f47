using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.Network;

namespace SocialCommerce.Invitations;

/// <summary>
/// An invited member's referral reward (拉新): claimed by their first qualifying paid purchase, earned when it
/// completes, released by a full refund before that (the next qualifying purchase may claim), reversed by a full refund
/// after it. Paid once per invited member, never for registering or binding alone.
/// </summary>
/// <remarks>
/// Not thread-safe: a host loads a claim (<see cref="FromHistory"/>), acts, and appends the event with optimistic
/// concurrency on <see cref="Version"/>. <see cref="ReferralRewardBook"/> is the thread-safe in-memory alternative.
/// Actions are idempotent by sale id: claiming, earning or reversing the same sale again is a duplicate.
/// </remarks>
public sealed class ReferralClaim
{
    private readonly List<ReferralRewardEvent> _events = [];

    private ReferralClaim(MemberId invited) => Invited = invited;

    /// <summary>Gets the invited member.</summary>
    public MemberId Invited { get; }

    /// <summary>Gets the status.</summary>
    public ReferralClaimStatus Status { get; private set; }

    /// <summary>Gets the version: the number of events (0 before the first claim).</summary>
    public long Version => _events.Count;

    /// <summary>Gets the current (or last) claim, null before the first.</summary>
    public ReferralRewardClaimed? Claimed { get; private set; }

    /// <summary>Gets the events so far, in order.</summary>
    public IReadOnlyList<ReferralRewardEvent> Events => _events;

    /// <summary>Starts the referral reward of an invited member who has claimed nothing yet.</summary>
    /// <param name="invited">The invited member.</param>
    /// <returns>An open claim at version 0.</returns>
    public static ReferralClaim Start(MemberId invited) => new(invited);

    /// <summary>Rebuilds a claim from its persisted events, nothing re-decided.</summary>
    /// <param name="invited">The invited member.</param>
    /// <param name="history">Its events in order, versions 1, 2, 3...; may be empty.</param>
    /// <returns>The claim as the events left it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="CorruptStateException">
    /// An event is of another member, skips a version, does not follow the one before, claims for an inviter who is the
    /// invited member, or grants what the claim did not (negative money or points, another grant when earned or reversed).
    /// The path names the event (<c>$[i]</c>) and its field.
    /// </exception>
    public static ReferralClaim FromHistory(MemberId invited, IEnumerable<ReferralRewardEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var check = new Serialization.StateCheck("referral claim history");
        var claim = new ReferralClaim(invited);
        var i = -1;
        foreach (var e in history)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            check.Present(e, path);
            check.That(e.Invited == invited, $"{path}.invited", e.Invited, $"the history is member {invited}'s.");
            check.That(e.Version == claim.Version + 1, $"{path}.version", e.Version, $"the event after version {claim.Version}.");
            check.That(Limits.IsSupported(e.At) && (e is ReferralRewardClaimed || claim.Claimed is null || e.At >= claim.Claimed.At), $"{path}.at", e.At, "a supported instant, not before the claim it follows.");
            check.That(claim.Follows(e), $"{path}.type", e.GetType().Name, $"cannot follow a claim that is {claim.Status}.");
            switch (e)
            {
                case ReferralRewardClaimed claimed:
                    check.That(claimed.Inviter != invited, $"{path}.inviter", claimed.Inviter, "nobody invites themselves.");
                    check.That(!string.IsNullOrEmpty(claimed.SaleId), $"{path}.saleId", claimed.SaleId, "a claim names its sale.");
                    check.That(!string.IsNullOrEmpty(claimed.RuleName), $"{path}.ruleName", claimed.RuleName, "a claim names its rule.");
                    CheckGrant(check, $"{path}.grant", claimed.Grant);
                    break;
                case ReferralRewardEarned earned:
                    check.That(Equals(earned.Grant, claim.Claimed!.Grant), $"{path}.grant", earned.Grant, "the reward earned is the one claimed.");
                    break;
                case ReferralRewardReversed reversed:
                    check.That(Equals(reversed.Grant, claim.Claimed!.Grant), $"{path}.grant", reversed.Grant, "the reward reversed is the one earned.");
                    break;
            }

            claim.Apply(e);
        }

        return claim;
    }

    private static void CheckGrant(Serialization.StateCheck check, string path, ReferralGrant? grant)
    {
        check.Present(grant, path);
        foreach (var (money, name) in new[] { (grant!.InviterMoney, "inviterMoney"), (grant.InvitedMoney, "invitedMoney"), (grant.InviterCoupon, "inviterCoupon"), (grant.InvitedCoupon, "invitedCoupon") })
        {
            check.That(money is not { } m || (m != default && Limits.IsSupported(m) && !m.IsNegative), path + "." + name, money, "whole minor units, not negative.");
        }

        check.That(grant.InviterPoints is >= 0 and <= Limits.MaxPoints, $"{path}.inviterPoints", grant.InviterPoints, $"from 0 to {Limits.MaxPoints} points.");
        check.That(grant.InvitedPoints is >= 0 and <= Limits.MaxPoints, $"{path}.invitedPoints", grant.InvitedPoints, $"from 0 to {Limits.MaxPoints} points.");
    }

    /// <summary>
    /// Decides whether a sale id may claim for its buyer, given the buyer it already claimed for (if any): a sale id
    /// names one purchase everywhere, so a sale id already claimed for another buyer is refused
    /// <see cref="ReferralRewardRefusal.ConflictingDuplicate"/> before anything else. Books and stores call it before
    /// <see cref="Claim(ReferralRewardRule, Sale, NetworkMember, int, CommissionQuote?, ComplianceProfile?)"/>.
    /// </summary>
    /// <param name="sale">The purchase.</param>
    /// <param name="claimedFor">The buyer the sale id already claimed for, or <see langword="null"/> when it claimed nothing.</param>
    /// <returns>The refusal, or <see langword="null"/> when the sale may go on to claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    public static ReferralRewardResult? CheckSaleId(Sale sale, MemberId? claimedFor)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return claimedFor is MemberId owner && owner != sale.Buyer
            ? ReferralRewardResult.Refused(sale.Buyer, ReferralRewardRefusal.ConflictingDuplicate)
            : null;
    }

    /// <summary>
    /// A paid purchase of the invited member claims the reward, when it is the first qualifying one: at least the
    /// minimum, in the rule's currency, paid in <c>[boundAt, boundAt + window)</c>, with the inviter under their cap.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="sale">The paid purchase; its buyer must be <see cref="Invited"/>.</param>
    /// <param name="inviter">The buyer's referrer when the purchase was paid.</param>
    /// <param name="boundAt">When the buyer was bound to the inviter.</param>
    /// <param name="inviterRewardsInPeriod">The inviter's claims (pending or earned) in the rule's cap period before this one; not negative.</param>
    /// <param name="quote">The sale's commission quote, for the payout-ratio limit; null when the sale pays no commission.</param>
    /// <param name="profile">The compliance profile: money rewards are scaled down so that the quote and the rewards stay within its payout ratio (<c>SC504</c>).</param>
    /// <returns>
    /// Accepted with <see cref="ReferralRewardClaimed"/>; a duplicate when this sale already claimed it; or refused:
    /// <see cref="ReferralRewardRefusal.AlreadyRewarded"/>, <see cref="ReferralRewardRefusal.ClaimPending"/>,
    /// <see cref="ReferralRewardRefusal.OtherCurrency"/>, <see cref="ReferralRewardRefusal.OutsideWindow"/>,
    /// <see cref="ReferralRewardRefusal.BelowMinimum"/>, <see cref="ReferralRewardRefusal.InviterCapReached"/>
    /// — decided after the duplicate check, so a resend of the claiming sale answers a duplicate carrying its claim even
    /// after a full refund released it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="sale"/> is null.</exception>
    /// <exception cref="ArgumentException">The sale's buyer is not the invited member, the inviter is the buyer, or the quote is not the sale's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inviterRewardsInPeriod"/> is negative or <paramref name="boundAt"/> is outside the supported instants.</exception>
    public ReferralRewardResult Claim(ReferralRewardRule rule, Sale sale, MemberId inviter, Instant boundAt, int inviterRewardsInPeriod = 0, CommissionQuote? quote = null, ComplianceProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sale);
        if (sale.Buyer != Invited)
        {
            throw new ArgumentException($"Sale '{sale.Id}' was bought by member {sale.Buyer}, not by the invited member {Invited}.", nameof(sale));
        }

        if (inviter == Invited)
        {
            throw new ArgumentException($"Member {Invited} cannot be their own inviter.", nameof(inviter));
        }

        if (quote is not null && !string.Equals(quote.SaleId, sale.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Quote of sale '{quote.SaleId}' is not the quote of sale '{sale.Id}'.", nameof(quote));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(inviterRewardsInPeriod);
        Limits.Check(boundAt, nameof(boundAt));
        if (Claimed is { } claimed && Status is ReferralClaimStatus.Pending or ReferralClaimStatus.Earned or ReferralClaimStatus.Reversed
            && string.Equals(claimed.SaleId, sale.Id, StringComparison.Ordinal))
        {
            return ReferralRewardResult.Duplicate(claimed);
        }

        foreach (var past in _events)
        {
            if (past is ReferralRewardReleased released && string.Equals(released.SaleId, sale.Id, StringComparison.Ordinal))
            {
                // The sale claimed, then a full refund released the claim: a resend answers its first outcome (and
                // claims nothing again; the next qualifying purchase may).
                return ReferralRewardResult.Duplicate(ClaimOf(sale.Id));
            }
        }

        var paid = sale.PaidTotal;

        var refusal = Status switch
        {
            ReferralClaimStatus.Earned or ReferralClaimStatus.Reversed => ReferralRewardRefusal.AlreadyRewarded,
            ReferralClaimStatus.Pending => ReferralRewardRefusal.ClaimPending,
            _ when sale.Currency != rule.Currency => ReferralRewardRefusal.OtherCurrency,
            _ when sale.PaidAt < boundAt || sale.PaidAt >= boundAt + rule.Window => ReferralRewardRefusal.OutsideWindow,
            _ when paid < rule.MinimumPurchase => ReferralRewardRefusal.BelowMinimum,
            _ when rule.InviterCap is int cap && inviterRewardsInPeriod >= cap => ReferralRewardRefusal.InviterCapReached,
            _ => ReferralRewardRefusal.None,
        };
        if (refusal != ReferralRewardRefusal.None)
        {
            return ReferralRewardResult.Refused(Invited, refusal);
        }

        var findings = new List<ComplianceFinding>();
        var grant = Decide(rule, sale, paid, quote, profile, findings);
        var e = new ReferralRewardClaimed(Invited, Version + 1, sale.PaidAt, rule.Name, inviter, sale.Id, grant) { RuleVersion = rule.Version };
        Apply(e);
        return ReferralRewardResult.Accepted(e, findings);
    }

    /// <summary>A paid purchase claims the reward, with the inviter and binding instant as the network knows the buyer.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="sale">The paid purchase; its buyer must be <see cref="Invited"/>.</param>
    /// <param name="buyer">The buyer as the network knows them; without a referrer the claim is refused <see cref="ReferralRewardRefusal.NoInviter"/>.</param>
    /// <param name="inviterRewardsInPeriod">The inviter's claims in the rule's cap period before this one.</param>
    /// <param name="quote">The sale's commission quote, for the payout-ratio limit; null when none.</param>
    /// <param name="profile">The compliance profile, for the payout-ratio limit; null when none.</param>
    /// <returns>See <see cref="Claim(ReferralRewardRule, Sale, MemberId, Instant, int, CommissionQuote?, ComplianceProfile?)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="sale"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="buyer"/> is not the sale's buyer, or as for the other overload.</exception>
    public ReferralRewardResult Claim(ReferralRewardRule rule, Sale sale, NetworkMember buyer, int inviterRewardsInPeriod = 0, CommissionQuote? quote = null, ComplianceProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (buyer.Member != sale.Buyer)
        {
            throw new ArgumentException($"Buyer {buyer.Member} is not the buyer {sale.Buyer} of sale '{sale.Id}'.", nameof(buyer));
        }

        return buyer.Referrer is MemberId inviter
            ? Claim(rule, sale, inviter, buyer.BoundAt, inviterRewardsInPeriod, quote, profile)
            : ReferralRewardResult.Refused(Invited, ReferralRewardRefusal.NoInviter);
    }

    /// <summary>The claim a sale made (it exists: the sale's release follows it).</summary>
    private ReferralRewardClaimed ClaimOf(string saleId)
    {
        foreach (var past in _events)
        {
            if (past is ReferralRewardClaimed claimed && string.Equals(claimed.SaleId, saleId, StringComparison.Ordinal))
            {
                return claimed;
            }
        }

        throw new InvalidOperationException($"Member {Invited}'s claim history releases sale '{saleId}' without its claim.");
    }

    /// <summary>The claiming purchase completed: the reward is earned (the host grants points and coupons now).</summary>
    /// <param name="saleId">The purchase.</param>
    /// <param name="at">When it completed.</param>
    /// <returns>Accepted with <see cref="ReferralRewardEarned"/>; a duplicate when already earned (or reversed) for this sale; refused <see cref="ReferralRewardRefusal.NotClaimedBySale"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the claim or outside the supported instants.</exception>
    public ReferralRewardResult Earn(string saleId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        if (Claimed is not { } claimed || !string.Equals(claimed.SaleId, saleId, StringComparison.Ordinal) || Status == ReferralClaimStatus.Open)
        {
            return ReferralRewardResult.Refused(Invited, ReferralRewardRefusal.NotClaimedBySale);
        }

        if (Status != ReferralClaimStatus.Pending)
        {
            return ReferralRewardResult.Duplicate(Last<ReferralRewardEarned>());
        }

        CheckTime(at, claimed);
        var e = new ReferralRewardEarned(Invited, Version + 1, at, saleId, claimed.Grant);
        Apply(e);
        return ReferralRewardResult.Accepted(e);
    }

    /// <summary>
    /// The claiming purchase was refunded in full (or declined): before completion the claim is released (nothing was
    /// granted; the next qualifying purchase may claim), after it the reward is reversed (the host takes back points and
    /// coupons, the ledger claws back the money) and never paid again. A partial refund is not a reversal: the ledger
    /// reverses the reward's money lines in proportion, like every line of the sale.
    /// </summary>
    /// <param name="saleId">The purchase.</param>
    /// <param name="at">When it was refunded.</param>
    /// <returns>Accepted with <see cref="ReferralRewardReleased"/> or <see cref="ReferralRewardReversed"/>; a duplicate when already done; refused <see cref="ReferralRewardRefusal.NotClaimedBySale"/> when the sale never claimed it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the claim or outside the supported instants.</exception>
    public ReferralRewardResult Reverse(string saleId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        for (var i = _events.Count - 1; i >= 0; i--)
        {
            if (_events[i] is ReferralRewardReleased released && string.Equals(released.SaleId, saleId, StringComparison.Ordinal))
            {
                return ReferralRewardResult.Duplicate(released);
            }
        }

        if (Claimed is not { } claimed || !string.Equals(claimed.SaleId, saleId, StringComparison.Ordinal))
        {
            return ReferralRewardResult.Refused(Invited, ReferralRewardRefusal.NotClaimedBySale);
        }

        if (Status == ReferralClaimStatus.Reversed)
        {
            return ReferralRewardResult.Duplicate(Last<ReferralRewardReversed>());
        }

        CheckTime(at, claimed);
        ReferralRewardEvent e = Status == ReferralClaimStatus.Pending
            ? new ReferralRewardReleased(Invited, Version + 1, at, saleId)
            : new ReferralRewardReversed(Invited, Version + 1, at, saleId, claimed.Grant);
        Apply(e);
        return ReferralRewardResult.Accepted(e);
    }

    /// <summary>
    /// Books the claimed money rewards as lines of the claiming sale: the inviter's at level 1, the invited member's at
    /// level 0, each spread over the sale's lines in proportion to what they paid (exactly, in minor units), so a refund
    /// of a line reverses its share. Deterministic: a retry builds the same sale, which the ledger treats as a duplicate.
    /// </summary>
    /// <param name="sale">The sale as booked from its quote (<see cref="LedgerSale.FromQuote(Sale, CommissionQuote, Duration)"/>).</param>
    /// <returns>The sale with the reward lines appended; the same instance when the claim gives no money.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sale"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The sale is not the one that claimed the reward, or the claim was released.</exception>
    public LedgerSale AddRewardsTo(LedgerSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (Claimed is not { } claimed || !string.Equals(claimed.SaleId, sale.SaleId, StringComparison.Ordinal) || Status == ReferralClaimStatus.Open)
        {
            throw new InvalidOperationException($"Sale '{sale.SaleId}' has not claimed member {Invited}'s referral reward (status {Status}, claimed by '{Claimed?.SaleId}').");
        }

        var earnings = new List<LedgerEarning>(sale.Earnings);
        var weights = new decimal[sale.Lines.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = sale.Lines[i].Paid.Amount;
        }

        Spread(earnings, claimed.Grant.InviterMoney, claimed.Inviter, 1, weights);
        Spread(earnings, claimed.Grant.InvitedMoney, Invited, 0, weights);
        return earnings.Count == sale.Earnings.Count
            ? sale
            : new LedgerSale(sale.SaleId, sale.Buyer, sale.PaidAt, sale.Currency, sale.Lines, earnings, sale.ReturnWindow) { PlanVersion = sale.PlanVersion };
    }

    /// <summary>Describes the claim.</summary>
    /// <returns>E.g. <c>"Referral reward of member 7: Pending (sale 'S-1')"</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Referral reward of member {Invited}: {Status}{(Claimed is { } c ? " (sale '" + c.SaleId + "')" : string.Empty)}");

    private static void Spread(List<LedgerEarning> earnings, Money? amount, MemberId beneficiary, int level, decimal[] weights)
    {
        if (amount is not { IsZero: false } money)
        {
            return;
        }

        var total = 0m;
        foreach (var w in weights)
        {
            total += w;
        }

        Money[] parts = total == 0m ? [money] : money.Allocate(weights);
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].IsZero)
            {
                earnings.Add(new LedgerEarning(beneficiary, level, i, parts[i]));
            }
        }
    }

    private static ReferralGrant Decide(ReferralRewardRule rule, Sale sale, Money paid, CommissionQuote? quote, ComplianceProfile? profile, List<ComplianceFinding> findings)
    {
        var inviter = rule.InviterReward?.MoneyFor(paid);
        var invited = rule.InvitedReward?.MoneyFor(paid);
        var money = (inviter ?? Money.Zero(paid.Currency)) + (invited ?? Money.Zero(paid.Currency));
        var scaled = false;
        if (profile?.MaxPayoutRatio is Rate max && !money.IsZero)
        {
            var basis = quote?.Base ?? paid;
            var room = (basis * max.Fraction).Round(RoundingMode.TowardZero) - (quote?.Total ?? Money.Zero(paid.Currency));
            if (money > room)
            {
                // Exact: each part × room ÷ total in whole minor units (multiply before dividing, in 128 bits), and the
                // inviter takes what the invited member's rounding leaves, so a grant scaled into the room pays the room.
                var roomUnits = room.IsNegative ? 0L : room.ToMinorUnits();
                var totalUnits = money.ToMinorUnits();
                var invitedUnits = invited is { } b ? (long)((Int128)b.ToMinorUnits() * roomUnits / totalUnits) : 0L;
                invited = invited is null ? null : Money.FromMinorUnits(invitedUnits, paid.Currency);
                inviter = inviter is null ? null : Money.FromMinorUnits(roomUnits - invitedUnits, paid.Currency);
                scaled = true;
                var message = string.Format(CultureInfo.InvariantCulture, "Referral reward '{0}' for sale '{1}' was scaled from {2} to {3} so that commissions and rewards stay within profile '{4}''s payout ratio {5} of {6}.", rule.Name, sale.Id, money, (inviter ?? Money.Zero(paid.Currency)) + (invited ?? Money.Zero(paid.Currency)), profile.Name, max, basis);
                findings.Add(new ComplianceFinding(ComplianceCodes.ReferralRewardPayoutRatio, FindingSeverity.Warning, message, profile.GetCitation(ComplianceCodes.ReferralRewardPayoutRatio), FindingScope.Sale, sale.Id));
            }
        }

        return new ReferralGrant
        {
            InviterMoney = inviter,
            InvitedMoney = invited,
            InviterPoints = rule.InviterReward?.Kind == ReferralRewardKind.Points ? rule.InviterReward.Points : 0,
            InvitedPoints = rule.InvitedReward?.Kind == ReferralRewardKind.Points ? rule.InvitedReward.Points : 0,
            InviterCoupon = rule.InviterReward?.Kind == ReferralRewardKind.Coupon ? rule.InviterReward.Amount : null,
            InvitedCoupon = rule.InvitedReward?.Kind == ReferralRewardKind.Coupon ? rule.InvitedReward.Amount : null,
            Scaled = scaled,
        };
    }

    private bool Follows(ReferralRewardEvent e) => e switch
    {
        ReferralRewardClaimed => Status == ReferralClaimStatus.Open,
        ReferralRewardEarned earned => Status == ReferralClaimStatus.Pending && earned.SaleId == Claimed!.SaleId,
        ReferralRewardReleased released => Status == ReferralClaimStatus.Pending && released.SaleId == Claimed!.SaleId,
        ReferralRewardReversed reversed => Status == ReferralClaimStatus.Earned && reversed.SaleId == Claimed!.SaleId,
        _ => false,
    };

    private void Apply(ReferralRewardEvent e)
    {
        switch (e)
        {
            case ReferralRewardClaimed claimed:
                Claimed = claimed;
                Status = ReferralClaimStatus.Pending;
                break;
            case ReferralRewardEarned:
                Status = ReferralClaimStatus.Earned;
                break;
            case ReferralRewardReleased:
                Status = ReferralClaimStatus.Open;
                break;
            default:
                Status = ReferralClaimStatus.Reversed;
                break;
        }

        _events.Add(e);
    }

    private T Last<T>()
        where T : ReferralRewardEvent
    {
        for (var i = _events.Count - 1; i >= 0; i--)
        {
            if (_events[i] is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"Member {Invited}'s referral reward has no {typeof(T).Name} event.");
    }

    private void CheckTime(Instant at, ReferralRewardClaimed claimed)
    {
        if (at < claimed.At || !Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Sale '{claimed.SaleId}' claimed member {Invited}'s referral reward at {claimed.At}; an action at {at} is before it or outside the supported instants.");
        }
    }
}
