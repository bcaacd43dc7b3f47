using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Core.Tests.Growth;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.State;

/// <summary>
/// Snapshots stored by this version (golden files under State/Golden) still restore, to the same state: a change of the
/// JSON format shows up here. A deliberate change of the format bumps the schema version and adds new golden files.
/// </summary>
public sealed class GoldenSnapshotTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static readonly JsonSerializerOptions Indented = new(SocialCommerceJson.Options) { WriteIndented = true };

    private static void AssertGolden<T>(string name, Func<T, T> restoreAndExport, T current, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name + ".json");
        var written = JsonSerializer.Serialize(current, Indented).ReplaceLineEndings("\n");
        if (!File.Exists(path))
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.json"), written);
            Assert.Fail($"Golden file {path} is missing; the current output is in {Path.ChangeExtension(path, ".received.json")}.");
        }

        var stored = File.ReadAllText(path).ReplaceLineEndings("\n");
        var restored = restoreAndExport(JsonSerializer.Deserialize<T>(stored, SocialCommerceJson.Options)!);
        Assert.Equal(stored, JsonSerializer.Serialize(restored, Indented).ReplaceLineEndings("\n"));
        Assert.Equal(stored, written);

        // The AOT-safe helpers write and read the same JSON through the source-generated contracts.
        Assert.Equal(written, SocialCommerceJson.Serialize(current, Indented).ReplaceLineEndings("\n"));
        Assert.Equal(stored, SocialCommerceJson.Serialize(restoreAndExport(SocialCommerceJson.Deserialize<T>(stored)!), Indented).ReplaceLineEndings("\n"));
        Assert.Throws<ArgumentNullException>(() => SocialCommerceJson.Deserialize<T>(null!));
    }

    [Fact]
    public void A_stored_points_wallet_restores()
    {
        var wallet = new SocialCommerce.Points.PointsWallet();
        wallet.Earn(new SocialCommerce.Points.PointsEarning("L-1", SocialCommerce.Points.PointsSource.Purchase, 500, At, SocialCommerce.Points.PointsExpiry.AfterDays(30)));
        wallet.Earn(new SocialCommerce.Points.PointsEarning("L-2", SocialCommerce.Points.PointsSource.Grant, 300, At, null, "ops-1", "goodwill"));
        wallet.CompletePurchase("L-1", At + Duration.FromDays(1), Duration.FromDays(7));
        wallet.Reserve("O-1", 250, At + Duration.FromDays(2));
        wallet.Commit("O-1", At + Duration.FromDays(2));
        wallet.Return("O-1", "R-1", 100, At + Duration.FromDays(3));
        wallet.Reserve("O-2", 20, At + Duration.FromDays(3));
        wallet.TakeBack("T-1", "L-2", 300, At + Duration.FromDays(4));
        AssertGolden("points-wallet", s => SocialCommerce.Points.PointsWallet.FromSnapshot(s).ToSnapshot(), wallet.ToSnapshot());
    }

    [Fact]
    public void A_stored_network_snapshot_restores()
    {
        var network = new ReferralNetwork(BindingPolicy.RebindAfter(Duration.FromDays(1)));
        network.AddMember(new MemberId(1), At);
        network.AddMember(new MemberId(2), At);
        network.AddMember(new MemberId(3), new MemberId(1), At);
        network.Bind(new MemberId(3), new MemberId(2), At + Duration.FromDays(2));
        AssertGolden("network", s => ReferralNetwork.FromSnapshot(s).ToSnapshot(), network.ToSnapshot());
    }

    [Fact]
    public void Stored_invitation_and_referral_events_restore()
    {
        var rule = SocialCommerce.Invitations.BargainRule.Create("cut", new SocialCommerce.Invitations.BargainRuleOptions
        {
            StartPrice = new Money(20m, Currency.CNY),
            Floor = new Money(2m, Currency.CNY),
            Helpers = 3,
            Curve = SocialCommerce.Invitations.CutCurve.DoubleMean,
        });
        var events = new System.Collections.Generic.List<SocialCommerce.Invitations.InvitationEvent>(
            SocialCommerce.Invitations.Invitation.Open(new SocialCommerce.Invitations.InvitationId(1), rule, new MemberId(1), At, 42, out var bargain).Events);
        events.AddRange(bargain.Help(new MemberId(2), At).Events);
        events.AddRange(bargain.Close(bargain.Deadline).Events);
        AssertGolden<System.Collections.Generic.IReadOnlyList<SocialCommerce.Invitations.InvitationEvent>>(
            "invitation",
            e => [.. e.Select(x => x)],
            events);
        Assert.Equal(bargain.Price, SocialCommerce.Invitations.Invitation.FromHistory(rule, events).Price);

        var referral = SocialCommerce.Invitations.ReferralRewardRule.Create("first", new SocialCommerce.Invitations.ReferralRewardRuleOptions
        {
            MinimumPurchase = new Money(50m, Currency.CNY),
            InviterReward = SocialCommerce.Invitations.ReferralRewardValue.Fixed(new Money(10m, Currency.CNY)),
            InvitedReward = SocialCommerce.Invitations.ReferralRewardValue.PointsOf(200),
        });
        var claim = SocialCommerce.Invitations.ReferralClaim.Start(new MemberId(2));
        claim.Claim(referral, new Sale("S1", new MemberId(2), At, Currency.CNY, [new SaleLine("P", "tea", 1, new Money(60m, Currency.CNY))]), new MemberId(1), At);
        claim.Earn("S1", At + Duration.FromDays(1));
        claim.Reverse("S1", At + Duration.FromDays(2));
        AssertGolden<System.Collections.Generic.IReadOnlyList<SocialCommerce.Invitations.ReferralRewardEvent>>(
            "referral",
            e => SocialCommerce.Invitations.ReferralClaim.FromHistory(new MemberId(2), e).Events,
            [.. claim.Events]);
    }

    [Fact]
    public void A_stored_ledger_snapshot_restores()
    {
        var ledger = new CommissionLedger();
        Money Yuan(decimal amount) => new(amount, Currency.CNY);
        ledger.Post(new LedgerSale("S1", new MemberId(3), At, Currency.CNY, [new LedgerSaleLine(2, Yuan(199.00m))], [new LedgerEarning(new MemberId(2), 1, 0, Yuan(19.90m)), new LedgerEarning(new MemberId(1), 2, 0, Yuan(9.95m))], Duration.FromDays(7)));
        ledger.Post(new LedgerSale("S2", new MemberId(3), At, Currency.CNY, [new LedgerSaleLine(1, Yuan(50.00m))], [new LedgerEarning(new MemberId(2), 1, 0, Yuan(5.00m))], Duration.FromDays(7)));
        ledger.Complete("S1", At + Duration.FromDays(1));
        ledger.Release(At + Duration.FromDays(9));
        ledger.Refund(LedgerRefund.ForLines("R1", "S1", At + Duration.FromDays(10), [new LedgerRefundLine(0, 1)]));
        ledger.Withdraw(new LedgerWithdrawal("W1", new MemberId(1), Yuan(1.00m), At + Duration.FromDays(11)));
        AssertGolden("ledger", s => CommissionLedger.FromSnapshot(s).ToSnapshot(), ledger.ToSnapshot());
    }

    [Fact]
    public void A_stored_growth_snapshot_restores()
    {
        var program = GrowthExamples.Program;
        var member = new MemberId(5);
        var t = GrowthExamples.Local(2026, 4, 1);
        var state = program.Evaluate(program.Enrol(member, t),
        [
            GrowthActivity.SignIn(new ActivityId(1), member, t),
            GrowthActivity.OrderCompleted(new ActivityId(2), member, t + Duration.FromHours(1), GrowthExamples.Yuan(120.50m)),
            GrowthActivity.TaskCompleted(new ActivityId(3), member, t + Duration.FromHours(2), "share"),
            GrowthActivity.ReferredFirstOrder(new ActivityId(4), member, t + Duration.FromHours(3), new MemberId(9), GrowthExamples.Yuan(10m)),
            GrowthActivity.SignIn(new ActivityId(5), member, t + Duration.FromHours(4)),
        ], t + Duration.FromDays(1)).State;
        AssertGolden("growth", s => program.Restore(s).ToSnapshot(), state.ToSnapshot());
    }

    [Fact]
    public void A_growth_snapshot_stored_before_records_kept_their_content_restores_and_answers_resends_as_duplicates()
    {
        var program = GrowthExamples.Program;
        var path = Path.Combine(Path.GetDirectoryName(GoldenPath())!, "Golden", "growth-before-content.json");
        var stored = File.ReadAllText(path).ReplaceLineEndings("\n");
        var restored = program.Restore(SocialCommerceJson.Deserialize<GrowthSnapshot>(stored)!);
        Assert.Equal(stored, JsonSerializer.Serialize(restored.ToSnapshot(), Indented).ReplaceLineEndings("\n"));

        // Activity 2 was an order of 120.50 (120 points); a record without content cannot tell a resend from another order.
        var t = GrowthExamples.Local(2026, 4, 2);
        var resend = program.Evaluate(restored, [GrowthActivity.OrderCompleted(new ActivityId(2), restored.Member, t, GrowthExamples.Yuan(1m))], t);
        var answer = Assert.IsType<ActivityIgnored>(Assert.Single(resend.Events, e => e is ActivityIgnored));
        Assert.Equal((IgnoredReason.Duplicate, 120L), (answer.Reason, answer.FirstPoints!.Value));
    }

    private static string GoldenPath([CallerFilePath] string callerPath = "") => callerPath;

    [Fact]
    public void A_stored_community_batch_snapshot_restores()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(5));
        var batch = new CommunityBatch("b1", new MemberId(100), new LocalDate(2026, 11, 20), rule, [new CommunityProduct("egg", new Money(12.80m, Currency.CNY), 5, 3)]);
        batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("egg", 2)], batch.CutOff - Duration.FromHours(1));
        AssertGolden("community-batch", s => CommunityBatch.FromSnapshot(s, rule).ToSnapshot(), batch.ToSnapshot());
    }
}
