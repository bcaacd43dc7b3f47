using System;
using System.Collections.Generic;
using System.Threading;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Compliance;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Samples.WebApi.Persistence;

namespace SocialCommerce.Samples.WebApi;

/// <summary>
/// The shop's mutable state (referral network, commission ledger, group book, members' growth) behind one lock.
/// Every change goes through <see cref="Apply"/>, both live (then the command is appended to the log if it
/// changed anything) and on start (replaying the log), so a restart rebuilds exactly the same state.
/// </summary>
public sealed class Shop
{
    private readonly Lock gate = new();
    private readonly ShopSettings settings;
    private readonly CommandLog log;
    private readonly IClock clock;
    private readonly ReferralNetwork network = new(BindingPolicy.AtRegistrationOnly);
    private readonly CommissionLedger ledger = new();
    private readonly GroupBuyBook groups;
    private readonly List<GroupBuyId> groupIds = [];
    private readonly Dictionary<MemberId, MemberGrowth> growth = [];
    private readonly HashSet<MemberId> buyers = [];

    /// <summary>Creates the shop and replays the command log.</summary>
    /// <param name="settings">The engines and documents.</param>
    /// <param name="log">The command log.</param>
    /// <param name="clock">The clock stamping live commands.</param>
    public Shop(ShopSettings settings, CommandLog log, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(clock);
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        groups = settings.Groups;

        foreach (var command in log.ReadAll())
        {
            Apply(command);
            ReplayedCommands++;
        }
    }

    /// <summary>Gets the number of commands replayed from the log at start.</summary>
    /// <value>The count.</value>
    public int ReplayedCommands { get; }

    /// <summary>Gets the engines and documents.</summary>
    /// <value>The settings.</value>
    public ShopSettings Settings => settings;

    /// <summary>Registers a member, under a referrer if given.</summary>
    /// <param name="member">The new member.</param>
    /// <param name="referrer">The referrer, already a member.</param>
    public void AddMember(MemberId member, MemberId? referrer)
    {
        lock (gate)
        {
            Execute(new MemberAdded(Now(), member.Value, referrer?.Value));
        }
    }

    /// <summary>Quotes a sale paid now against the current network, without booking it.</summary>
    /// <param name="saleId">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="lines">The sale lines.</param>
    /// <returns>The quote.</returns>
    public CommissionQuote Quote(string saleId, MemberId buyer, IReadOnlyList<SaleLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (gate)
        {
            var currency = lines.Count > 0 ? lines[0].PaidAmount.Currency : settings.Plan.Currency;
            return settings.Engine.Quote(new Sale(saleId, buyer, clock.GetCurrentInstant(), currency, lines), network);
        }
    }

    /// <summary>Quotes a sale and books the quote's earnings in the ledger.</summary>
    /// <param name="saleId">The sale id.</param>
    /// <param name="buyer">The buyer.</param>
    /// <param name="lines">The sale lines.</param>
    /// <returns>The quote and the ledger's answer.</returns>
    public (CommissionQuote Quote, LedgerResult Posting) QuoteAndPost(string saleId, MemberId buyer, IReadOnlyList<SaleLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (gate)
        {
            var at = clock.GetCurrentInstant();
            var currency = lines.Count > 0 ? lines[0].PaidAmount.Currency : settings.Plan.Currency;
            var sale = new Sale(saleId, buyer, at, currency, lines);
            var quote = settings.Engine.Quote(sale, network);
            var booked = LedgerSale.FromQuote(sale, quote, settings.Plan);
            var storedLines = new List<StoredSaleLine>(booked.Lines.Count);
            foreach (var line in booked.Lines)
            {
                storedLines.Add(new StoredSaleLine(line.Quantity, line.Paid.Amount));
            }

            var earnings = new List<StoredEarning>(booked.Earnings.Count);
            foreach (var earning in booked.Earnings)
            {
                earnings.Add(new StoredEarning(earning.Beneficiary.Value, earning.Level, earning.LineIndex, earning.Amount.Amount));
            }

            var command = new SalePosted(at.ToUnixTimeTicks(), saleId, buyer.Value, currency.Code, storedLines, earnings, booked.ReturnWindow.BclCompatibleTicks);
            return (quote, (LedgerResult)Execute(command)!);
        }
    }

    /// <summary>Completes a sale now; its earnings are frozen for the return window.</summary>
    /// <param name="saleId">The sale id.</param>
    /// <returns>The ledger's answer.</returns>
    public LedgerResult Complete(string saleId)
    {
        lock (gate)
        {
            return (LedgerResult)Execute(new SaleCompleted(Now(), saleId))!;
        }
    }

    /// <summary>Refunds a sale: given lines, an amount, or (neither) in full.</summary>
    /// <param name="refundId">The refund id (idempotency key).</param>
    /// <param name="saleId">The sale id.</param>
    /// <param name="amount">The refunded amount, or null.</param>
    /// <param name="lines">The refunded quantities of sale lines, or null.</param>
    /// <returns>The ledger's answer.</returns>
    public LedgerResult Refund(string refundId, string saleId, Money? amount, IReadOnlyList<StoredRefundLine>? lines)
    {
        if (amount is not null && lines is not null)
        {
            throw new ArgumentException($"Refund '{refundId}': give either an amount or lines, not both.", nameof(lines));
        }

        lock (gate)
        {
            return (LedgerResult)Execute(new RefundPosted(Now(), refundId, saleId, amount?.Amount, amount?.Currency.Code, lines))!;
        }
    }

    /// <summary>Releases every frozen earning whose return window has closed by now.</summary>
    /// <returns>The ledger's answer.</returns>
    public LedgerResult Release()
    {
        lock (gate)
        {
            return (LedgerResult)Execute(new LedgerReleased(Now()))!;
        }
    }

    /// <summary>Withdraws available commission.</summary>
    /// <param name="withdrawalId">The withdrawal id (idempotency key).</param>
    /// <param name="member">The member.</param>
    /// <param name="amount">The gross amount.</param>
    /// <returns>The ledger's answer.</returns>
    public LedgerWithdrawalResult Withdraw(string withdrawalId, MemberId member, Money amount)
    {
        lock (gate)
        {
            return (LedgerWithdrawalResult)Execute(new WithdrawalPosted(Now(), withdrawalId, member.Value, amount.Amount, amount.Currency.Code))!;
        }
    }

    /// <summary>Opens a group under a rule.</summary>
    /// <param name="rule">The rule name.</param>
    /// <param name="leader">The leader, a member.</param>
    /// <returns>The book's answer.</returns>
    public GroupBuyResult OpenGroup(string rule, MemberId leader)
    {
        lock (gate)
        {
            RequireMember(leader);
            return (GroupBuyResult)Execute(new GroupOpenRequested(Now(), rule, leader.Value))!;
        }
    }

    /// <summary>Joins a group; a member who has bought nothing yet counts as new.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The member.</param>
    /// <returns>The book's answer.</returns>
    public GroupBuyResult JoinGroup(GroupBuyId groupId, MemberId member)
    {
        lock (gate)
        {
            RequireMember(member);
            return (GroupBuyResult)Execute(new GroupJoinRequested(Now(), groupId.Value, member.Value, !buyers.Contains(member)))!;
        }
    }

    /// <summary>Closes every open group whose deadline has passed.</summary>
    /// <returns>One result per closed group.</returns>
    public IReadOnlyList<GroupBuyResult> CloseDueGroups()
    {
        lock (gate)
        {
            return (IReadOnlyList<GroupBuyResult>)Execute(new GroupsClosedDue(Now()))!;
        }
    }

    /// <summary>Reports a growth activity of a member, stamped now.</summary>
    /// <param name="command">The activity (its instant is replaced by now).</param>
    /// <returns>The evaluation.</returns>
    public GrowthEvaluation Report(GrowthReported command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (gate)
        {
            return (GrowthEvaluation)Execute(command with { AtTicks = Now() })!;
        }
    }

    /// <summary>Reads a member's referrer, depth, growth state and balances.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The view.</returns>
    public MemberView GetMember(MemberId member)
    {
        lock (gate)
        {
            RequireMember(member);
            MemberId? referrer = network.TryGetReferrer(member, out var r) ? r : null;
            return new MemberView(member, referrer, network.GetDepth(member), growth[member], ledger.GetBalances(member));
        }
    }

    /// <summary>Reads a group.</summary>
    /// <param name="groupId">The group.</param>
    /// <returns>The snapshot.</returns>
    public GroupBuySnapshot GetGroup(GroupBuyId groupId)
    {
        lock (gate)
        {
            return groups.GetSnapshot(groupId);
        }
    }

    /// <summary>Reads every group, in opening order.</summary>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<GroupBuySnapshot> GetGroups()
    {
        lock (gate)
        {
            var result = new List<GroupBuySnapshot>(groupIds.Count);
            foreach (var id in groupIds)
            {
                result.Add(groups.GetSnapshot(id));
            }

            return result;
        }
    }

    /// <summary>Audits the network under the active compliance profile, with the plan's facts.</summary>
    /// <returns>The report.</returns>
    public NetworkAuditReport Audit()
    {
        lock (gate)
        {
            return settings.Compliance.AuditNetwork(network, settings.Plan.ToPlanFacts());
        }
    }

    private long Now() => clock.GetCurrentInstant().ToUnixTimeTicks();

    private void RequireMember(MemberId member)
    {
        if (!network.Contains(member))
        {
            throw new UnknownMemberException(member);
        }
    }

    private object? Execute(ShopCommand command)
    {
        var (changed, result) = Apply(command);
        if (changed)
        {
            log.Append(command);
        }

        return result;
    }

    private (bool Changed, object? Result) Apply(ShopCommand command)
    {
        var at = Instant.FromUnixTimeTicks(command.AtTicks);
        switch (command)
        {
            case MemberAdded added:
                {
                    var member = new MemberId(added.Member);
                    if (growth.ContainsKey(member))
                    {
                        throw new ArgumentException($"Member {added.Member} is already registered.", nameof(command));
                    }

                    var state = settings.Growth.Enrol(member, at, settings.DefaultZone);
                    if (added.Referrer is { } referrer)
                    {
                        network.AddMember(member, new MemberId(referrer), at);
                    }
                    else
                    {
                        network.AddMember(member, at);
                    }

                    growth[member] = state;
                    return (true, null);
                }

            case SalePosted posted:
                {
                    var currency = Currency.FromCode(posted.Currency);
                    var lines = new List<LedgerSaleLine>(posted.Lines.Count);
                    foreach (var line in posted.Lines)
                    {
                        lines.Add(new LedgerSaleLine(line.Quantity, new Money(line.Paid, currency)));
                    }

                    var earnings = new List<LedgerEarning>(posted.Earnings.Count);
                    foreach (var earning in posted.Earnings)
                    {
                        earnings.Add(new LedgerEarning(new MemberId(earning.Beneficiary), earning.Level, earning.LineIndex, new Money(earning.Amount, currency)));
                    }

                    var sale = new LedgerSale(posted.SaleId, new MemberId(posted.Buyer), at, currency, lines, earnings, Duration.FromTicks(posted.ReturnWindowTicks));
                    var result = ledger.Post(sale);
                    if (result.IsApplied)
                    {
                        buyers.Add(sale.Buyer);
                    }

                    return (result.IsApplied, result);
                }

            case SaleCompleted completed:
                {
                    var result = ledger.Complete(completed.SaleId, at);
                    return (result.IsApplied, result);
                }

            case RefundPosted refund:
                {
                    LedgerRefund request;
                    if (refund.Lines is { } refundLines)
                    {
                        var lines = new List<LedgerRefundLine>(refundLines.Count);
                        foreach (var line in refundLines)
                        {
                            lines.Add(new LedgerRefundLine(line.LineIndex, line.Quantity));
                        }

                        request = LedgerRefund.ForLines(refund.RefundId, refund.SaleId, at, lines);
                    }
                    else
                    {
                        request = refund.Amount is { } amount
                            ? LedgerRefund.ForAmount(refund.RefundId, refund.SaleId, at, new Money(amount, Currency.FromCode(refund.Currency ?? settings.Plan.Currency.Code)))
                            : LedgerRefund.Full(refund.RefundId, refund.SaleId, at);
                    }

                    var result = ledger.Refund(request);
                    return (result.IsApplied, result);
                }

            case LedgerReleased:
                {
                    var result = ledger.Release(at);
                    return (result.IsApplied && result.EntryCount > 0, result);
                }

            case WithdrawalPosted withdrawal:
                {
                    var result = ledger.Withdraw(new LedgerWithdrawal(
                        withdrawal.WithdrawalId, new MemberId(withdrawal.Member), new Money(withdrawal.Amount, Currency.FromCode(withdrawal.Currency)), at));
                    return (result.Result.IsApplied, result);
                }

            case GroupOpenRequested open:
                {
                    var result = groups.Open(open.Rule, new MemberId(open.Leader), at);
                    if (result.IsAccepted)
                    {
                        groupIds.Add(result.GroupId);
                    }

                    return (result.IsAccepted, result);
                }

            case GroupJoinRequested join:
                {
                    var result = groups.Join(new GroupBuyId(join.GroupId), new MemberId(join.Member), at, join.IsNewMember);
                    return (result.IsAccepted, result);
                }

            case GroupsClosedDue:
                {
                    var results = groups.CloseDue(at);
                    return (results.Count > 0, results);
                }

            case GrowthReported reported:
                {
                    var member = new MemberId(reported.Member);
                    if (!growth.TryGetValue(member, out var state))
                    {
                        throw new UnknownMemberException(member);
                    }

                    var activity = new GrowthActivity(new ActivityId(reported.ActivityId), member, at, new GrowthActivityKind(reported.Kind))
                    {
                        Amount = reported.Amount is { } amount ? new Money(amount, Currency.FromCode(reported.Currency ?? settings.Growth.Policy.Currency.Code)) : null,
                        Subject = reported.Subject,
                        Rank = reported.Rank,
                        Referred = reported.Referred is { } referred ? new MemberId(referred) : null,
                        Reverses = reported.Reverses is { } reverses ? new ActivityId(reverses) : null,
                    };
                    var evaluation = settings.Growth.Evaluate(state, [activity], at);
                    var changed = false;
                    foreach (var growthEvent in evaluation.Events)
                    {
                        changed |= growthEvent is not ActivityIgnored;
                    }

                    growth[member] = evaluation.State;
                    return (changed, evaluation);
                }

            default:
                throw new InvalidOperationException($"Unknown command type {command.GetType().Name}.");
        }
    }
}
