using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.EntityFrameworkCore.Commissions;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Growth;
using SocialCommerce.EntityFrameworkCore.Invitations;
using SocialCommerce.EntityFrameworkCore.Network;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.WebApi;

/// <summary>
/// The shop's use of the engines, on the database through SocialCommerce.EntityFrameworkCore: every request loads
/// what it touches, decides in Core and commits in one transaction, so any number of instances can serve the same
/// database. The shop holds no state of its own.
/// </summary>
public sealed class Shop
{
    private readonly ShopSettings settings;
    private readonly IClock clock;
    private readonly StoredReferralNetwork network;
    private readonly StoredInvitations invitations;
    private readonly InvitationBook invitationRules;
    private readonly StoredCommissionLedger ledger;
    private readonly StoredGroupBuys groups;
    private readonly StoredGrowth growth;
    private readonly StoredReferralRewards referralRewards;
    private readonly IServiceProvider services;

    /// <summary>Initializes a new instance of the <see cref="Shop"/> class.</summary>
    /// <param name="settings">The engines and documents.</param>
    /// <param name="clock">The clock stamping commands.</param>
    /// <param name="network">The stored referral network.</param>
    /// <param name="ledger">The stored commission ledger.</param>
    /// <param name="groups">The stored group buys.</param>
    /// <param name="growth">The stored growth accounts.</param>
    /// <param name="invitations">The stored invitations (bargains and assists).</param>
    /// <param name="invitationRules">The invitation rules.</param>
    /// <param name="referralRewards">The stored referral rewards (a new member's first purchase rewards both sides).</param>
    /// <param name="services">Where the campaigns' stored books are resolved, keyed by the campaign's name.</param>
    public Shop(ShopSettings settings, IClock clock, StoredReferralNetwork network, StoredCommissionLedger ledger, StoredGroupBuys groups, StoredGrowth growth, StoredInvitations invitations, InvitationBook invitationRules, StoredReferralRewards referralRewards, IServiceProvider services)
    {
        this.services = services ?? throw new ArgumentNullException(nameof(services));
        this.referralRewards = referralRewards ?? throw new ArgumentNullException(nameof(referralRewards));
        this.invitationRules = invitationRules ?? throw new ArgumentNullException(nameof(invitationRules));
        this.invitations = invitations ?? throw new ArgumentNullException(nameof(invitations));
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        this.settings = settings;
        this.clock = clock;
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.groups = groups ?? throw new ArgumentNullException(nameof(groups));
        this.growth = growth ?? throw new ArgumentNullException(nameof(growth));
    }

    /// <summary>Gets the engines and documents.</summary>
    public ShopSettings Settings => settings;

    /// <summary>Registers a member, under a referrer if given, and enrols it in growth.</summary>
    /// <param name="member">The new member.</param>
    /// <param name="referrer">The referrer, already a member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Bound, or the refusal (already registered, unknown referrer, self-referral).</returns>
    public async Task<BindingResult> AddMemberAsync(MemberId member, MemberId? referrer, CancellationToken cancellationToken)
    {
        var at = clock.GetCurrentInstant();
        var result = await network.RegisterAsync(member, referrer, at, cancellationToken).ConfigureAwait(false);
        if (result.IsBound)
        {
            await growth.EnrolAsync(member, at, settings.DefaultZone, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Quotes a sale paid now against the current network, without booking it.</summary>
    /// <param name="saleId">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="lines">The sale lines.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The quote.</returns>
    public Task<CommissionQuote> QuoteAsync(string saleId, MemberId buyer, IReadOnlyList<SaleLine> lines, CancellationToken cancellationToken) =>
        network.QuoteAsync(settings.Engine, NewSale(saleId, buyer, lines), cancellationToken);

    /// <summary>
    /// Quotes a sale paid now and books its commissions, idempotent by sale id: a retry (the same buyer and lines,
    /// whenever it arrives, whatever plan is current by then) is a duplicate answered with what the first posting
    /// booked; other content under a used id is refused as a conflicting duplicate.
    /// </summary>
    /// <param name="saleId">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="lines">The sale lines.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The posting and what the ledger holds for the sale (null when refused).</returns>
    public async Task<(SaleCommissionResult Posting, LedgerSale? Booked)> PostAsync(string saleId, MemberId buyer, IReadOnlyList<SaleLine> lines, CancellationToken cancellationToken)
    {
        var sale = NewSale(saleId, buyer, lines);

        // A resend is answered with its first outcome before anything is quoted (Core compares the business content).
        if (await ledger.GetSaleAsync(saleId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return (stored.PostAgain(sale), stored.Sale);
        }

        // One engine for the quote and its booking: a configuration reload in between cannot mix two plan versions.
        var engine = settings.Engine;
        var quote = await network.QuoteAsync(engine, sale, cancellationToken).ConfigureAwait(false);
        var booked = LedgerSale.FromQuote(sale, quote, engine.Plan);

        // The buyer's first qualifying purchase claims its referral reward: the rewards are lines of the same posting.
        // A guest (not a member) claims nothing.
        SaleCommissionResult result;
        var posted = booked;
        if (network.Contains(buyer))
        {
            var referral = await referralRewards.PostAsync(sale, network.GetMember(buyer), booked, quote, cancellationToken).ConfigureAwait(false);
            (result, posted) = (referral.Ledger, referral.Posted);
        }
        else
        {
            result = await ledger.PostAsync(booked, cancellationToken).ConfigureAwait(false);
        }

        // Another instance posted the same id first: the store answered as Core decides (duplicate or conflicting).
        return result.Outcome == LedgerOutcome.Applied
            ? (result, posted)
            : (result, (await ledger.GetSaleAsync(saleId, cancellationToken).ConfigureAwait(false))?.Sale);
    }

    /// <summary>Completes a sale now.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ledger's result.</returns>
    public async Task<SaleCommissionResult> CompleteAsync(string saleId, CancellationToken cancellationToken)
    {
        var at = clock.GetCurrentInstant();
        var result = await ledger.CompleteAsync(saleId, at, cancellationToken).ConfigureAwait(false);

        // The referral reward the sale claimed (if any) is earned with it; a sale that claimed none is refused, harmlessly.
        if (result.Outcome != LedgerOutcome.Refused)
        {
            await referralRewards.EarnAsync(saleId, at, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Refunds a sale now: in full, by amount or by lines.</summary>
    /// <param name="refundId">The refund id.</param>
    /// <param name="saleId">The sale.</param>
    /// <param name="amount">The refunded amount, or null.</param>
    /// <param name="lines">The refunded lines, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ledger's result.</returns>
    public Task<SaleCommissionResult> RefundAsync(string refundId, string saleId, Money? amount, IReadOnlyList<LedgerRefundLine>? lines, CancellationToken cancellationToken)
    {
        if (amount is not null && lines is not null)
        {
            throw new ArgumentException($"Refund '{refundId}': give either an amount or lines, not both.", nameof(lines));
        }

        return RefundCoreAsync(refundId, saleId, amount, lines, cancellationToken);
    }

    /// <summary>Reads a member's referral reward: whether their first purchase claimed it, for whom, and where it is.</summary>
    /// <param name="member">The invited member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The claim (open when nothing was claimed yet).</returns>
    public async Task<ReferralClaim> GetReferralRewardAsync(MemberId member, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return await referralRewards.GetAsync(member, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a member's growth: level, points, streaks and honours.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The growth state.</returns>
    public async Task<MemberGrowth> GetGrowthAsync(MemberId member, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return await growth.GetAsync(member, cancellationToken).ConfigureAwait(false)
            ?? await growth.EnrolAsync(member, clock.GetCurrentInstant(), settings.DefaultZone, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SaleCommissionResult> RefundCoreAsync(string refundId, string saleId, Money? amount, IReadOnlyList<LedgerRefundLine>? lines, CancellationToken cancellationToken)
    {
        var at = clock.GetCurrentInstant();
        var refund = lines is not null ? LedgerRefund.ForLines(refundId, saleId, at, lines)
            : amount is { } a ? LedgerRefund.ForAmount(refundId, saleId, at, a)
            : LedgerRefund.Full(refundId, saleId, at);
        var result = await ledger.RefundAsync(refund, cancellationToken).ConfigureAwait(false);

        // A full refund releases (before completion) or reverses (after) the referral reward the sale claimed; the
        // ledger already took back its money lines with the rest of the sale. A resend (Duplicate) reverses again, which
        // the claim answers as a duplicate: a crash between the two is repaired by resending the refund.
        if (result.Outcome != LedgerOutcome.Refused && refund.Basis == LedgerRefundBasis.Full)
        {
            await referralRewards.ReverseAsync(saleId, at, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Releases every sale whose return window has closed (the batch job).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The releases.</returns>
    public Task<IReadOnlyList<SaleCommissionResult>> ReleaseAsync(CancellationToken cancellationToken) =>
        ledger.ReleaseDueAsync(clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Withdraws available commission now.</summary>
    /// <param name="withdrawalId">The withdrawal id.</param>
    /// <param name="member">The member.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ledger's result with gross, fee and net.</returns>
    public Task<LedgerWithdrawalResult> WithdrawAsync(string withdrawalId, MemberId member, Money amount, CancellationToken cancellationToken) =>
        ledger.WithdrawAsync(new LedgerWithdrawal(withdrawalId, member, amount, clock.GetCurrentInstant()), cancellationToken);

    /// <summary>Opens a group under a rule, with a new random id.</summary>
    /// <param name="rule">The rule's name.</param>
    /// <param name="leader">The leader, a member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    /// <param name="units">The units the leader takes.</param>
    public async Task<GroupBuyResult> OpenGroupAsync(string rule, MemberId leader, int units, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(leader, cancellationToken).ConfigureAwait(false);
        var isNew = await IsNewMemberAsync(leader, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var id = new GroupBuyId(RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1024L + RandomNumberGenerator.GetInt32(0, 1024));
            if (await groups.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return await groups.OpenAsync(id, rule, leader, clock.GetCurrentInstant(), units, isNew, cancellationToken).ConfigureAwait(false);
            }

            // The random id is taken (one chance in billions); draw another.
        }
    }

    /// <summary>Opens an invitation (a bargain or an assist) owned by a member, with a new random id and, for a bargain, a random schedule seed.</summary>
    /// <param name="rule">The rule's name.</param>
    /// <param name="owner">The owner, a member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    public async Task<InvitationResult> OpenInvitationAsync(string rule, MemberId owner, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(owner, cancellationToken).ConfigureAwait(false);
        if (!System.Linq.Enumerable.Any(invitationRules.Rules, r => r.Name == rule))
        {
            // The rule is what the request names wrongly: a bad request naming the field, as for group rules.
            throw new Errors.RequestValidationException("rule", $"rule '{rule}' is not an invitation rule of this shop ({string.Join(", ", System.Linq.Enumerable.Order(System.Linq.Enumerable.Select(invitationRules.Rules, r => r.Name), StringComparer.Ordinal))}).");
        }

        while (true)
        {
            var id = new InvitationId(RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1024L + RandomNumberGenerator.GetInt32(0, 1024));
            if (await invitations.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                var seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
                return await invitations.OpenAsync(id, rule, owner, clock.GetCurrentInstant(), seed, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A member helps an invitation now (a member who has not bought yet counts as new).</summary>
    /// <param name="id">The invitation.</param>
    /// <param name="helper">The helper, a member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    public async Task<InvitationResult> HelpAsync(InvitationId id, MemberId helper, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(helper, cancellationToken).ConfigureAwait(false);
        var isNew = await IsNewMemberAsync(helper, cancellationToken).ConfigureAwait(false);
        return await invitations.HelpAsync(id, helper, clock.GetCurrentInstant(), isNew, isPaid: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an invitation.</summary>
    /// <param name="id">The invitation.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The invitation.</returns>
    /// <exception cref="UnknownInvitationException">No invitation has that id.</exception>
    public async Task<Invitation> GetInvitationAsync(InvitationId id, CancellationToken cancellationToken) =>
        await invitations.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new UnknownInvitationException(id);

    /// <summary>Joins a member to a group now.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    /// <param name="units">The units the member takes.</param>
    public async Task<GroupBuyResult> JoinGroupAsync(GroupBuyId groupId, MemberId member, int units, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(member, cancellationToken).ConfigureAwait(false);
        var isNew = await IsNewMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return await groups.JoinAsync(groupId, member, clock.GetCurrentInstant(), units, isNew, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns a campaign's stored book.</summary>
    /// <param name="name">The campaign's name.</param>
    /// <returns>The book.</returns>
    /// <exception cref="Errors.UnknownCampaignException">The shop runs no campaign of that name.</exception>
    public StoredCampaignBook Campaign(string name) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetKeyedService<GroupBuyCampaign>(services, name) is null
            ? throw new Errors.UnknownCampaignException(name)
            : Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<StoredCampaignBook>(services, name);

    /// <summary>A member opens a campaign's group for a SKU now, with a new random id, reserving its units from the SKU's quota.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="leader">The leader, a member.</param>
    /// <param name="units">The units the leader takes.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    public async Task<CampaignResult> OpenCampaignGroupAsync(StoredCampaignBook campaign, string sku, MemberId leader, int units, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(leader, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var id = new GroupBuyId(RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1024L + RandomNumberGenerator.GetInt32(0, 1024));
            if (await groups.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return await campaign.OpenAsync(id, sku, leader, units, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A member joins a campaign's group now, reserving its units from the SKU's quota.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The member.</param>
    /// <param name="units">The units the member takes.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The engine's result.</returns>
    public async Task<CampaignResult> JoinCampaignGroupAsync(StoredCampaignBook campaign, GroupBuyId groupId, MemberId member, int units, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(member, cancellationToken).ConfigureAwait(false);
        var isNew = await IsNewMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return await campaign.JoinAsync(groupId, member, units, clock.GetCurrentInstant(), isNew, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Settles every group whose deadline has passed.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The settlements.</returns>
    public Task<IReadOnlyList<GroupBuyResult>> CloseDueGroupsAsync(CancellationToken cancellationToken) =>
        groups.CloseDueAsync(clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Records a member's activity now.</summary>
    /// <param name="activity">The activity, at <see cref="Now"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The evaluation.</returns>
    public async Task<GrowthEvaluation> ReportAsync(GrowthActivity activity, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(activity.Member, cancellationToken).ConfigureAwait(false);
        return await growth.RecordAsync(activity.Member, [activity], activity.At, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the current instant of the shop's clock.</summary>
    public Instant Now => clock.GetCurrentInstant();

    /// <summary>Reads a member: its place in the network, its growth and its balances.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The view.</returns>
    public async Task<MemberView> GetMemberAsync(MemberId member, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(member, cancellationToken).ConfigureAwait(false);
        MemberId? referrer = network.TryGetReferrer(member, out var r) ? r : null;
        var state = await growth.GetAsync(member, cancellationToken).ConfigureAwait(false)
            ?? await growth.EnrolAsync(member, clock.GetCurrentInstant(), settings.DefaultZone, cancellationToken).ConfigureAwait(false);
        var balance = await ledger.GetBalanceAsync(member, settings.Plan.Currency, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LedgerBalance> balances = balance.Booked.Amount == 0 && balance.Withdrawn.Amount == 0 ? [] : [balance];
        return new MemberView(member, referrer, network.GetDepth(member), state, balances);
    }

    /// <summary>Reads a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The group.</returns>
    /// <exception cref="UnknownGroupBuyException">No group has that id.</exception>
    public async Task<GroupBuy> GetGroupAsync(GroupBuyId groupId, CancellationToken cancellationToken) =>
        await groups.GetAsync(groupId, cancellationToken).ConfigureAwait(false) ?? throw new UnknownGroupBuyException(groupId);

    /// <summary>Reads a page of groups (earliest deadline first), in two database round trips.</summary>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">How many to read.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The groups.</returns>
    public Task<IReadOnlyList<GroupBuy>> GetGroupPageAsync(int skip, int take, CancellationToken cancellationToken) =>
        groups.GetGroupPageAsync(skip, take, cancellationToken: cancellationToken);

    /// <summary>Audits the network (as last refreshed) under the configured profile.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    public async Task<NetworkAuditReport> AuditAsync(CancellationToken cancellationToken)
    {
        await network.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return settings.Compliance.AuditNetwork(ReferralNetwork.FromSnapshot(network.ToSnapshot()), settings.Plan.ToPlanFacts());
    }

    // A member who has bought nothing yet (the growth account has no completed sales) counts as new.
    private async Task<bool> IsNewMemberAsync(MemberId member, CancellationToken cancellationToken) =>
        (await growth.GetAsync(member, cancellationToken).ConfigureAwait(false))?.CumulativeSales.Amount is null or 0;

    private Sale NewSale(string saleId, MemberId buyer, IReadOnlyList<SaleLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var currency = lines.Count > 0 ? lines[0].PaidAmount.Currency : settings.Plan.Currency;
        return new Sale(saleId, buyer, clock.GetCurrentInstant(), currency, lines);
    }

    // A member registered on another instance is in this instance's cache after a refresh.
    private async Task RequireMemberAsync(MemberId member, CancellationToken cancellationToken)
    {
        if (!network.Contains(member))
        {
            await network.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (!network.Contains(member))
            {
                throw new UnknownMemberException(member);
            }
        }
    }
}
