using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Tests.Fuzzing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>
/// Seeded mutations of every stored state (issue 24): deleted, duplicated and retyped fields, huge and tiny numbers,
/// truncation. Each mutated input is either refused — by <see cref="CorruptStateException"/> naming a JSON path, or by
/// the documented <see cref="NotSupportedException"/> for another schema version — or restores to a state whose
/// invariants hold and whose next commands behave as documented (no other exception). Both branches are exercised.
/// </summary>
public sealed class StateMutationTests
{
    private const int Mutations = 10_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 10, 0);
    private static readonly Currency Cny = Currency.CNY;

    private static Money Yuan(decimal amount) => new(amount, Cny);

    private static MemberId M(long id) => new(id);

    [Fact]
    public void Ledger_snapshots()
    {
        var ledger = new CommissionLedger();
        LedgerSale Sale(string id, long buyer) => new(id, M(buyer), T0, Cny, [new LedgerSaleLine(2, Yuan(100m)), new LedgerSaleLine(1, Yuan(50m))], [new LedgerEarning(M(1), 2, 0, Yuan(10m)), new LedgerEarning(M(2), 1, 0, Yuan(5m)), new LedgerEarning(M(2), 1, 1, Yuan(2.5m))], Duration.FromDays(7));
        ledger.Post(Sale("S-1", 3));
        ledger.Post(Sale("S-2", 3));
        ledger.Post(Sale("S-3", 4));
        ledger.Post(Sale("S-4", 4));
        ledger.Complete("S-1", T0 + Duration.FromDays(1));
        ledger.Complete("S-2", T0 + Duration.FromDays(1));
        ledger.Complete("S-3", T0 + Duration.FromDays(2));
        ledger.Release(T0 + Duration.FromDays(8));
        ledger.Withdraw(new LedgerWithdrawal("W-1", M(2), Yuan(10m), T0 + Duration.FromDays(9)));
        ledger.Refund(LedgerRefund.ForAmount("R-1", "S-2", T0 + Duration.FromDays(10), Yuan(125m)));
        ledger.Refund(LedgerRefund.Full("R-2", "S-1", T0 + Duration.FromDays(10)));
        ledger.Refund(LedgerRefund.ForLines("R-3", "S-4", T0 + Duration.FromDays(3), [new LedgerRefundLine(0, 1)]));
        ledger.Hold("S-4", "H-1", "fraud review");
        ledger.Hold("S-4", "H-2", "flagged referral");
        ledger.LiftHold("S-4", "H-1");
        ledger.RequestWithdrawal(new LedgerWithdrawal("W-2", M(1), Yuan(2m), T0 + Duration.FromDays(9)));
        ledger.RequestWithdrawal(new LedgerWithdrawal("W-3", M(1), Yuan(1m), T0 + Duration.FromDays(9)));
        ledger.ApproveWithdrawal(M(1), Cny, "W-3");
        ledger.MarkWithdrawalPaid(M(1), Cny, "W-3", "T-3");
        ledger.Adjust(new AccountAdjustment("A-1", M(2), Yuan(-1.5m), "staff", "correction", T0 + Duration.FromDays(11)));
        var json = SocialCommerceJson.Serialize(ledger.ToSnapshot());
        Assert.Contains("\"holds\"", json, StringComparison.Ordinal);
        Assert.Contains("\"requests\"", json, StringComparison.Ordinal);
        Assert.Contains("\"adjustments\"", json, StringComparison.Ordinal);

        Run<LedgerSnapshot, CommissionLedger>(json, snapshot => CommissionLedger.FromSnapshot(snapshot), restored =>
        {
            var members = restored.ToSnapshot().Accounts.Select(a => (a.Member, a.Currency)).ToList();
            restored.Post(new LedgerSale("S-new", M(9), T0, Cny, [new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(M(1), 1, 0, Yuan(1m))], Duration.Zero));
            restored.Complete("S-new", T0 + Duration.FromDays(20));
            restored.Release(T0 + Duration.FromDays(30));
            foreach (var sale in restored.ToSnapshot().Sales)
            {
                restored.Refund(LedgerRefund.Full("R-new-" + sale.Sale.SaleId, sale.Sale.SaleId, T0 + Duration.FromDays(31)));
            }

            foreach (var (member, currency) in members.Append((M(1), Cny)))
            {
                var b = restored.GetBalance(member, currency);
                Assert.True(b.Pending.Amount >= 0 && b.Frozen.Amount >= 0 && b.Available.Amount >= 0, b.ToString());
                Assert.True(b.IsConserved, b.ToString());
            }

            restored.LiftHold("S-4", "H-2");
            restored.ApproveWithdrawal(M(1), Cny, "W-2");
            restored.Adjust(new AccountAdjustment("A-2", M(1), Yuan(0.5m), "staff", "goodwill", T0 + Duration.FromDays(32)));
            CommissionLedger.FromSnapshot(restored.ToSnapshot()); // what it continues to is restorable too
        });
    }

    [Fact]
    public void Account_snapshots()
    {
        var options = new LedgerOptions { WithdrawalFee = Rate.Percent(1) };
        var account = new CommissionAccount(M(2), Cny, options);
        void Earn(string sale, long units, bool release)
        {
            account.Apply(new AccountPosting(sale + "/e", sale, M(2), Cny, AccountPostingKind.Earned, LedgerState.Pending, units));
            account.Apply(new AccountPosting(sale + "/c", sale, M(2), Cny, AccountPostingKind.Completed, LedgerState.Pending, units));
            if (release)
            {
                account.Apply(new AccountPosting(sale + "/r", sale, M(2), Cny, AccountPostingKind.Released, LedgerState.Frozen, units));
            }
        }

        Earn("S-1", 5000, true);
        Earn("S-2", 3000, false);
        account.RequestWithdrawal(new LedgerWithdrawal("W-1", M(2), Yuan(20m), T0));
        account.ApproveWithdrawal("W-1");
        account.MarkWithdrawalPaid("W-1", "T-1");
        account.RequestWithdrawal(new LedgerWithdrawal("W-2", M(2), Yuan(10m), T0));
        account.Adjust(new AccountAdjustment("A-1", M(2), Yuan(-25m), "staff", "correction", T0));
        account.Apply(new AccountPosting("R-1", "S-1", M(2), Cny, AccountPostingKind.Clawback, LedgerState.Available, 1000));
        account.Withdraw(new LedgerWithdrawal("W-0", M(2), Yuan(1m), T0));
        var json = SocialCommerceJson.Serialize(account.ToSnapshot());

        Run<CommissionAccountSnapshot, CommissionAccount>(json, snapshot => CommissionAccount.FromSnapshot(snapshot, options), restored =>
        {
            Earn2(restored, "S-9", 700);
            foreach (var id in new[] { "W-1", "W-2", "W-9" })
            {
                restored.RejectWithdrawal(id, "review");
                restored.CancelWithdrawal(id, "member");
            }

            restored.RequestWithdrawal(new LedgerWithdrawal("W-3", restored.Member, Money.FromMinorUnits(100, restored.Currency), T0));
            restored.Adjust(new AccountAdjustment("A-9", restored.Member, Money.FromMinorUnits(50, restored.Currency), "staff", "goodwill", T0));
            var b = restored.Balance;
            Assert.True(b.Available.Amount >= 0 && (b.ClawbackDebt.Amount == 0 || b.Available.Amount == 0), b.ToString());
            Assert.Equal(
                b.Booked.Amount - b.Reversed.Amount + b.WrittenOff.Amount + b.Forgiven.Amount + restored.Adjusted.Amount,
                b.Pending.Amount + b.Frozen.Amount + b.Available.Amount + restored.InWithdrawal.Amount + b.Withdrawn.Amount - b.ClawbackDebt.Amount);
            CommissionAccount.FromSnapshot(restored.ToSnapshot(), options);
        });

        static void Earn2(CommissionAccount a, string sale, long units)
        {
            a.Apply(new AccountPosting(sale + "/e", sale, a.Member, a.Currency, AccountPostingKind.Earned, LedgerState.Pending, units));
            a.Apply(new AccountPosting(sale + "/c", sale, a.Member, a.Currency, AccountPostingKind.Completed, LedgerState.Pending, units));
            a.Apply(new AccountPosting(sale + "/r", sale, a.Member, a.Currency, AccountPostingKind.Released, LedgerState.Frozen, units));
        }
    }

    [Fact]
    public void Sale_record_snapshots()
    {
        var sale = new LedgerSale("S-1", M(3), T0, Cny, [new LedgerSaleLine(3, Yuan(90m)), new LedgerSaleLine(1, Yuan(10m))], [new LedgerEarning(M(1), 2, 0, Yuan(9m)), new LedgerEarning(M(2), 1, 1, Yuan(1m))], Duration.FromDays(7));
        var record = SaleCommissionRecord.Post(sale, out _);
        record.Refund(LedgerRefund.ForLines("R-1", "S-1", T0 + Duration.FromHours(1), [new LedgerRefundLine(0, 1)]));
        record.Complete(T0 + Duration.FromDays(1));
        var json = SocialCommerceJson.Serialize(record.ToSnapshot());

        Run<SaleCommissionSnapshot, SaleCommissionRecord>(json, SaleCommissionRecord.FromSnapshot, restored =>
        {
            restored.Complete(T0 + Duration.FromDays(2));
            restored.Release(T0 + Duration.FromDays(30));
            restored.Refund(LedgerRefund.ForLines("R-2", restored.Sale.SaleId, T0 + Duration.FromDays(31), [new LedgerRefundLine(0, 1)]));
            restored.Refund(LedgerRefund.Full("R-3", restored.Sale.SaleId, T0 + Duration.FromDays(32)));
            var state = restored.ToSnapshot().State;
            for (var i = 0; i < state.ReversedMinorUnits.Count; i++)
            {
                Assert.Equal(state.Sale.Earnings[i].Amount.ToMinorUnits(), state.ReversedMinorUnits[i]);
            }
        });
    }

    [Fact]
    public void Network_snapshots()
    {
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(Duration.FromDays(1)));
        network.AddMember(M(1), T0);
        network.AddMember(M(2), M(1), T0);
        network.AddMember(M(3), M(2), T0);
        network.AddMember(M(4), M(1), T0);
        network.AddMember(M(5), T0);
        network.Bind(M(3), M(4), T0 + Duration.FromDays(2));
        network.Bind(M(3), M(5), T0 + Duration.FromDays(4));
        var json = SocialCommerceJson.Serialize(network.ToSnapshot());

        Run<NetworkSnapshot, ReferralNetwork>(json, snapshot => ReferralNetwork.FromSnapshot(snapshot), restored =>
        {
            var members = restored.ToSnapshot().Members.Select(m => m.Member).ToList();
            foreach (var member in members)
            {
                var upline = restored.GetUpline(member, 32);
                Assert.DoesNotContain(member, upline);
                Assert.Equal(upline.Count, upline.Distinct().Count());
            }

            restored.TryBind(M(99), M(1), T0 + Duration.FromDays(5));
            if (!members.Contains(M(99)))
            {
                if (members.Count > 0)
                {
                    restored.AddMember(M(99), members[0], T0 + Duration.FromDays(5));
                }
                else
                {
                    restored.AddMember(M(99), T0 + Duration.FromDays(5));
                }
            }

            ReferralNetwork.FromSnapshot(restored.ToSnapshot());
        });
    }

    [Fact]
    public void Group_histories()
    {
        var rule = GroupBuyRule.Create("trio", Cny).RequireParticipants(3).AllowUpTo(4).WithTimeLimit(Duration.FromHours(24)).AddTier(2, 9m).AddTier(3, 7m).Build();
        var history = new List<GroupBuyEvent>();
        var opened = GroupBuy.TryOpen(new GroupBuyId(8), rule, M(1), T0, out var g);
        history.AddRange(opened.Events);
        history.AddRange(g!.Join(M(2), T0 + Duration.FromHours(1)).Events);
        history.AddRange(g.Join(M(3), T0 + Duration.FromHours(2)).Events);
        var json = SocialCommerceJson.Serialize<IReadOnlyList<GroupBuyEvent>>(history);

        Run<IReadOnlyList<GroupBuyEvent>, GroupBuy>(json, list => GroupBuy.FromHistory(rule, list), restored =>
        {
            var before = restored.ParticipantCount;
            var joined = new[] { restored.Join(M(4), T0 + Duration.FromHours(3)), restored.Join(M(5), T0 + Duration.FromHours(4)) }.Count(r => r.IsAccepted);
            restored.CloseAtDeadline(restored.Deadline);
            Assert.Equal(before + joined, restored.ParticipantCount);
            Assert.Equal(restored.ParticipantCount, restored.GetParticipants().Distinct().Count());
        });
    }

    [Fact]
    public void Community_batch_snapshots()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(10));
        var batch = new CommunityBatch("B-1", M(1), new LocalDate(2026, 11, 5), rule, [new CommunityProduct("durian", Yuan(89m), 5, 3), new CommunityProduct("eggs", Yuan(12m), 2)]);
        batch.PlaceOrder("O-1", M(2), [new CommunityOrderLine("durian", 2), new CommunityOrderLine("eggs", 1)], T0);
        batch.PlaceOrder("O-2", M(3), [new CommunityOrderLine("durian", 3)], T0);
        var json = SocialCommerceJson.Serialize(batch.ToSnapshot());

        Run<CommunityBatchSnapshot, CommunityBatch>(json, snapshot => CommunityBatch.FromSnapshot(snapshot, rule), restored =>
        {
            var first = restored.ToSnapshot().Products[0].ProductId;
            restored.PlaceOrder("O-9", M(4), [new CommunityOrderLine(first, 1)], T0);
            restored.PlaceOrder("O-10", M(2), [new CommunityOrderLine(first, 3)], T0);
            var snapshot = restored.ToSnapshot();
            foreach (var product in snapshot.Products)
            {
                Assert.Equal(snapshot.Lines.Where(l => l.ProductId == product.ProductId).Sum(l => l.Quantity), restored.OrderedQuantity(product.ProductId));
            }

            restored.CloseAtCutOff(restored.CutOff);
            CommunityBatch.FromSnapshot(restored.ToSnapshot(), rule);
        });
    }

    [Fact]
    public void Growth_snapshots()
    {
        var program = Growth.GrowthExamples.Program;
        var member = M(5);
        var state = program.Enrol(member, T0);
        state = program.Evaluate(state, [GrowthActivity.SignIn(new ActivityId(1), member, T0 + Duration.FromHours(1)), GrowthActivity.OrderCompleted(new ActivityId(2), member, T0 + Duration.FromHours(2), Yuan(300m))], T0 + Duration.FromHours(3)).State;
        state = program.Evaluate(state, [GrowthActivity.SignIn(new ActivityId(3), member, T0 + Duration.FromDays(1)), GrowthActivity.OrderRefunded(new ActivityId(4), member, T0 + Duration.FromDays(1), new ActivityId(2))], T0 + Duration.FromDays(1)).State;
        var json = SocialCommerceJson.Serialize(state.ToSnapshot());

        Run<GrowthSnapshot, MemberGrowth>(json, program.Restore, restored =>
        {
            var next = program.Evaluate(restored, [GrowthActivity.SignIn(new ActivityId(90), restored.Member, T0 + Duration.FromDays(2)), GrowthActivity.OrderCompleted(new ActivityId(91), restored.Member, T0 + Duration.FromDays(2), Yuan(50m))], T0 + Duration.FromDays(400));
            program.Restore(next.State.ToSnapshot());
        });
    }

    [Fact]
    public void Invitation_histories()
    {
        var rule = BargainRule.Create("cut", new BargainRuleOptions { StartPrice = Yuan(100m), Floor = Yuan(1m), Helpers = 4, TimeLimit = Duration.FromHours(24), Curve = CutCurve.DoubleMean });
        var history = new List<InvitationEvent>(Invitation.Open(new InvitationId(1), rule, M(1), T0, 42, out var invitation).Events);
        history.AddRange(invitation.Help(M(2), T0 + Duration.FromMinutes(1)).Events);
        history.AddRange(invitation.Help(M(3), T0 + Duration.FromMinutes(2)).Events);
        var json = SocialCommerceJson.Serialize<IReadOnlyList<InvitationEvent>>(history);

        Run<IReadOnlyList<InvitationEvent>, Invitation>(json, list => Invitation.FromHistory(rule, list), restored =>
        {
            for (var helper = 10; helper < 16; helper++)
            {
                restored.Help(M(helper), T0 + Duration.FromMinutes(helper));
                Assert.True(restored.Price!.Value >= restored.Schedule!.Floor, $"price {restored.Price} below the floor");
            }

            restored.Close(restored.Deadline);
            Assert.True(restored.HelpsDone <= restored.HelpsRequired);
        });
    }

    [Fact]
    public void Referral_claim_histories()
    {
        var rule = ReferralRewardRule.Create("first", new ReferralRewardRuleOptions { MinimumPurchase = Yuan(50m), Window = Duration.FromDays(30), InviterReward = ReferralRewardValue.Fixed(Yuan(10m)) });
        var claim = ReferralClaim.Start(M(2));
        var sale = new Sale("S-1", M(2), T0, Cny, [new SaleLine("SKU", "tea", 1, Yuan(60m))]);
        claim.Claim(rule, sale, new NetworkMember(M(2), M(1), T0 - Duration.FromDays(1)));
        claim.Reverse("S-1", T0 + Duration.FromHours(1));
        claim.Claim(rule, new Sale("S-2", M(2), T0, Cny, [new SaleLine("SKU", "tea", 1, Yuan(60m))]), new NetworkMember(M(2), M(1), T0 - Duration.FromDays(1)));
        claim.Earn("S-2", T0 + Duration.FromDays(1));
        var json = SocialCommerceJson.Serialize(claim.Events);

        Run<IReadOnlyList<ReferralRewardEvent>, ReferralClaim>(json, list => ReferralClaim.FromHistory(M(2), list), restored =>
        {
            restored.Earn("S-2", T0 + Duration.FromDays(2));
            restored.Reverse("S-2", T0 + Duration.FromDays(3));
            restored.Claim(rule, new Sale("S-3", M(2), T0 + Duration.FromDays(4), Cny, [new SaleLine("SKU", "tea", 1, Yuan(60m))]), new NetworkMember(M(2), M(1), T0));
            ReferralClaim.FromHistory(M(2), restored.Events);
            Assert.NotEqual(M(2), restored.Claimed?.Inviter);
        });
    }

    [Fact]
    public void Points_wallet_snapshots()
    {
        var wallet = new SocialCommerce.Points.PointsWallet();
        wallet.Earn(new SocialCommerce.Points.PointsEarning("L-1", SocialCommerce.Points.PointsSource.Purchase, 500, T0, SocialCommerce.Points.PointsExpiry.AfterDays(30)));
        wallet.Earn(new SocialCommerce.Points.PointsEarning("L-2", SocialCommerce.Points.PointsSource.Grant, 300, T0, SocialCommerce.Points.PointsExpiry.AfterDays(10), "ops-1", "goodwill"));
        wallet.Earn(new SocialCommerce.Points.PointsEarning("L-3", SocialCommerce.Points.PointsSource.SignIn, 200, T0));
        wallet.CompletePurchase("L-1", T0 + Duration.FromDays(1), Duration.FromDays(7));
        wallet.Reserve("O-1", 350, T0 + Duration.FromDays(2));
        wallet.Commit("O-1", T0 + Duration.FromDays(2));
        wallet.Return("O-1", "R-1", 100, T0 + Duration.FromDays(3));
        wallet.Reserve("O-2", 50, T0 + Duration.FromDays(3));
        wallet.TakeBack("T-1", "L-1", 500, T0 + Duration.FromDays(4));
        var json = SocialCommerceJson.Serialize(wallet.ToSnapshot());

        Run<SocialCommerce.Points.PointsWalletSnapshot, SocialCommerce.Points.PointsWallet>(json, SocialCommerce.Points.PointsWallet.FromSnapshot, restored =>
        {
            var at = T0 + Duration.FromDays(5);
            restored.Earn(new SocialCommerce.Points.PointsEarning("L-9", SocialCommerce.Points.PointsSource.Task, 1_000, at, SocialCommerce.Points.PointsExpiry.AfterDays(5)));
            restored.Reserve("O-9", 10, at);
            restored.Commit("O-9", at);
            restored.Return("O-9", "R-9", 10, at);
            foreach (var order in restored.ToSnapshot().Orders)
            {
                restored.Commit(order.OrderId, at);
                restored.Release(order.OrderId, at);
                restored.Return(order.OrderId, "R-x", 1, at);
            }

            foreach (var lot in restored.GetLots())
            {
                restored.TakeBack("T-" + lot.Earning.LotId, lot.Earning.LotId, 1, at, SocialCommerce.Points.PointsClawback.CapAtAvailable);
            }

            restored.ExpireDue(at + Duration.FromDays(400));
            Assert.True(restored.GetBalance().IsConserved);
            SocialCommerce.Points.PointsWallet.FromSnapshot(restored.ToSnapshot());
        });
    }

    [Fact]
    public void Issued_coupon_snapshots()
    {
        var template = new SocialCommerce.Coupons.CouponTemplate("T-1", SocialCommerce.Checkout.CouponOffer.AmountOff(Yuan(10m)), 10, 2, SocialCommerce.Coupons.CouponValidity.DaysFromIssue(7));
        new SocialCommerce.Coupons.CouponIssuance(template).Issue("C-1", M(1), T0, isNewMember: false, out var coupon);
        coupon!.Lock("O-1", T0 + Duration.FromHours(1));
        coupon.Use("O-1", T0 + Duration.FromHours(2));
        coupon.Return("R-1", T0 + Duration.FromHours(3), SocialCommerce.Coupons.CouponReturnPolicy.ReturnWhileValid);
        coupon.Lock("O-2", T0 + Duration.FromHours(4));
        var json = SocialCommerceJson.Serialize(coupon.ToSnapshot());

        Run<SocialCommerce.Coupons.IssuedCouponSnapshot, SocialCommerce.Coupons.IssuedCoupon>(json, s => SocialCommerce.Coupons.IssuedCoupon.FromSnapshot(s, template), restored =>
        {
            var at = T0 + Duration.FromHours(5);
            restored.Unlock("O-2", at);
            restored.Lock("O-3", at);
            restored.Use("O-3", at);
            restored.Return("R-2", at, SocialCommerce.Coupons.CouponReturnPolicy.ReturnWhileValid);
            restored.Expire(at + Duration.FromDays(400));
            SocialCommerce.Coupons.IssuedCoupon.FromSnapshot(restored.ToSnapshot(), template);
        });
    }

    private static void Run<T, TState>(string json, Func<T, TState> restore, Action<TState> use)
        where T : class
    {
        var refused = 0;
        var accepted = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var text = DocumentMutator.Mutate(json, seed);
            TState restored;
            try
            {
                var value = SocialCommerceJson.Deserialize<T>(text);
                if (value is null)
                {
                    refused++;
                    continue;
                }

                restored = restore(value);
            }
            catch (CorruptStateException e)
            {
                Assert.True(e.Path?.StartsWith('$') == true, $"seed {seed}: no path in {e.Message}");
                refused++;
                continue;
            }
            catch (NotSupportedException e) when (e.Message.Contains("schema version", StringComparison.Ordinal))
            {
                refused++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: {e.GetType().Name} restoring {text}: {e}");
                throw;
            }

            try
            {
                use(restored);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: the restored state failed its next commands with {e.GetType().Name}: {e.Message}\n{text}\n{e}");
            }

            accepted++;
        }

        Assert.True(refused > 100 && accepted > 100, $"refused {refused}, accepted {accepted}: both branches should be exercised");
    }
}
