using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Loader;

namespace Contracts.Benchmarks.Reading;

/// <summary>Whether the prototype gives what the current stage gives: positions per pointer, and documents over a corpus.</summary>
internal static class Comparisons
{
    /// <summary>Every located pointer of each document: the same line and column from both stages?</summary>
    public static int Positions(List<(string Name, string Path)> specs)
    {
        var prototype = PrototypeReadingStage.Load();
        foreach (var (name, path) in specs)
        {
            var text = File.ReadAllText(path);
            var current = CurrentReadingStage.Positions(text).ToDictionary(line => line.Split('\t')[0], StringComparer.Ordinal);
            var other = prototype.Positions(text).ToDictionary(line => line.Split('\t')[0], StringComparer.Ordinal);
            var both = current.Keys.Intersect(other.Keys, StringComparer.Ordinal).ToList();
            var differ = both.Where(pointer => current[pointer] != other[pointer]).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"{name}: generator locates {current.Count} pointers, prototype {other.Count}; {both.Count} in both, {differ.Count} at different positions; only generator: {current.Count - both.Count}, only prototype: {other.Count - both.Count}"));
            foreach (var pointer in differ.Take(5))
            {
                Console.WriteLine("  generator " + current[pointer].Replace('\t', ' ') + "  |  prototype " + other[pointer].Replace('\t', ' '));
            }

            foreach (var pointer in current.Keys.Except(other.Keys).Take(3).Concat(other.Keys.Except(current.Keys).Take(3)))
            {
                Console.WriteLine("  only in one: " + pointer);
            }
        }

        return 0;
    }

    /// <summary>Both stages over every description in a folder: documents read, errors, and where the documents differ.</summary>
    public static int Corpus(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.WriteLine("absent: " + folder + ", corpus not compared");
            return 1;
        }

        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        Console.WriteLine("corpus: " + files.Count + " descriptions under " + folder + "; " + Program.Load());
        var prototype = PrototypeReadingStage.Load();
        var variants = new (string Name, Func<string, string[]> Describe)[] { ("one tree", prototype.Describe), ("public + events", prototype.DescribePublic) };
        var current = files.Select(file => CurrentReadingStage.Describe(File.ReadAllText(file))).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"generator: read {current.Count(c => c[0] != "threw" && c[0].StartsWith("1 ", StringComparison.Ordinal))} of {files.Count}, with CTR errors {current.Count(c => c.Skip(2).Any())}, threw {current.Count(c => c[0] == "threw")}"));
        foreach (var (variant, describe) in variants)
        {
            int read = 0, errors = 0, threw = 0, same = 0;
            var differences = new List<string>();
            for (var index = 0; index < files.Count; index++)
            {
                var text = File.ReadAllText(files[index]);
                var other = describe(text);
                var relative = Path.GetRelativePath(folder, files[index]);
                var f16 = current[index][0] == "threw" ? null : current[index][0].Split(' ').Select(long.Parse).ToArray();
                var f3 = other[0] == "threw" ? null : other[0].Split(' ').Select(long.Parse).ToArray();
                threw += f3 is null ? 1 : 0;
                read += f3 is { } b && b[0] == 1 ? 1 : 0;
                errors += other.Skip(2).Any() ? 1 : 0;

                var problems = new List<string>();
                if (f16 is null || f3 is null)
                {
                    problems.Add("threw: " + string.Join("; ", (f16 is null ? current[index] : other).Skip(2)));
                }
                else
                {
                    problems.AddRange(Measurements.Compare(relative, f16, f3).Select(p => p.Substring(relative.Length + 2)));
                    if (current[index][1] != other[1])
                    {
                        var names16 = current[index][1].Split('|');
                        var names3 = other[1].Split('|');
                        problems.Add("schema names differ: only generator " + string.Join(",", names16.Except(names3).Take(3)) + "; only prototype " + string.Join(",", names3.Except(names16).Take(3)));
                    }
                }

                if (current[index].Skip(2).Any() != other.Skip(2).Any())
                {
                    problems.Add("errors: generator [" + string.Join("; ", current[index].Skip(2)) + "] prototype [" + string.Join("; ", other.Skip(2)) + "]");
                }

                if (problems.Count == 0)
                {
                    same++;
                }
                else
                {
                    differences.Add(relative + ": " + string.Join(" / ", problems));
                }
            }

            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant(
                $"prototype ({variant}): read {read} of {files.Count}, with reader errors {errors}, threw {threw}; the same figures as the generator: {same}, different: {differences.Count}"));
            foreach (var difference in differences)
            {
                Console.WriteLine("  " + (difference.Length > 400 ? difference.Substring(0, 400) + "…" : difference));
            }
        }

        // The readers' own errors (validation included), before the stage turns them into diagnostics, and the positions of
        // every pointer both locate.
        int differentErrors = 0, only16 = 0, only3 = 0, notCompared = 0, with16 = 0, with3 = 0;
        long locatedInBoth = 0, misplaced = 0;
        var errorLines = new List<string>();
        for (var index = 0; index < files.Count; index++)
        {
            var text = File.ReadAllText(files[index]);
            var relative = Path.GetRelativePath(folder, files[index]);
            var errors16 = CurrentReadingStage.ReaderErrors(text);
            var errors3 = prototype.ReaderErrors(text);
            if (errors16 is null)
            {
                notCompared++;
            }
            else
            {
                with16 += errors16.Length > 0 ? 1 : 0;
                with3 += errors3.Length > 0 ? 1 : 0;
            }

            if (errors16 is not null && errors16.Length != errors3.Length)
            {
                differentErrors++;
                only16 += errors16.Length > 0 && errors3.Length == 0 ? 1 : 0;
                only3 += errors3.Length > 0 && errors16.Length == 0 ? 1 : 0;
                errorLines.Add(FormattableString.Invariant($"  {relative}: generator {errors16.Length} [{string.Join("; ", errors16.Take(2))}] prototype {errors3.Length} [{string.Join("; ", errors3.Take(2))}]"));
            }

            try
            {
                var current16 = CurrentReadingStage.Positions(text).ToDictionary(line => line.Split('\t')[0], StringComparer.Ordinal);
                foreach (var line in prototype.Positions(text))
                {
                    if (current16.TryGetValue(line.Split('\t')[0], out var other))
                    {
                        locatedInBoth++;
                        misplaced += other == line ? 0 : 1;
                    }
                }
            }
            catch (Exception exception) when (exception is ArgumentException or System.Reflection.TargetInvocationException or NullReferenceException)
            {
                errorLines.Add("  " + relative + ": positions not compared: " + exception.Message);
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"reader errors (raw, validation included): documents with errors: generator {with16}, prototype {with3}; the count differs in {differentErrors} of {files.Count - notCompared} (errors only from the generator: {only16}, only from prototype: {only3}); 3.1 documents not compared: {notCompared}"));
        errorLines.ForEach(line => Console.WriteLine(line.Length > 400 ? line.Substring(0, 400) + "…" : line));
        Console.WriteLine(FormattableString.Invariant($"positions: {locatedInBoth} pointers located by both stages, {misplaced} at a different line or column"));
        Console.WriteLine();
        Console.WriteLine("after: " + Program.Load());
        return 0;
    }

    /// <summary>What the prototype's load context resolved, and from where, after reading a small document.</summary>
    public static int Loading()
    {
        var prototype = PrototypeReadingStage.Load();
        prototype.ReadLocateFacts("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
        prototype.ReadLocateFacts("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}");
        Console.WriteLine("runtime " + Environment.Version + "; prototype folder " + PrototypeReadingStage.Folder);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && (n.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) || n.StartsWith("SharpYaml", StringComparison.Ordinal) || n.StartsWith("System.Text.Json", StringComparison.Ordinal) || n.StartsWith("Contracts.Benchmarks.Reading.Prototype", StringComparison.Ordinal)))
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-45} {1,-12} {2,-35} {3}",
                assembly.GetName().Name, assembly.GetName().Version, AssemblyLoadContext.GetLoadContext(assembly)?.Name, assembly.Location));
        }

        return 0;
    }
}
