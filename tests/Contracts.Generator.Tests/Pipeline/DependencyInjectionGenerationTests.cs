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
}
