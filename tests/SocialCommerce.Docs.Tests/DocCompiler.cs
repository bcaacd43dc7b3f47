using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocialCommerce.Docs.Tests;

/// <summary>
/// Compiles one block on its own, as a reader would paste it into a new project: C# latest, nullable on, no implicit
/// usings (a block shows its own), referencing the SocialCommerce packages and what a host adds (DI, hosting, ASP.NET
/// Core, EF Core providers, OpenTelemetry, xunit and FsCheck). A block with top-level statements is a program.
/// </summary>
public static class DocCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static IReadOnlyList<Diagnostic> Compile(string code, string path)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path);
        var isProgram = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("DocBlock", [tree], References.Value, options);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }

    private static MetadataReference[] LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return trusted.Concat(local)
            .Where(p => !Path.GetFileName(p).StartsWith("SocialCommerce.Docs.Tests", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()))
            .ToArray();
    }
}
