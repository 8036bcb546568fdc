using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// <c>hostile [docs|compile|all] [runs] [options]</c> (see <see cref="Usage"/>): inputs that were quadratic or broke the build
/// (issue 13, findings 3 and 4), each beside a normal document of the same size.
/// <list type="bullet">
/// <item><c>docs</c>: the generator's whole driver run over descriptions of 65,000 <c>&lt;</c> and one <c>&gt;</c> (and
/// other tag-like text), beside a document whose descriptions are prose of the same length.</item>
/// <item><c>compile</c>: the C# compile (bind and emit IL) of the code generated for an enum, a record (with
/// <c>additionalProperties</c>) and a discriminated union of each size, beside records of 50 members whose generated code
/// is as large.</item>
/// </list>
/// Documents are built in memory. Medians of warm runs; the first run of each row is cold (JIT) and left out when there
/// is more than one. A compile over <c>--max-seconds</c> is cancelled and shown as such, one that throws is shown with its
/// exception, and one that takes the process's working set over <c>--max-gb</c> ends the run.
/// </summary>
internal static class HostileInputs
{
    private const string Usage =
        "usage: hostile [docs|compile|all] [runs, default 3] [--descriptions 4] [--enum-sizes 1000,10000,50000] [--record-sizes 1000,10000,50000]"
        + " [--union-sizes 1000,5000] [--max-seconds 600] [--max-gb 8]";

    private const string Header = "openapi: 3.0.3\ninfo: {title: Hostile, version: '1'}\nservers: [{url: 'https://hostile.example.com'}]\npaths: {}\ncomponents:\n  schemas:\n";

    // Just under the reader's scalar limit (65,536), as the issue measured it.
    private const int DescriptionLength = 65_000;

    public static int Run(ReadOnlySpan<string> args)
    {
        var part = "all";
        var runs = 3;
        var sizes = new Dictionary<string, int[]>(StringComparer.Ordinal)
        {
            ["enum"] = new[] { 1_000, 10_000, 50_000 },
            ["record"] = new[] { 1_000, 10_000, 50_000 },
            ["union"] = new[] { 1_000, 5_000 },
        };
        var descriptions = 4;
        var maxSeconds = 600;
        var maxGigabytes = 8.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "docs" or "compile" or "all":
                    part = args[i];
                    break;
                case "--enum-sizes" or "--record-sizes" or "--union-sizes" when i + 1 < args.Length:
                    var shape = args[i].Substring(2, args[i].IndexOf("-sizes", StringComparison.Ordinal) - 2);
                    sizes[shape] = args[++i].Length == 0 ? Array.Empty<int>() : args[i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--max-gb" when i + 1 < args.Length:
                    maxGigabytes = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--descriptions" when i + 1 < args.Length:
                    descriptions = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--max-seconds" when i + 1 < args.Length:
                    maxSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    if (!int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1)
                    {
                        Console.Error.WriteLine(Usage);
                        return 2;
                    }

                    break;
            }
        }

        if (part is "docs" or "all")
        {
            Generation(runs, descriptions);
        }

        if (part is "compile" or "all")
        {
            Compile(runs, sizes, TimeSpan.FromSeconds(maxSeconds), (long)(maxGigabytes * 1e9));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; {Environment.ProcessorCount} cores"));
        return 0;
    }

    /// <summary>Finding 3: the generator's run over hostile descriptions, beside prose of the same length.</summary>
    private static void Generation(int runs, int count)
    {
        var documents = new (string Name, string Text)[]
        {
            ("prose (normal)", Descriptions(count, Prose)),
            ("65,000 '<' then one '>'", Descriptions(count, length => new string('<', length - 1) + ">")),
            ("'<a href=\"' repeated, no '>'", Descriptions(count, length => Repeat("<a href=\"x", length))),
            ("'&amp' and '</' repeated, no ';' or '>'", Descriptions(count, length => Repeat("&amp</p", length))),
        };

        Console.WriteLine($"### Generation: {count} descriptions of {DescriptionLength:N0} characters each (whole driver run, median of {runs})");
        Console.WriteLine();
        Console.WriteLine("| descriptions | document | median | allocated |");
        Console.WriteLine("|---|---:|---:|---:|");
        var compilation = GenerationPipeline.CreateCompilation();
        foreach (var (name, text) in documents)
        {
            var samples = new List<(double Ms, long Bytes)>();
            for (var round = 0; round < runs + (runs > 1 ? 1 : 0); round++)
            {
                var spec = new TextFile("/specs/hostile.yaml", text);
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                GenerationPipeline.CreateDriver(spec).RunGenerators(compilation);
                watch.Stop();
                samples.Add((watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes));
            }

            var warm = runs > 1 ? samples.Skip(1).ToList() : samples;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {text.Length / 1e6:F2} MB | {Median(warm.Select(s => s.Ms)) / 1000:F2} s | {Median(warm.Select(s => s.Bytes / 1e6)):F0} MB |"));
        }

        Console.WriteLine();
    }

    /// <summary>
    /// Finding 4: compiling the code generated for an enum of N values, a record of N members and a union of N cases, each
    /// beside records of 50 members whose generated code is as long (a normal document of the same generated size).
    /// </summary>
    private static void Compile(int runs, Dictionary<string, int[]> sizes, TimeSpan limit, long maxBytes)
    {
        Console.WriteLine($"### Compile: generated code of one large enum, record or union beside records of 50 members of the same generated size (bind + emit IL, median of {runs}, cancelled after {limit.TotalSeconds:F0} s)");
        Console.WriteLine();
        Console.WriteLine("| document | values / members / cases | generated | median compile | allocated | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");

        // A compile whose memory runs away (the 50,000-value enum took 20 GB before the fix) ends the process before it
        // takes the machine with it; the row says so.
        using var guard = new Timer(_ =>
        {
            if (Environment.WorkingSet > maxBytes)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {s_current} | | | stopped: working set over {maxBytes / 1e9:F0} GB after {s_watch.Elapsed.TotalSeconds:F0} s |"));
                Environment.Exit(3);
            }
        }, null, 500, 500);

        foreach (var (shape, document) in new (string, Func<int, string>)[] { ("enum", Enum), ("record", Record), ("union", Union) })
        {
            foreach (var size in sizes.TryGetValue(shape, out var list) ? list : Array.Empty<int>())
            {
                var code = Generate(document(size));
                CompileRow(shape switch { "enum" => $"enum of {size:N0} values", "record" => $"one record of {size:N0} members", _ => $"union of {size:N0} cases" }, size, code, runs, limit);

                // Records of 50 string members each, scaled so their generated code is as long.
                var probe = Generate(Records(size));
                var members = Math.Max(50, (int)(size * (double)Characters(code.Trees) / Characters(probe.Trees)));
                CompileRow("records of 50 members (normal)", members, Generate(Records(members)), runs, limit);
            }
        }

        Console.WriteLine();
    }

    private static string s_current = string.Empty;
    private static Stopwatch s_watch = new();

    private static void CompileRow(string name, int count, (Compilation Output, SyntaxTree[] Trees) code, int runs, TimeSpan limit)
    {
        s_current = $"{name} | {count:N0} | {Characters(code.Trees) / 1e6:F2} M chars";
        var samples = new List<(double Ms, long Bytes)>();
        var result = "compiles";
        for (var round = 0; round < runs + (runs > 1 ? 1 : 0); round++)
        {
            // A fresh compilation each round: a compilation keeps what it bound.
            var compilation = code.Output.Clone();
            using var cancel = new CancellationTokenSource(limit);
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var watch = s_watch = Stopwatch.StartNew();
            try
            {
                using var stream = new MemoryStream();
                var emitted = compilation.Emit(stream, cancellationToken: cancel.Token);
                watch.Stop();
                var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    result = $"{errors.Count} error(s), first: {errors[0].Id} {errors[0].GetMessage(CultureInfo.InvariantCulture)}";
                }
            }
            catch (OperationCanceledException)
            {
                watch.Stop();
                result = $"cancelled after {limit.TotalSeconds:F0} s";
            }
            catch (Exception exception) when (exception is InsufficientExecutionStackException or InvalidOperationException)
            {
                watch.Stop();
                result = $"threw {exception.GetType().Name} after {watch.Elapsed.TotalSeconds:F0} s";
            }

            samples.Add((watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes));
            if (result != "compiles")
            {
                samples = new List<(double, long)> { samples[samples.Count - 1] };
                break;
            }
        }

        var warm = runs > 1 && samples.Count > 1 ? samples.Skip(1).ToList() : samples;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {s_current} | {Median(warm.Select(s => s.Ms)) / 1000:F2} s | {Median(warm.Select(s => s.Bytes / 1e6)):F0} MB | {result} |"));
    }

    /// <summary>The generator's output for <paramref name="document"/>: the compilation with the generated trees, and those trees.</summary>
    private static (Compilation Output, SyntaxTree[] Trees) Generate(string document)
    {
        var input = GenerationPipeline.CreateCompilation();
        GenerationPipeline.CreateDriver(new TextFile("/specs/hostile.yaml", document)).RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        return (output, output.SyntaxTrees.Except(input.SyntaxTrees).ToArray());
    }

    private static long Characters(IEnumerable<SyntaxTree> trees) => trees.Sum(tree => (long)tree.Length);

    private static string Descriptions(int count, Func<int, string> description)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < count; i++)
        {
            // Double-quoted YAML: '<', '&' and '"' are plain characters there once '"' and '\' are escaped.
            var escaped = description(DescriptionLength).Replace("\\", "\\\\").Replace("\"", "\\\"");
            text.Append("    Wordy").Append(i).Append(":\n      type: object\n      description: \"").Append(escaped)
                .Append("\"\n      properties:\n        name: {type: string}\n");
        }

        return text.ToString();
    }

    private static string Prose(int length) => Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", length);

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }

    private static string Enum(int count)
    {
        var text = new StringBuilder(Header).Append("    Huge:\n      type: string\n      enum:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("        - v").Append(i).Append('\n');
        }

        return text.ToString();
    }

    private static string Records(int members)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < members; i++)
        {
            if (i % 50 == 0)
            {
                text.Append("    R").Append(i / 50).Append(":\n      type: object\n      properties:\n");
            }

            text.Append("        m").Append(i).Append(": {type: string}\n");
        }

        return text.ToString();
    }

    private static string Record(int members)
    {
        var text = new StringBuilder(Header).Append("    Wide:\n      type: object\n      additionalProperties: {type: string}\n      properties:\n");
        for (var i = 0; i < members; i++)
        {
            text.Append("        m").Append(i).Append(": {type: string}\n");
        }

        return text.ToString();
    }

    /// <summary>A discriminated union of <paramref name="cases"/> records, each with its own mapped value.</summary>
    private static string Union(int cases)
    {
        var text = new StringBuilder(Header).Append("    Choice:\n      oneOf:\n");
        for (var i = 0; i < cases; i++)
        {
            text.Append("        - {$ref: '#/components/schemas/C").Append(i).Append("'}\n");
        }

        text.Append("      discriminator:\n        propertyName: kind\n        mapping:\n");
        for (var i = 0; i < cases; i++)
        {
            text.Append("          c").Append(i).Append(": '#/components/schemas/C").Append(i).Append("'\n");
        }

        for (var i = 0; i < cases; i++)
        {
            text.Append("    C").Append(i).Append(": {type: object, required: [kind], properties: {kind: {type: string}, x").Append(i).Append(": {type: string}}}\n");
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
