using System;
using System.Linq;

namespace SocialCommerce.Docs.Tests;

/// <summary>
/// Whether an excerpt's code lines occur in its source file in order (trimmed; comment lines and trailing comments
/// are the doc's own and are ignored, as are <c>// ...</c> elisions).
/// </summary>
public static class ExcerptCheck
{
    public static string? FirstMissingLine(string excerpt, string source)
    {
        var sourceLines = source.Split('\n').Select(Normalize).Where(l => l.Length > 0).ToArray();
        var at = 0;
        foreach (var line in excerpt.Split('\n').Skip(1).Select(Normalize).Where(l => l.Length > 0))
        {
            while (at < sourceLines.Length && sourceLines[at] != line)
            {
                at++;
            }

            if (at == sourceLines.Length)
            {
                return line;
            }

            at++;
        }

        return null;
    }

    private static string Normalize(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var comment = trimmed.IndexOf(" //", StringComparison.Ordinal);
        return (comment >= 0 ? trimmed[..comment] : trimmed).TrimEnd();
    }
}
