using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Streaming;

/// <summary>
/// Specs/streams.yaml: an OpenAI-like chat stream beside its JSON answer, a stream-only operation, an event-name-mapped
/// union stream, JSON Lines and a JSON text sequence, snapshotted and compiled.
/// </summary>
public sealed class StreamSnapshotTests
{
    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.FromOutput("Specs/streams.yaml", "Contracts.Tests.Streams", "StreamsClient"));

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Streams", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = Run();

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
