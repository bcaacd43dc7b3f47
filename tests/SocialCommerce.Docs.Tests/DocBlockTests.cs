using System;
using System.Linq;

namespace SocialCommerce.Docs.Tests;

public sealed class DocBlockTests
{
    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocBlock.All.Where(b => !b.IsExcerpt))
        {
            data.Add(block.Location);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_compiles_on_its_own(string location)
    {
        var block = DocBlock.All.Single(b => b.Location == location);
        var errors = DocCompiler.Compile(block.Code, block.File);
        Assert.True(errors.Count == 0, $"{location} does not compile:\n" + string.Join('\n', errors.Select(e =>
            $"  line {block.Line + e.Location.GetLineSpan().StartLinePosition.Line}: {e.Id} {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    public static TheoryData<string> Excerpts()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocBlock.All.Where(b => b.IsExcerpt))
        {
            data.Add(block.Location);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void Excerpt_names_its_source_and_quotes_it(string location)
    {
        var block = DocBlock.All.Single(b => b.Location == location);
        Assert.True(block.ExcerptSource is not null, $"{location}: an excerpt names the file it quotes (// Excerpt of <path>)");
        var source = System.IO.Path.Combine(DocBlock.Root, block.ExcerptSource!);
        Assert.True(System.IO.File.Exists(source), $"{location}: {block.ExcerptSource} is not in the repository");
        var missing = ExcerptCheck.FirstMissingLine(block.Code, System.IO.File.ReadAllText(source));
        Assert.True(missing is null, $"{location}: this line is not in {block.ExcerptSource} (in order): {missing}");
    }

    [Fact]
    public void The_docs_have_blocks_and_most_compile_on_their_own()
    {
        Assert.True(DocBlock.All.Count >= 40, $"found {DocBlock.All.Count} C# blocks; the extraction missed some");
        Assert.True(DocBlock.All.Count(b => !b.IsExcerpt) >= 30, "fewer than 30 blocks compile on their own; excerpts are for walking through a sample");
        Assert.Contains(DocBlock.All, b => b.File == "README.md" && !b.IsExcerpt);
    }

    [Fact]
    public void A_broken_block_is_caught_and_an_excerpt_is_recognised()
    {
        var blocks = DocBlock.Parse("x.md", ["text", "```csharp", "using SocialCommerce;", "var m = new Money(1m, Currency.FromCode(\"CNY\"))", "```", "```csharp", "// Excerpt: part of the above", "x();", "```"]);
        Assert.Equal(2, blocks.Count);
        Assert.Equal(3, blocks[0].Line);
        Assert.Contains(DocCompiler.Compile(blocks[0].Code, "x.md"), e => e.Id == "CS1002");
        Assert.Empty(DocCompiler.Compile(blocks[0].Code + ";", "x.md"));
        Assert.Contains(DocCompiler.Compile("var m = new Money(1m, Currency.FromCode(\"CNY\"));", "x.md"), e => e.Id == "CS0246");
        Assert.True(blocks[1].IsExcerpt);
        Assert.Equal("a/b.cs", DocBlock.Parse("z.md", ["```csharp", "// Excerpt of a/b.cs: the loop", "x();", "```"])[0].ExcerptSource);
        Assert.Null(ExcerptCheck.FirstMissingLine("// Excerpt of f\nvar a = 1;\n  var b = 2;   // why", "class C {\n var a = 1;\n // gap\n var b = 2;\n}"));
        Assert.Equal("var a = 1;", ExcerptCheck.FirstMissingLine("// Excerpt of f\nvar b = 2;\nvar a = 1;", "var a = 1;\nvar b = 2;"));
        Assert.Throws<System.IO.InvalidDataException>(() => DocBlock.Parse("y.md", ["```csharp", "var x = 1;"]));
    }
}
