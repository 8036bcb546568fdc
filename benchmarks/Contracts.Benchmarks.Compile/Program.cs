using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Contracts.Benchmarks.Compile;

/// <summary>
/// Compiles generated code as a Debug <c>dotnet build</c> of a net10.0 console app would, and times each phase:
/// our generator's output for a description (generated in process), a saved folder of generated C# (for example an older
/// commit's output written with <c>--write</c>), and Kiota's output against its packages. Every set is compiled once per
/// round, in the same order each round, so background load lands on all of them; the table prints medians.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project benchmarks/Contracts.Benchmarks.Compile -- [options]

          --spec NAME|PATH        a description to generate and compile (openai, github, stripe, lightsail, seed, or a path);
                                  repeat for several
          --kiota NAME=DIR        also compile Kiota's output for spec NAME from DIR, against Kiota's packages
          --saved LABEL:NAME=DIR  also compile a saved folder of our output for spec NAME (written by --write), labelled LABEL
          --variant V             also compile ours changed by V, to see what a part costs (repeatable):
                                  nodocs (XML docs removed), annotations (#nullable enable annotations + disable warnings),
                                  stub-read / stub-write (converters' ReadValue / WriteValue bodies thrown away),
                                  stub-twins (the …WithResponseAsync twins' bodies thrown away), stub-client / stub-context
                                  (every method body of the client file / of the JSON context file thrown away),
                                  noclient (the client file left out), client-throws (the client's methods without the
                                  try/catch that keeps a failure to build the request inside the returned task),
                                  enums-only / enums-multi (only the open enums and their converters / those of two values or more),
                                  docfile / nodocs-docfile (doc comments parsed and the XML file written, as
                                  GenerateDocumentationFile builds; without and with the docs removed), bare-context (the
                                  JSON context's per-type field, Create_ method, resolver branch and doc removed, each
                                  property `=> null!`), one-converters-block (each type file's converters in one
                                  reopening of the context's Converters class, not one reopening per converter),
                                  shared-enum-converter (no converter class per string enum: one generic class for all),
                                  no-required-flags (the record readers without their check of
                                  required members), static-converters (record and union converters as static classes of
                                  their two methods: what deriving from JsonConverter<T> per type costs), write-helpers /
                                  read-helper (members written / names compared through methods of one overload per value
                                  type instead of Utf8JsonWriter's and ValueTextEquals' overloads), classes (records
                                  as classes: what the members C# synthesizes for a record cost), records-own-print /
                                  records-own-equality / records-both (every record declares its own PrintMembers
                                  returning false / Equals(T?) and GetHashCode comparing references / both: what
                                  ToString's printing and value equality cost), records-own-all (also ToString,
                                  EqualityContract, the copy constructor and Deconstruct declared, doing nothing)
          --write DIR             write our generated files to DIR/NAME/ (and each variant's to DIR/NAME-V/) and stop (no compile)
          -n RUNS                 rounds (default 3)
          --phases LIST           parse,diagnostics,emit (default all three)
          --help                  this text

        Parse is every file parsed (in parallel, as csc does); diagnostics is a fresh compilation's GetDiagnostics()
        (declarations, binding, flow and nullable analysis); emit is a fresh compilation's Emit with a portable PDB, which,
        as in csc, binds every method body again, so a build costs about parse + emit.
        """;

    public static int Main(string[] args)
    {
        var specs = new List<string>();
        var kiota = new List<(string Spec, string Folder)>();
        var saved = new List<(string Label, string Spec, string Folder)>();
        var variants = new List<string>();
        string? write = null;
        var runs = 3;
        var phases = new HashSet<string>(new[] { "parse", "diagnostics", "emit" }, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            switch (args[i])
            {
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                case "--spec":
                    specs.Add(Next());
                    break;
                case "--kiota":
                {
                    var (name, folder) = SplitAssignment(Next());
                    kiota.Add((name, folder));
                    break;
                }
                case "--saved":
                {
                    var value = Next();
                    var colon = value.IndexOf(':');
                    if (colon <= 0)
                    {
                        throw new ArgumentException("--saved takes LABEL:NAME=DIR");
                    }

                    var (name, folder) = SplitAssignment(value[(colon + 1)..]);
                    saved.Add((value[..colon], name, folder));
                    break;
                }
                case "--variant":
                    variants.Add(SourceVariants.Check(Next()));
                    break;
                case "--write":
                    write = Next();
                    break;
                case "-n":
                    runs = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--phases":
                    phases = new HashSet<string>(Next().Split(','), StringComparer.Ordinal);
                    break;
                default:
                    Console.Error.WriteLine("unknown argument: " + args[i]);
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (specs.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var sets = new List<SourceSet>();
        foreach (var spec in specs)
        {
            var name = SpecName(spec);
            var watch = Stopwatch.StartNew();
            var ours = OurGenerator.Generate(BenchmarkSpecs.Resolve(spec));
            Console.Error.WriteLine($"{name}: generated {ours.Files.Count} files in {watch.Elapsed.TotalSeconds:F1} s");
            if (write is not null)
            {
                ours.WriteTo(Path.Combine(write, name));
                foreach (var variant in variants)
                {
                    SourceVariants.Apply(ours, variant).WriteTo(Path.Combine(write, name + "-" + variant));
                }

                continue;
            }

            sets.Add(ours with { Spec = name, Label = "ours" });
            foreach (var variant in variants)
            {
                sets.Add(SourceVariants.Apply(ours, variant) with { Spec = name, Label = "ours, " + variant });
            }

            foreach (var (label, savedSpec, folder) in saved.Where(s => s.Spec == name))
            {
                sets.Add(SourceSet.FromFolder(folder, References.Ours) with { Spec = name, Label = label });
            }

            foreach (var (_, folder) in kiota.Where(k => k.Spec == name))
            {
                sets.Add(SourceSet.FromFolder(folder, References.Kiota) with { Spec = name, Label = "kiota" });
            }
        }

        if (write is not null)
        {
            return 0;
        }

        var unknown = kiota.Select(k => k.Spec).Concat(saved.Select(s => s.Spec)).Except(specs.Select(SpecName)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine("no --spec for: " + string.Join(", ", unknown));
            return 2;
        }

        // Roslyn's own code is JIT-compiled on first use, and the heap grows on the first large compile: one untimed compile of
        // Lightsail's description (4.7 MB of C#) first, so that the first set measured pays no more than the others.
        Compiler.Compile(OurGenerator.Generate(BenchmarkSpecs.Resolve("lightsail")), phases);

        Console.WriteLine($"load before: {Load()}");
        var samples = sets.ToDictionary(set => set, _ => new List<PhaseTimes>());
        for (var round = 0; round < runs; round++)
        {
            foreach (var set in sets)
            {
                var times = Compiler.Compile(set, phases);
                samples[set].Add(times);
                Console.Error.WriteLine($"round {round + 1}/{runs} {set.Spec} {set.Label}: {times}");
            }
        }

        Console.WriteLine($"load after: {Load()}");
        Console.WriteLine();
        Console.WriteLine($"Medians of {runs} rounds; CPU seconds of the whole process (every thread), wall seconds for the total; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| spec | code | files | characters | lines | types | methods | parse CPU | diagnostics CPU | emit CPU | parse + emit CPU | parse + emit wall | CPU / kiota | CPU / first |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in sets.GroupBy(s => s.Spec))
        {
            var first = PhaseTimes.Median(samples[group.First()]).Build?.Cpu;
            var kiotaSet = group.FirstOrDefault(s => s.Label == "kiota");
            var kiotaBuild = kiotaSet is null ? null : PhaseTimes.Median(samples[kiotaSet]).Build?.Cpu;
            foreach (var set in group)
            {
                var median = PhaseTimes.Median(samples[set]);
                var shape = set.Shape;
                Console.WriteLine(
                    $"| {set.Spec} | {set.Label}{(set.Errors > 0 ? $" (**{set.Errors:N0} compile errors**)" : "")} | {set.Files.Count:N0} | {shape.Characters:N0} | {shape.Lines:N0} | {shape.Types:N0} | {shape.Methods:N0} | " +
                    $"{Seconds(median.Parse?.Cpu)} | {Seconds(median.Diagnostics?.Cpu)} | {Seconds(median.Emit?.Cpu)} | {Seconds(median.Build?.Cpu)} | {Seconds(median.Build?.Wall)} | " +
                    $"{Ratio(median.Build?.Cpu, kiotaBuild)} | {Ratio(median.Build?.Cpu, first)} |");
            }
        }

        return 0;
    }

    private static (string Name, string Folder) SplitAssignment(string value)
    {
        var equals = value.IndexOf('=');
        return equals <= 0 ? throw new ArgumentException("expected NAME=DIR, got " + value) : (value[..equals], value[(equals + 1)..]);
    }

    private static string SpecName(string spec) => BenchmarkSpecs.Paths.ContainsKey(spec) ? spec : Path.GetFileNameWithoutExtension(spec);

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Ratio(double? value, double? over) =>
        value is { } v && over is { } o && o > 0 ? (v / o).ToString("F2", CultureInfo.InvariantCulture) + "×" : "-";

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
