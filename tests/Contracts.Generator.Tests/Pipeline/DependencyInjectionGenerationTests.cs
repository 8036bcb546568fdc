using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>The DI extensions exist only where Microsoft.Extensions.Http is referenced, and then compile cleanly.</summary>
public sealed class DependencyInjectionGenerationTests
{
    [Fact]
    public void Without_Microsoft_Extensions_Http_no_registration_code_is_emitted()
    {
        var run = GeneratorHarness.Run(SpecFile.Seed());

        Assert.DoesNotContain(run.Sources.Keys, name => name.Contains("DependencyInjection", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Microsoft_Extensions_Http_the_registration_code_is_emitted_and_compiles()
    {
        var run = GeneratorHarness.RunWith(GeneratorHarness.HttpClientFactoryReferences(), SpecFile.Seed());

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var registration = run.Sources.Single(pair => pair.Key.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));
        Snapshot.Match("SeedDependencyInjection", new System.Collections.Generic.Dictionary<string, string> { [registration.Key] = registration.Value });
    }

    [Fact]
    public void Without_Microsoft_Extensions_Http_Resilience_the_registration_adds_the_runtime_RetryHandler()
    {
        var run = GeneratorHarness.RunWith(GeneratorHarness.HttpClientFactoryReferences(), SpecFile.Seed());

        var registration = run.Sources.Single(pair => pair.Key.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("new global::Contracts.Runtime.Http.RetryHandler(", registration, StringComparison.Ordinal);
        Assert.DoesNotContain("Polly", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Microsoft_Extensions_Http_Resilience_the_registration_retries_through_its_handler_and_compiles()
    {
        var run = GeneratorHarness.RunWith(GeneratorHarness.HttpClientFactoryReferences().Concat(ResilienceReferences()), SpecFile.Seed());

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var registration = run.Sources.Single(pair => pair.Key.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain("RetryHandler(", registration.Value, StringComparison.Ordinal);
        Snapshot.Match("SeedDependencyInjectionResilience", new System.Collections.Generic.Dictionary<string, string> { [registration.Key] = registration.Value });
    }

    /// <summary>Microsoft.Extensions.Http.Resilience and the Polly assemblies its API shows, from the test's output folder.</summary>
    private static System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.MetadataReference> ResilienceReferences() =>
        new[] { "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Resilience", "Polly.Core", "Polly.Extensions" }
            .Select(name => (Microsoft.CodeAnalysis.MetadataReference)Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(
                System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(name)).Location));
}
