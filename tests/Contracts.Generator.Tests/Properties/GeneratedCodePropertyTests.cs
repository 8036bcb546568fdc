using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// Property-based tests over random schema graphs (<see cref="SchemaGraphGen"/>): for every spec,
/// (1) the generator reports no error and no CTR006, and the generated code compiles with zero errors and warnings;
/// (2) random valid instances of every named schema (<see cref="InstanceGen"/>) read through the generated JSON
/// context and written back are unchanged (<see cref="RoundTripComparer"/> says precisely what that means).
/// Compiling is the expensive part, so each spec holds several schemas and each compiled spec checks many instances.
/// Sizes and seeds: <see cref="PropertyRunSettings"/>; a failure prints the CsCheck seed and the spec.
/// </summary>
public sealed class GeneratedCodePropertyTests(ITestOutputHelper log)
{
    private const string Namespace = "Contracts.Tests.Property";
    private const string Context = Namespace + ".PropertyJsonContext";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Random_schema_graphs_compile_cleanly_and_their_instances_round_trip()
    {
        var settings = PropertyRunSettings.FromEnvironment();
        var gen = Gen.Select(SchemaGraphGen.Graph(PropertyRunSettings.MinSchemas, PropertyRunSettings.MaxSchemas), Gen.ULong);
        var totals = new Totals();
        var started = DateTime.UtcNow;
        if (settings.Seeds is { } seeds)
        {
            foreach (var seed in seeds)
            {
                gen.Sample((graph, instanceSeed) => Check(graph, instanceSeed, settings.Instances, totals), seed: seed, iter: 1, threads: 1, print: Print);
            }
        }
        else
        {
            gen.Sample((graph, instanceSeed) => Check(graph, instanceSeed, settings.Instances, totals), iter: settings.RandomRuns, threads: settings.Threads, print: Print);
        }

        log.WriteLine($"{totals.Specs} specs, {totals.Schemas} schemas ({totals.Unions} unions, {totals.Discriminated} discriminated, {totals.Declared} of them declared by the cases; {totals.Derived} derived records, {totals.Discriminating} bases with a discriminator), "
            + $"{totals.Instances} instances round-tripped in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        Assert.True(totals.Specs > 0);
    }

    private static void Check(SchemaGraph graph, ulong instanceSeed, int instancesPerSchema, Totals totals)
    {
        var spec = SpecWriter.Write(graph);
        try
        {
            CheckSpec(graph, spec, instanceSeed, instancesPerSchema, totals);
        }
        catch (Exception error)
        {
            // The failing spec as a file, to read or to hand to `contracts check`.
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(spec)))[..12].ToLowerInvariant();
            var path = Path.Combine(Path.GetTempPath(), $"contracts-property-{hash}.json");
            File.WriteAllText(path, spec);
            throw new Xunit.Sdk.XunitException($"{error.Message}\n(spec written to {path})", error);
        }
    }

    private static void CheckSpec(SchemaGraph graph, string spec, ulong instanceSeed, int instancesPerSchema, Totals totals)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("property.json", spec, Namespace, "PropertyClient").ReadAndWritten());

        // Property 1: no generator failure or error, and the generated code compiles with zero errors and warnings.
        run.AssertGeneratorDidNotThrow();
        // One warning is expected: Microsoft.OpenApi's validator (CTR005) wants the discriminator required in every
        // case, and the graphs deliberately include discriminators the cases do not declare (the union writes them).
        var reported = run.GeneratorDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => !(d.Id == "CTR005" && d.GetMessage(CultureInfo.InvariantCulture).Contains("must list its discriminator property", StringComparison.Ordinal)))
            .ToList();
        Assert.True(reported.Count == 0, "The generator reported:\n" + GeneratorRun.Format(reported));
        run.AssertCompilesCleanly();

        // Property 2: instances of every named schema round-trip through the generated JSON context.
        using var output = LoadedOutput.Load(run);
        var instances = new InstanceGen(graph, new PCG(1, instanceSeed));
        var comparer = new RoundTripComparer(graph);
        var count = 0;
        var typeInfos = output.Type(Context).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < graph.Schemas.Count; index++)
        {
            var name = graph.Schemas[index].Name;
            if (!graph.HasOwnType(index))
            {
                continue;
            }

            Assert.True(typeInfos.Contains(name), $"The JSON context has no '{name}'; it has: {string.Join(", ", typeInfos.Order(StringComparer.Ordinal))}");
            for (var k = 0; k < instancesPerSchema; k++)
            {
                var input = instances.OfSchema(index)?.ToJsonString(Relaxed) ?? "null";
                string written;
                try
                {
                    var read = output.Deserialize(Context, name, input);
                    if (graph.OwnerOf(index) is not null)
                    {
                        // A value typed as a base reads as the derived record its discriminator names.
                        var expectedType = graph.Schemas[graph.ConcreteOf(index, JsonNode.Parse(input))].Name;
                        Assert.True(read?.GetType().Name == expectedType, $"{name}: {input}\n  was read as {read?.GetType().Name}, not {expectedType}");
                    }

                    written = output.Serialize(Context, name, read);
                }
                catch (Exception error) when (error is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
                {
                    throw new Xunit.Sdk.XunitException($"{name}: reading or writing {input} threw {error.GetType().Name}: {error.Message}");
                }

                var difference = comparer.CompareSchema(index, JsonNode.Parse(input), JsonNode.Parse(written));
                Assert.True(difference is null, $"{name}: {input}\n  was written back as {written}\n  {difference}");
                count++;
            }
        }

        lock (totals)
        {
            totals.Specs++;
            totals.Schemas += graph.Schemas.Count;
            totals.Unions += graph.CountOf<UnionDef>();
            totals.Discriminated += graph.Schemas.OfType<UnionDef>().Count(u => u.Discriminator is not null);
            totals.Declared += graph.Schemas.OfType<UnionDef>().Count(u => u.Discriminator is { Declared: true });
            totals.Derived += Enumerable.Range(0, graph.Schemas.Count).Count(i => graph.BaseOf(i) is not null);
            totals.Discriminating += Enumerable.Range(0, graph.Schemas.Count).Count(i => graph.Schemas[i] is ObjectDef { Discriminator: not null } && graph.DescendantsOf(i).Any());
            totals.Instances += count;
        }
    }

    private static string Print((SchemaGraph Graph, ulong InstanceSeed) sample) =>
        $"instance seed {sample.InstanceSeed}; spec:\n{SpecWriter.Write(sample.Graph)}";

    private sealed class Totals
    {
        public int Specs;
        public int Schemas;
        public int Unions;
        public int Discriminated;
        public int Declared;
        public int Derived;
        public int Discriminating;
        public long Instances;
    }
}
