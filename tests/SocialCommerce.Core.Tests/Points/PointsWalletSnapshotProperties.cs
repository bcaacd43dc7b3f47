using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.Points;
using SocialCommerce.Serialization;

namespace SocialCommerce.Core.Tests.Points;

/// <summary>The wallet's snapshot (issue 27): a wallet restored through JSON mid-stream answers like the uninterrupted one.</summary>
public sealed class PointsWalletSnapshotProperties
{
    [Property(Arbitrary = [typeof(WalletArbitraries)], MaxTest = 600)]
    public void A_wallet_restored_through_JSON_mid_stream_continues_like_the_uninterrupted_one(WalletStep[] history, byte cut)
    {
        var uninterrupted = new PointsWallet();
        var restored = new PointsWallet();
        var at = WalletGen.Start;
        var restoreAt = history.Length == 0 ? 0 : cut % (history.Length + 1);
        for (var i = 0; i < history.Length; i++)
        {
            if (i == restoreAt)
            {
                restored = RoundTrip(restored);
            }

            at += Duration.FromHours(history[i].Hours);
            var expected = history[i].Apply(uninterrupted, at);
            var actual = history[i].Apply(restored, at);
            Assert.Equal(expected.Outcome, actual.Outcome);
            Assert.Equal(expected.Refusal, actual.Refusal);
            Assert.Equal(expected.Entries, actual.Entries);
            Assert.Equal(uninterrupted.GetBalance(), restored.GetBalance());
            Assert.Equal(uninterrupted.Version, restored.Version);
            Assert.Equal(uninterrupted.NextDueAt, restored.NextDueAt);
        }

        // The whole state, not only the balance: the snapshots agree, and restoring one gives it back unchanged.
        var snapshot = Json(uninterrupted.ToSnapshot());
        Assert.Equal(snapshot, Json(restored.ToSnapshot()));
        Assert.Equal(snapshot, Json(PointsWallet.FromSnapshot(JsonSerializer.Deserialize<PointsWalletSnapshot>(snapshot, SocialCommerceJson.Options)!).ToSnapshot()));
    }

    private static PointsWallet RoundTrip(PointsWallet wallet) =>
        PointsWallet.FromSnapshot(SocialCommerceJson.Deserialize<PointsWalletSnapshot>(SocialCommerceJson.Serialize(wallet.ToSnapshot()))!);

    private static string Json(PointsWalletSnapshot snapshot) => JsonSerializer.Serialize(snapshot, SocialCommerceJson.Options);
}
