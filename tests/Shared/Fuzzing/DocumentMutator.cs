using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace SocialCommerce.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a valid JSON document: deleted, duplicated and retyped fields, huge and tiny numbers, wrong
/// types and truncation, one to three at a time. The same seed gives the same mutation.
/// </summary>
internal static class DocumentMutator
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-1", "1", "2", "0.5", "1.0000000001", "0.00000000001", "3.3333333333333",
        "1e28", "7.9e28", "-7.9e28", "1e-28", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "79228162514264337593543950335", "1e400", "\"\"", "\"text\"", "\"CNY\"", "\"XXX\"",
        "\"1:00:00:00\"", "\"99999999:00:00:00\"", "\"-1:00:00:00\"", "\"0:00:00:00\"", "\"5.00 CNY\"", "\"5.00 USD\"",
        "\"1e28 CNY\"", "[]", "[1]", "[\"\"]", "{}", "{\"level\":1}", "\"compress\"", "\"forfeit\"", "\"sign-in\"",
        "\"per-currency-unit\"", "3660", "3661", "32", "33", "1000000", "1000001", "1000000000000000", "1000000000000001",
    ];

    /// <summary>Numbers at and around the supported limits, most of them valid somewhere.</summary>
    private static readonly string[] Numbers =
    [
        "0", "1", "2", "3", "7", "0.5", "0.1", "0.0000000001", "0.00000000001", "0.3333333333", "9.99", "100", "3660", "3661",
        "32", "33", "1000000", "1000001", "10000000", "10000000.01", "1000000000000000", "1e28", "-1", "1e-28", "2147483647",
    ];

    /// <summary>Returns the mutated text of <paramref name="document"/> for <paramref name="seed"/>.</summary>
    public static string Mutate(string document, int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(document)!;
        var roll = random.Next(20);
        var count = roll < 12 ? 1 : roll < 17 ? 2 : 3;
        string? duplicate = null;
        for (var i = 0; i < count; i++)
        {
            var nodes = Collect(root).ToList();
            var kind = random.Next(6);
            switch (kind)
            {
                case 0: // delete a field or an array element
                    Delete(nodes[random.Next(nodes.Count)]);
                    break;
                case 1: // retype / replace a value
                case 2:
                    Replace(root, nodes[random.Next(nodes.Count)], JsonNode.Parse(Replacements[random.Next(Replacements.Length)]));
                    break;
                case 3: // a huge or tiny number in place of a number
                    var numbers = nodes.Where(n => n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number).ToList();
                    if (numbers.Count > 0)
                    {
                        Replace(root, numbers[random.Next(numbers.Count)], JsonNode.Parse(Numbers[random.Next(Numbers.Length)]));
                    }

                    break;
                case 4: // duplicate a field (as text: a JSON object cannot hold it)
                    duplicate ??= PickDuplicate(nodes, random);
                    break;
                default: // copy an element of an array
                    var arrays = nodes.OfType<JsonArray>().Where(a => a.Count > 0).ToList();
                    if (arrays.Count > 0)
                    {
                        var array = arrays[random.Next(arrays.Count)];
                        array.Add(array[random.Next(array.Count)]?.DeepClone());
                    }

                    break;
            }
        }

        var text = root?.ToJsonString() ?? "null";
        if (duplicate is not null && text.StartsWith('{'))
        {
            text = "{" + duplicate + (text.Length > 2 ? "," : string.Empty) + text[1..];
        }

        if (random.Next(8) == 0)
        {
            text = text[..random.Next(text.Length)];
        }

        return text;
    }

    private static IEnumerable<JsonNode> Collect(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var n in Collect(child))
            {
                yield return n;
            }
        }
    }

    private static void Delete(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(o.First(p => ReferenceEquals(p.Value, node)).Key);
                break;
            case JsonArray a:
                a.Remove(node);
                break;
        }
    }

    private static void Replace(JsonNode root, JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[o.First(p => ReferenceEquals(p.Value, node)).Key] = value;
                break;
            case JsonArray a:
                a[a.IndexOf(node)] = value;
                break;
            default:
                if (root is JsonObject r && value is not null)
                {
                    r["extra"] = value;
                }

                break;
        }
    }

    private static string? PickDuplicate(List<JsonNode> nodes, Random random)
    {
        var top = nodes[0] as JsonObject;
        if (top is null || top.Count == 0)
        {
            return null;
        }

        var property = top.ElementAt(random.Next(top.Count));
        return string.Create(CultureInfo.InvariantCulture, $"\"{property.Key}\":{property.Value?.ToJsonString() ?? "null"}");
    }
}
