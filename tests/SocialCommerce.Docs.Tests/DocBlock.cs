using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocialCommerce.Docs.Tests;

/// <summary>
/// A fenced <c>csharp</c> block of README.md or docs/*.md. A block whose first line is a comment starting
/// <c>// Excerpt</c> says it is part of a larger program and is not compiled on its own; when that line names a file
/// of the repository (<c>// Excerpt of samples/.../ShopSimulation.cs</c>), the block's lines must appear in that file,
/// in order, so the excerpt is code that compiles in CI.
/// </summary>
public sealed record DocBlock(string File, int Line, string Code)
{
    public const string ExcerptMarker = "// Excerpt";

    public string Location => $"{File}:{Line}";

    public bool IsExcerpt => Code.TrimStart().StartsWith(ExcerptMarker, StringComparison.Ordinal);

    /// <summary>Gets the repository file an excerpt quotes, or null.</summary>
    public string? ExcerptSource
    {
        get
        {
            var first = Code.TrimStart().Split('\n')[0].Trim();
            const string of = ExcerptMarker + " of ";
            if (!first.StartsWith(of, StringComparison.Ordinal))
            {
                return null;
            }

            var path = first[of.Length..].Split(' ', ':', ',')[0];
            return path.Length == 0 ? null : path;
        }
    }

    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<DocBlock> All { get; } = Read();

    public static IReadOnlyList<DocBlock> Parse(string file, string[] lines)
    {
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```csharp", StringComparison.Ordinal) && !fence.StartsWith("```cs", StringComparison.Ordinal) && !fence.StartsWith("```c#", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new InvalidDataException($"{file}:{i + 1}: the C# block is not closed.");
            }

            blocks.Add(new DocBlock(file, start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }

        return blocks;
    }

    private static IReadOnlyList<DocBlock> Read()
    {
        var files = new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        return files.SelectMany(f => Parse(Path.GetRelativePath(Root, f).Replace('\\', '/'), System.IO.File.ReadAllLines(f))).ToArray();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "SocialCommerce.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SocialCommerce.sln not found above " + AppContext.BaseDirectory);
    }
}
