using System.Linq;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// Generated files turn nullable warnings off for the user's build; the tests' <see cref="GeneratorRun.CheckedCompilation"/>
/// turns them back on. These show that the check sees a nullable mistake the build would not, and refuses a generated
/// file that no longer carries the line it rewrites (it would otherwise check nothing). A stand-in generator writes the
/// file, because the real one has no such mistake to find.
/// </summary>
public sealed class CheckedCompilationTests
{
    private const string NullableMistake = """
        namespace Contracts.Tests.App;

        internal static class Mistake
        {
            public static string Text() => null;
        }
        """;

    [Fact]
    public void A_nullable_mistake_hidden_from_the_build_is_reported_by_the_check()
    {
        var run = RunStandIn("#nullable enable annotations\n" + GeneratorRun.NullableWarningsOff + "\n" + NullableMistake);

        var build = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Empty(build);
        Assert.Contains(run.CompilationDiagnostics, d => d.Id == "CS8603");
    }

    [Fact]
    public void A_generated_file_without_the_warnings_off_line_fails_the_check()
    {
        var run = RunStandIn("#nullable enable\n" + NullableMistake);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => run.CheckedCompilation);
        Assert.Contains("does not contain the line", failure.Message, System.StringComparison.Ordinal);
    }

    private static GeneratorRun RunStandIn(string generated)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new StandInGenerator(generated).AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions);
        return GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }"));
    }

    private sealed class StandInGenerator(string source) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(output => output.AddSource("Mistake.g.cs", source));
    }
}
