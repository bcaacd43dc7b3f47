using System;
using System.IO;
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
        ], t + Duration.FromDays(1)).State;
        AssertGolden("growth", s => program.Restore(s).ToSnapshot(), state.ToSnapshot());
    }

    [Fact]
    public void A_stored_community_batch_snapshot_restores()
    {
        var rule = new CommunityBatchRule(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalTime(23, 0), 1, Rate.Percent(5));
        var batch = new CommunityBatch("b1", new MemberId(100), new LocalDate(2026, 11, 20), rule, [new CommunityProduct("egg", new Money(12.80m, Currency.CNY), 5, 3)]);
        batch.PlaceOrder("o1", new MemberId(1), [new CommunityOrderLine("egg", 2)], batch.CutOff - Duration.FromHours(1));
        AssertGolden("community-batch", s => CommunityBatch.FromSnapshot(s, rule).ToSnapshot(), batch.ToSnapshot());
    }
}
