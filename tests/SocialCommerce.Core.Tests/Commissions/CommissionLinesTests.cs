using System;
using System.Linq;
using System.Text.Json;
using SocialCommerce.Commissions;
using SocialCommerce.Serialization;
using static SocialCommerce.Core.Tests.Commissions.CommissionTestNetwork;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>
/// <see cref="CommissionLines"/>: the compact lines of a whole-minor-unit quote read as the same values however they
/// are read (index, enumerator, array, JSON), and the list's edges say what was asked.
/// </summary>
public sealed class CommissionLinesTests
{
    private static CommissionQuote CompactQuote() => CompactQuote(out _);

    private static CommissionQuote CompactQuote(out Sale sale)
    {
        // Level rates, an override and a fixed amount: every kind of line the compact form stands for.
        var plan = CommissionPlan.CreateBuilder("mall", Currency.CNY)
            .Levels(Rate.Percent(10), Rate.Percent(5))
            .SelfPurchaseRebate(Rate.Percent(2))
            .CategoryOverride("books", o => o.Level(1, Rate.Percent(20)).Level(2, Rate.Percent(10)))
            .ProductOverride("TEA-1", o => o.FixedPerUnit(1, Cny(5.00m)).FixedPerUnit(2, Cny(2.00m)))
            .Build();
        sale = Sale(3, Line("BOOK-7", "books", 1, 59.90m), Line("TEA-1", "drinks", 3, 120.00m), Line("PEN-2", "office", 1, 33.33m));
        return new CommissionEngine(plan).Quote(sale, Chain(1, 2, 3));
    }

    [Fact]
    public void Every_way_of_reading_gives_the_same_lines()
    {
        var quote = CompactQuote();
        var byIndex = Enumerable.Range(0, quote.Lines.Count).Select(i => quote.Lines[i]).ToArray();

        Assert.Equal(9, byIndex.Length);
        Assert.Equal(byIndex, quote.Lines.ToArray());
        Assert.Equal(byIndex, quote.Lines.ToImmutableArray());
        var enumerated = new System.Collections.Generic.List<CommissionLine>();
        foreach (var line in quote.Lines)
        {
            enumerated.Add(line);
        }

        Assert.Equal(byIndex, enumerated);
        Assert.Equal(quote.Total.Amount, byIndex.Sum(line => line.Amount.Amount));
        Assert.Contains(byIndex, line => line.FixedPerUnit is { } perUnit && perUnit == Cny(5.00m) && line.Units == 3 && line.Rule == CommissionRuleNames.Overrides);
        Assert.Contains(byIndex, line => line.Level == 0 && line.Rate == Rate.Percent(2) && line.Rule == CommissionRuleNames.LevelRates);
    }

    [Fact]
    public void The_ledger_books_the_lines_a_host_reads()
    {
        var quote = CompactQuote(out var sale);

        var booked = LedgerSale.FromQuote(sale, quote, NodaTime.Duration.FromDays(7));

        Assert.Equal(quote.Lines.Select(l => new LedgerEarning(l.Beneficiary, l.Level, l.SaleLineIndex, l.Amount)), booked.Earnings);
        Assert.All(booked.Earnings, e => Assert.Equal(2, e.Amount.Amount.Scale));
    }

    [Fact]
    public void A_compact_quote_reads_back_from_json_with_the_same_lines()
    {
        var quote = CompactQuote();
        var json = JsonSerializer.Serialize(quote, SocialCommerceJson.Options);
        var back = JsonSerializer.Deserialize<CommissionQuote>(json, SocialCommerceJson.Options)!;

        Assert.Equal(quote.Lines.ToArray(), back.Lines.ToArray());
        Assert.StartsWith("[", JsonDocument.Parse(json).RootElement.GetProperty("lines").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_value_is_an_empty_list()
    {
        var lines = default(CommissionLines);

        Assert.True(lines.IsEmpty);
        Assert.True(lines.Count == 0, "Count");
        Assert.Empty(lines.ToImmutableArray());
        Assert.Empty(lines);
    }

    [Fact]
    public void An_index_outside_the_list_names_the_index_and_the_count()
    {
        var quote = CompactQuote();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => quote.Lines[quote.Lines.Count]);

        Assert.Equal("index", error.ParamName);
        Assert.Contains("9 lines", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => quote.Lines[-1]);
    }
}
