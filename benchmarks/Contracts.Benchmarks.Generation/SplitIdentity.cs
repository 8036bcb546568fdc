using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator;
using Contracts.Generator.Configuration;
using Contracts.Generator.Documentation;
using Microsoft.CodeAnalysis;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// <c>split-identity &lt;folder&gt;</c>: every YAML/JSON file under the folder generated from its text as it is and through
/// the documentation split (what the analyzer does), compared file by file and diagnostic by diagnostic (id, message,
/// span, line and column), and, where the line scanner reads a file, its documentation against SharpYaml's (spans and values). The tests do this for the repository's specs; this runs it over a
/// corpus such as ../shared/corpus.
/// </summary>
internal static class SplitIdentity
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: split-identity <folder>");
            return 2;
        }

        var files = Directory.EnumerateFiles(args[0], "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        int identical = 0, split = 0, generated = 0, scanned = 0;
        var differing = new List<string>();
        foreach (var path in files)
        {
            var spec = new TextFile(path, File.ReadAllText(path));
            var fresh = DirectGeneration.Run(spec, [], GenerationPipeline.Options, GenerationPipeline.Facts, CancellationToken.None);
            var viaSplit = DirectGeneration.Run(spec, [], GenerationPipeline.Options, GenerationPipeline.Facts, CancellationToken.None, splitDocumentation: true);
            var table = DocumentationSplitter.Split(new SpecInput(path, spec.GetText()!.ToString(), GenerationPipeline.Load(path).Options), CancellationToken.None).Documentation;
            split += table.IsEmpty ? 0 : 1;

            // The line scanner, where it reads the text, must find what SharpYaml's events give.
            var text = spec.GetText()!.ToString();
            if (BlockYamlScanner.TryFind(text, CancellationToken.None, out var fromScanner))
            {
                scanned++;
                if (ScanDifference(text, fromScanner!) is { } scanDifference)
                {
                    differing.Add(Path.GetRelativePath(args[0], path) + ": " + scanDifference);
                }
            }

            generated += fresh.Sources.Count > 0 ? 1 : 0;
            var difference = Difference(fresh, viaSplit);
            if (difference is null)
            {
                identical++;
            }
            else
            {
                differing.Add(Path.GetRelativePath(args[0], path) + ": " + difference);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {generated} generating code, {split} split (documentation taken out): {identical} identical, {differing.Count} differing; {scanned} read by the line scanner, the rest by SharpYaml"));
        foreach (var line in differing)
        {
            Console.WriteLine("  " + line);
        }

        return differing.Count == 0 ? 0 : 1;
    }

    private static string? ScanDifference(string text, List<(int Start, int End, string Value)> fromScanner)
    {
        List<(int Start, int End, string Value)>? fromParser;
        try
        {
            fromParser = DocumentationSplitter.FindWithParser(text, CancellationToken.None);
        }
        catch (Exception exception)
        {
            return "the line scanner read what SharpYaml refuses: " + exception.Message;
        }

        if (fromParser is null)
        {
            return "the line scanner read several documents";
        }

        for (var i = 0; i < Math.Max(fromParser.Count, fromScanner.Count); i++)
        {
            if (i >= fromParser.Count || i >= fromScanner.Count || fromParser[i] != fromScanner[i])
            {
                return "documentation scalar " + i + ": SharpYaml " + (i < fromParser.Count ? fromParser[i].ToString() : "none")
                    + " ≠ line scanner " + (i < fromScanner.Count ? fromScanner[i].ToString() : "none");
            }
        }

        return null;
    }

    private static string? Difference(
        (IReadOnlyList<(string HintName, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) fresh,
        (IReadOnlyList<(string HintName, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) split)
    {
        if (!fresh.Sources.Select(s => s.HintName).SequenceEqual(split.Sources.Select(s => s.HintName)))
        {
            return "different files";
        }

        foreach (var ((name, expected), (_, actual)) in fresh.Sources.Zip(split.Sources))
        {
            if (expected != actual)
            {
                return name + " differs";
            }
        }

        var (a, b) = (Describe(fresh.Diagnostics), Describe(split.Diagnostics));
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count || i >= b.Count || a[i] != b[i])
            {
                return "diagnostic " + i + ": " + (i < a.Count ? a[i] : "none") + " ≠ " + (i < b.Count ? b[i] : "none");
            }
        }

        return null;
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => string.Join(" | ", d.Id, d.GetMessage(CultureInfo.InvariantCulture), d.Location.SourceSpan, d.Location.GetLineSpan().Span)).ToList();
}
