using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Serialization;
using SocialCommerce.Testing;

namespace SocialCommerce.Core.Tests.State;

/// <summary>A community batch restored from its snapshot (through JSON) continues exactly like the original.</summary>
public sealed class CommunityBatchSnapshotProperties
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SocialCommerceJson.Options);

    [Property(Arbitrary = [typeof(GroupBuyArbitraries)], MaxTest = 500)]
    public void Snapshot_restore_then_continue_equals_the_uninterrupted_run(CommunityBatchScenario scenario, int cut)
    {
        var expected = scenario.Play();
        var rule = scenario.BuildRule();
        var products = scenario.Products.Select(p => new CommunityProduct(p.Id, Money.FromMinorUnits(p.PriceMinorUnits, Currency.CNY), p.Minimum, p.Limit));
        var batch = new CommunityBatch("b1", CommunityBatchScenario.Leader, CommunityBatchScenario.DeliveryDate, rule, products);
        var split = Math.Abs(cut % (scenario.Orders.Count + 1));
        var results = new List<CommunityOrderResult>();
        for (var i = 0; i < scenario.Orders.Count; i++)
        {
            if (i == split)
            {
                var json = Json(batch.ToSnapshot());
                batch = CommunityBatch.FromSnapshot(JsonSerializer.Deserialize<CommunityBatchSnapshot>(json, SocialCommerceJson.Options)!, rule);
                Assert.Equal(json, Json(batch.ToSnapshot()));
            }

            var order = scenario.Orders[i];
            var lines = order.Lines.Select(l => new CommunityOrderLine(scenario.Products[l.Product].Id, l.Quantity)).ToArray();
            results.Add(batch.PlaceOrder("o" + i.ToString(CultureInfo.InvariantCulture), new MemberId(order.Member), lines, batch.CutOff + Duration.FromMinutes(order.MinutesFromCutOff)));
        }

        Assert.Equal(expected.Orders.Select(o => o.Result), results);
        var close = batch.CloseAtCutOff(batch.CutOff);
        Assert.Equal(Json(expected.Settlement), Json(close.Settlement));
    }
}
