using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// <c>scan-identity [folder or files…]</c>: the line scanner's tree (<see cref="BlockYamlJson"/>) against SharpYaml's
/// tree converted by <see cref="YamlConverter"/>, on the text the reader reads (after <c>SpecReader.Prepare</c> and the 2.0
/// form parameters): read and identical, left to SharpYaml (and why), or different (which must never happen).
/// </summary>
internal static class ScanIdentity
{
    public static int Run(List<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)));
            }
            else
            {
                files.Add(Program.Resolve(argument));
            }
        }

        files.Sort(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var differing = 0;
        foreach (var file in files)
        {
            var text = SwaggerFormParameters.Inline(SpecReader.Prepare(File.ReadAllText(file)), new DiagnosticBag());
            var verdict = Compare(text);
            var kind = verdict.StartsWith("identical", StringComparison.Ordinal) ? "identical"
                : verdict.StartsWith("DIFFERENT", StringComparison.Ordinal) ? "DIFFERENT"
                : verdict.StartsWith("left to SharpYaml", StringComparison.Ordinal) ? "left to SharpYaml: " + Reason(verdict)
                : verdict;
            counts[kind] = counts.TryGetValue(kind, out var n) ? n + 1 : 1;
            if (kind == "DIFFERENT")
            {
                differing++;
            }

            if (kind != "identical")
            {
                Console.WriteLine(file + ": " + verdict);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| verdict | files |");
        Console.WriteLine("|---|---:|");
        foreach (var (kind, n) in counts)
        {
            Console.WriteLine("| " + kind + " | " + n.ToString(CultureInfo.InvariantCulture) + " |");
        }

        Console.WriteLine("| all | " + files.Count.ToString(CultureInfo.InvariantCulture) + " |");
        return differing == 0 ? 0 : 1;
    }

    private static string Reason(string verdict)
    {
        var open = verdict.IndexOf('(');
        return open < 0 ? verdict : verdict.Substring(open + 1).TrimEnd(')');
    }

    /// <summary>One text: "identical", "left to SharpYaml at …", "SharpYaml refuses it", or "DIFFERENT …".</summary>
    public static string Compare(string text)
    {
        JsonNode? expected;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            expected = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode.ToJsonNode();
        }
        catch (Exception exception)
        {
            expected = null;
            if (BlockYamlJson.TryRead(text) is not null)
            {
                return "DIFFERENT: SharpYaml refuses it (" + exception.GetType().Name + "), the scanner reads it";
            }

            return "SharpYaml refuses it, the scanner too";
        }

        JsonNode? actual;
        try
        {
            actual = BlockYamlJson.TryRead(text);
        }
        catch (Exception exception)
        {
            return "DIFFERENT: the scanner threw " + exception.GetType().Name + ": " + exception.Message;
        }

        if (actual is null)
        {
            return "left to SharpYaml at " + BlockYamlJson.WhyUnsure(text);
        }

        if (expected is null)
        {
            return "DIFFERENT: SharpYaml read no document, the scanner did";
        }

        if (!JsonNode.DeepEquals(expected, actual) || expected.ToJsonString() != actual.ToJsonString())
        {
            return "DIFFERENT: " + FirstDifference(expected, actual, "#");
        }

        return "identical";
    }

    private static string FirstDifference(JsonNode? a, JsonNode? b, string at)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                var keys = x.Select(p => p.Key).ToList();
                var other = y.Select(p => p.Key).ToList();
                if (!keys.SequenceEqual(other))
                {
                    return at + ": keys " + string.Join(",", keys.Take(8)) + " / " + string.Join(",", other.Take(8));
                }

                foreach (var key in keys)
                {
                    if (!JsonNode.DeepEquals(x[key], y[key]))
                    {
                        return FirstDifference(x[key], y[key], at + "/" + key);
                    }
                }

                return at + ": same members, different text";
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return at + ": " + x.Count + " items / " + y.Count;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!JsonNode.DeepEquals(x[i], y[i]))
                    {
                        return FirstDifference(x[i], y[i], at + "/" + i);
                    }
                }

                return at + ": same items, different text";
            default:
                return at + ": " + Show(a) + " / " + Show(b);
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return (node?.GetValueKind().ToString() ?? "null") + " " + (text.Length > 80 ? text.Substring(0, 80) + "…" : text);
    }
}
