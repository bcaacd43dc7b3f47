using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>
/// Referral rewards (拉新) on the database, under the rule registered with <c>UseReferralRewards</c>: one versioned row per
/// invited member, a row per claiming sale, and a versioned counter per inviter so racing claims near the inviter's cap
/// conflict instead of both passing. Money rewards are posted with their sale through <see cref="StoredCommissionLedger"/>
/// (<see cref="PostAsync"/>): the claim first, then the ledger, each idempotent by the sale id, so a crash between them is
/// repaired by posting the sale again.
/// </summary>
/// <remarks>Thread-safe. Completions and full refunds go to both the ledger and <see cref="EarnAsync"/> / <see cref="ReverseAsync"/>.</remarks>
public sealed class StoredReferralRewards
{
    private const string RuleKind = "referral-reward-rule";
    private readonly StoreExecutor _store;
    private readonly ReferralRewardBook _program;
    private readonly StoredCommissionLedger _ledger;
    private readonly RuleVersions _versions;
    private readonly SocialCommerce.Telemetry.SocialCommerceListener? _listener;
    private readonly ClaimRows _claims = new();

    internal StoredReferralRewards(StoreExecutor store, ReferralRewardBook program, StoredCommissionLedger ledger, RuleVersions versions, SocialCommerce.Telemetry.SocialCommerceListener? listener = null)
    {
        _listener = listener;
        _store = store;
        _program = program;
        _ledger = ledger;
        _versions = versions;
    }

    /// <summary>Gets the rule.</summary>
    public ReferralRewardRule Rule => _program.Rule;

    /// <summary>
    /// Posts a paid sale to the ledger, with its buyer's referral rewards as lines of it when it is their first qualifying
    /// purchase. Safe to retry: a second call claims nothing new and the ledger sees a duplicate.
    /// </summary>
    /// <param name="sale">The paid sale.</param>
    /// <param name="buyer">The buyer as the network knows them (referrer, binding instant).</param>
    /// <param name="booked">The sale as booked from its quote (<see cref="LedgerSale.FromQuote(Sale, CommissionQuote, CommissionPlan)"/>).</param>
    /// <param name="quote">The sale's quote, for the payout-ratio limit; null when the sale pays no commission.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The claim, the ledger's result, and the sale as posted.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="booked"/> is not <paramref name="sale"/>'s booking, or the buyer is not the sale's.</exception>
    public async Task<ReferralPosting> PostAsync(Sale sale, NetworkMember buyer, LedgerSale booked, CommissionQuote? quote = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booked);
        ArgumentNullException.ThrowIfNull(sale);
        if (!string.Equals(sale.Id, booked.SaleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The booking of sale '{booked.SaleId}' is not the booking of sale '{sale.Id}'.", nameof(booked));
        }

        var (reward, claim) = await ClaimCoreAsync(sale, buyer, quote, cancellationToken).ConfigureAwait(false);
        var posted = claim.Status != ReferralClaimStatus.Open && claim.Claimed?.SaleId == sale.Id ? claim.AddRewardsTo(booked) : booked;
        var ledger = await _ledger.PostAsync(posted, cancellationToken).ConfigureAwait(false);
        return new ReferralPosting(reward, ledger, posted);
    }

    /// <summary>Claims a buyer's referral reward for a paid sale, without posting (for a host that books money itself or rewards only points and coupons).</summary>
    /// <param name="sale">The paid sale.</param>
    /// <param name="buyer">The buyer as the network knows them.</param>
    /// <param name="quote">The sale's quote, for the payout-ratio limit; null when none.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The claim's result (see <see cref="ReferralClaim.Claim(ReferralRewardRule, Sale, NetworkMember, int, CommissionQuote?, Compliance.ComplianceProfile?)"/>).</returns>
    /// <exception cref="StoreConflictException">Other claims kept changing the same member or inviter first, every attempt.</exception>
    public async Task<ReferralRewardResult> ClaimAsync(Sale sale, NetworkMember buyer, CommissionQuote? quote = null, CancellationToken cancellationToken = default) =>
        (await ClaimCoreAsync(sale, buyer, quote, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>The claiming sale completed (the ledger's completion is separate): the reward is earned.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="at">When it completed.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>See <see cref="ReferralClaim.Earn"/>; <see cref="ReferralRewardRefusal.NotClaimedBySale"/> for a sale that claimed nothing.</returns>
    public Task<ReferralRewardResult> EarnAsync(string saleId, Instant at, CancellationToken cancellationToken = default) =>
        ReportedAsync(ChangeAsync($"earn the referral reward of sale '{saleId}'", saleId, at, claim => claim.Earn(saleId, at), cancellationToken));

    /// <summary>The claiming sale was refunded in full or declined (the ledger's refund is separate): released before completion, reversed after.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>See <see cref="ReferralClaim.Reverse"/>; <see cref="ReferralRewardRefusal.NotClaimedBySale"/> for a sale that claimed nothing.</returns>
    public Task<ReferralRewardResult> ReverseAsync(string saleId, Instant at, CancellationToken cancellationToken = default) =>
        ReportedAsync(ChangeAsync($"reverse the referral reward of sale '{saleId}'", saleId, at, claim => claim.Reverse(saleId, at), cancellationToken));

    /// <summary>Reads an invited member's referral reward.</summary>
    /// <param name="invited">The invited member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The claim (open at version 0 when nothing was claimed).</returns>
    public Task<ReferralClaim> GetAsync(MemberId invited, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read the referral reward of member {invited}", async (db, _, ct) =>
            await _claims.ReadAsync(db, invited, ct).ConfigureAwait(false) ?? ReferralClaim.Start(invited), cancellationToken);

    private async Task<ReferralRewardResult> ReportedAsync(Task<ReferralRewardResult> command)
    {
        var result = await command.ConfigureAwait(false);
        SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnReferralReward(a), new SocialCommerce.Telemetry.ReferralRewardArguments(_program.Rule.Name, result));
        return result;
    }

    private async Task<(ReferralRewardResult Result, ReferralClaim Claim)> ClaimCoreAsync(Sale sale, NetworkMember buyer, CommissionQuote? quote, CancellationToken cancellationToken)
    {
        var claimed = await ClaimStoredAsync(sale, buyer, quote, cancellationToken).ConfigureAwait(false);
        SocialCommerce.Telemetry.CommittedReport.To(_listener, static (l, a) => l.OnReferralReward(a), new SocialCommerce.Telemetry.ReferralRewardArguments(_program.Rule.Name, claimed.Result));
        return claimed;
    }

    private static readonly int[] CountedStatuses = ReferralCapWindow.CountedStatuses.Select(static s => (int)s).ToArray();

    private Task<(ReferralRewardResult Result, ReferralClaim Claim)> ClaimStoredAsync(Sale sale, NetworkMember buyer, CommissionQuote? quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var rule = _program.Rule;
        return _store.RunAsync($"claim the referral reward of sale '{sale.Id}'", async (db, _, ct) =>
        {
            var row = await db.Set<ReferralClaimRow>().FirstOrDefaultAsync(r => r.InvitedId == sale.Buyer.Value, ct).ConfigureAwait(false);
            var claim = ClaimRows.Load(sale.Buyer, row);
            var saleRow = await db.Set<ReferralSaleRow>().AsNoTracking().FirstOrDefaultAsync(s => s.SaleId == sale.Id, ct).ConfigureAwait(false);
            if (ReferralClaim.CheckSaleId(sale, saleRow is null ? null : new MemberId(saleRow.InvitedId)) is { } taken)
            {
                return (taken, claim);
            }

            var count = 0;
            ReferralInviterRow? inviterRow = null;
            if (buyer.Referrer is MemberId inviter && rule.InviterCap is not null)
            {
                // The counter row first, then the count: a claim the count misses committed after the row was read, so
                // this claim's version check on the row fails and the command retries (reading the other way round let
                // a claim pass on a stale count with a fresh row version).
                inviterRow = await db.Set<ReferralInviterRow>().FirstOrDefaultAsync(r => r.InviterId == inviter.Value, ct).ConfigureAwait(false);
                if (inviterRow is null)
                {
                    inviterRow = new ReferralInviterRow { InviterId = inviter.Value };
                    db.Add(inviterRow);
                }

                var window = rule.CapWindow(sale.PaidAt);
                var after = StoredJson.Ticks(window.After);
                var through = StoredJson.Ticks(window.Through);
                count = await db.Set<ReferralClaimRow>().AsNoTracking()
                    .CountAsync(r => r.InviterId == inviter.Value && r.InvitedId != sale.Buyer.Value && CountedStatuses.Contains(r.Status) && r.ClaimedAt > after && r.ClaimedAt <= through, ct).ConfigureAwait(false);
            }

            var result = claim.Claim(rule, sale, buyer, count, quote, _program.Profile);
            if (!result.IsApplied)
            {
                return (result, claim);
            }

            if (row is null)
            {
                row = new ReferralClaimRow { InvitedId = sale.Buyer.Value };
                db.Add(row);
            }

            ClaimRows.Save(row, claim);
            db.Add(new ReferralSaleRow { SaleId = sale.Id, InvitedId = sale.Buyer.Value });
            if (inviterRow is not null)
            {
                inviterRow.Claims++;
                inviterRow.Version++;
            }

            await _versions.RecordAsync(db, RuleKind, rule.Name, rule.Version, rule.ToString(), sale.PaidAt, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            _versions.Committed(RuleKind, rule.Name, rule.Version);
            return (result, claim);
        }, cancellationToken);
    }

    private Task<ReferralRewardResult> ChangeAsync(string command, string saleId, Instant at, Func<ReferralClaim, ReferralRewardResult> decide, CancellationToken cancellationToken)
    {
        StoredIds.Check(saleId, nameof(saleId));
        Instants.Check(at, nameof(at));
        return _store.RunAsync(command, async (db, _, ct) =>
        {
            var sale = await db.Set<ReferralSaleRow>().AsNoTracking().FirstOrDefaultAsync(s => s.SaleId == saleId, ct).ConfigureAwait(false);
            if (sale is null)
            {
                // Nothing claimed by this sale: the Core decides the refusal on an empty claim.
                return decide(ReferralClaim.Start(default));
            }

            return await _claims.DecideAsync(db, new MemberId(sale.InvitedId), claim =>
            {
                var result = decide(claim);
                return (result, result.IsApplied ? claim : null);
            }, ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
