using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SocialCommerce.Extensions.Configuration;

namespace SocialCommerce.Extensions.Tests.Configuration;

public sealed class ConfigurationJsonTests
{
    private static IConfiguration Load(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void A_section_reads_back_as_the_json_it_was_written_as()
    {
        var configuration = Load("""
            { "Plan": { "currency": "CNY", "levels": [ { "level": 1, "rate": 10 }, { "level": 2, "rate": 5.5 } ],
                        "compression": true, "sku": "00123", "note": "x1", "negative": -0.25 } }
            """);

        var json = ConfigurationJson.ToJson(configuration.GetSection("Plan"))!;

        Assert.Equal("CNY", json["currency"]!.GetValue<string>());
        var levels = Assert.IsType<JsonArray>(json["levels"]);
        Assert.Equal(2, levels.Count);
        Assert.Equal(1m, levels[0]!["level"]!.GetValue<decimal>());
        Assert.Equal(5.5m, levels[1]!["rate"]!.GetValue<decimal>());
        Assert.True(json["compression"]!.GetValue<bool>());
        Assert.Equal("00123", json["sku"]!.GetValue<string>());
        Assert.Equal("x1", json["note"]!.GetValue<string>());
        Assert.Equal(-0.25m, json["negative"]!.GetValue<decimal>());
    }

    [Fact]
    public void An_object_with_numeric_but_sparse_keys_stays_an_object()
    {
        var configuration = Load("""{ "Tiers": { "2": 9.9, "5": 7.9 } }""");
        var json = ConfigurationJson.ToJson(configuration.GetSection("Tiers"));
        var tiers = Assert.IsType<JsonObject>(json);
        Assert.Equal(7.9m, tiers["5"]!.GetValue<decimal>());
    }

    [Fact]
    public void An_empty_json_array_reads_back_as_an_empty_array()
    {
        var configuration = Load("""{ "Plan": { "rules": [], "levels": [ { "level": 1, "rate": 0.1 } ] } }""");
        var json = ConfigurationJson.ToJson(configuration.GetSection("Plan"))!;
        Assert.Empty(Assert.IsType<JsonArray>(json["rules"]));
    }
}
