using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.References;
using Contracts.Generator.Reading.Yaml;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// <c>parts [--runs N] [spec…]</c>: where the generator's read of a document goes, part by part, in the order
/// <c>SpecReader.Read</c> runs them (text passes, SharpYaml's tree, the tree → <see cref="JsonNode"/> with the limits
/// checked in the same walk, the limits walk and the library's converter that a document with an anchor takes instead,
/// our marks on it, Microsoft.OpenApi's reading of the node, reference resolution), then the whole read as the generator
/// calls it; and, for scale, what lighter paths cost for the same text: SharpYaml's events alone (no tree), and
/// System.Text.Json parsing the same document written as JSON (what a reader without a YAML layer starts from).
/// Medians of warm runs after one cold run, milliseconds and allocated MB; the heap is collected before each part.
/// </summary>
internal static class ReadParts
{
    private static readonly Uri s_base = new("file:///spec");

    private static readonly MethodInfo s_checkLimits = typeof(OpenApiTextReader).GetMethod("CheckLimits", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("OpenApiTextReader.CheckLimits not found: the read's parts changed, update ReadParts");

    public static int Run(int runs, List<(string Name, string Path)> specs)
    {
        Console.WriteLine("parts: median of " + runs + " warm runs after one cold run in this process; " + Program.Load());
        foreach (var (name, path) in specs)
        {
            var text = File.ReadAllText(path);
            var samples = new Dictionary<string, List<(double Ms, double Mb)>>(StringComparer.Ordinal);
            string json = string.Empty;
            for (var round = 0; round <= runs; round++)
            {
                var prepared = Measure(samples, "1 text passes (Prepare, 2.0 form parameters, external-reference scan)", () =>
                {
                    var t = SwaggerFormParameters.Inline(SpecReader.Prepare(text), new DiagnosticBag());
                    _ = ReferenceScanner.HasExternal(t);
                    return t;
                });
                var root = Measure(samples, "2 SharpYaml tree (YamlStream.Load)", () =>
                {
                    var stream = new YamlStream();
                    stream.Load(new StringReader(prepared));
                    return stream.Documents[0].RootNode;
                });
                var node = Measure(samples, "3 tree → JsonNode, limits checked in the same walk (TreeToJson)", () => TreeToJson.TryConvert(root))
                    ?? throw new InvalidOperationException(name + " takes the library's path (an anchor, a limit): part 3 does not apply");
                Measure(samples, "4 (the library's path, for documents part 3 leaves: limits walk)", () => s_checkLimits.Invoke(null, new object[] { root }));
                Measure(samples, "4 (the library's path: YamlConverter)", () => root.ToJsonNode());
                Measure(samples, "5 marks on the JsonNode (PathReferences, UnionMembers, NullableKeywords)", () =>
                {
                    PathReferences.Remove(node, new DiagnosticBag());
                    UnionMembers.Mark(node);
                    return NullableKeywords.Mark(node);
                });
                var result = Measure(samples, "6 Microsoft.OpenApi reads the JsonNode", () => OpenApiYamlReader.Read(node, s_base, OpenApiTextReader.Settings()));
                var isSwagger2 = result.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
                Measure(samples, "7 reference resolution (ReferenceResolution.Resolve)", () =>
                {
                    ReferenceResolution.Resolve(result.Document!, new DiagnosticBag(), isSwagger2);
                    return 0;
                });
                Measure(samples, "read, whole (SpecReader.Read with locator and facts)", () =>
                {
                    var locator = new SourceLocator(path, SourceText.From(text));
                    return SpecReader.Read(text, new DiagnosticBag(), out _, path, locator: locator, facts: new DocumentFacts(locator));
                });

                // For scale: lighter paths over the same text.
                Measure(samples, "alt: SharpYaml events only (no tree)", () =>
                {
                    var parser = Parser.CreateParser(new StringReader(prepared));
                    var events = 0;
                    while (parser.MoveNext())
                    {
                        events++;
                    }

                    return events;
                });
                if (json.Length == 0)
                {
                    json = root.ToJsonNode().ToJsonString();
                }

                Measure(samples, "alt: JsonNode.Parse of the same document as JSON", () => JsonNode.Parse(json));
                Measure(samples, "alt: JsonDocument.Parse of the same document as JSON", () => { using var document = JsonDocument.Parse(json); return document.RootElement.ValueKind; });
                GC.Collect();
            }

            Console.WriteLine();
            Console.WriteLine("### " + name + " (" + (text.Length / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M characters)");
            Console.WriteLine();
            Console.WriteLine("| part | cold ms | median ms | allocated MB |");
            Console.WriteLine("|---|---:|---:|---:|");
            double sum = 0;
            foreach (var (part, list) in samples)
            {
                var warm = list.Skip(1).ToList();
                var ms = Median(warm.Select(s => s.Ms));
                if (char.IsDigit(part[0]) && !part.Contains("(the library's path", StringComparison.Ordinal))
                {
                    sum += ms;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {list[0].Ms:F0} | {ms:F0} | {Median(warm.Select(s => s.Mb)):F0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| sum of parts 1–7 (4 left out) | | {sum:F0} | |"));
        }

        Console.WriteLine();
        Console.WriteLine("end: " + Program.Load());
        return 0;
    }

    private static T Measure<T>(Dictionary<string, List<(double, double)>> samples, string part, Func<T> action)
    {
        // Each part starts on a collected heap: the garbage of the part before is not collected on this one's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        if (!samples.TryGetValue(part, out var list))
        {
            samples[part] = list = new List<(double, double)>();
        }

        list.Add((watch.Elapsed.TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6));
        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
