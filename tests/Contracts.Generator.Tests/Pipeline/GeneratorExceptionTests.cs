using System.Globalization;
using System.Linq;
using Contracts.Generator.Pipeline;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>
/// An exception inside the generator (a bug of ours) becomes CTR006 with the exception's type and message, in the
/// analyzer as in the contracts tool's direct run: it costs the document (translation) or the file (emission), never
/// the user's build. The exception is injected through <see cref="FaultInjection"/>; each test uses a spec path and a
/// client name of its own, so no other test meets its fault.
/// </summary>
public sealed class GeneratorExceptionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Faults, version: '1'}
        servers: [{url: 'https://faults.example.com'}]
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
        """;

    [Fact]
    public void An_exception_in_translation_is_CTR006_on_the_document_and_no_code_is_generated()
    {
        var spec = SpecFile.Inline("fault-in-translation.yaml", Spec, "Contracts.Tests.Faults", "TranslationFaultClient");
        GeneratorRun run;
        using (FaultInjection.InTranslation(spec.Path, "injected translation fault"))
        {
            run = GeneratorHarness.Run(spec);
        }

        run.AssertGeneratorDidNotThrow();
        var failure = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR006");
        Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
        Assert.Equal(
            "The Contracts generator failed on this document (InvalidOperationException: injected translation fault); please report it with the document",
            failure.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(spec.Path, failure.Location.GetLineSpan().Path);
        Assert.Equal(0, failure.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_exception_while_emitting_a_file_is_CTR006_and_costs_only_that_file()
    {
        var spec = SpecFile.Inline("fault-in-emission.yaml", Spec, "Contracts.Tests.Faults", "EmissionFaultClient");
        GeneratorRun run;
        using (FaultInjection.InEmission("EmissionFaultClient.Client.g.cs", "injected emission fault"))
        {
            run = GeneratorHarness.Run(spec);
        }

        run.AssertGeneratorDidNotThrow();
        var failure = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR006");
        Assert.Equal(
            "The Contracts generator failed on this document (InvalidOperationException: injected emission fault); please report it with the document",
            failure.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain("EmissionFaultClient.Client.g.cs", run.Sources.Keys);
        Assert.Contains("EmissionFaultClient.JsonContext.g.cs", run.Sources.Keys);
        Assert.Contains(run.Sources.Keys, name => name.StartsWith("EmissionFaultClient.Models.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_fault_the_same_document_generates_every_file_and_no_CTR006()
    {
        // The control: the two tests above fail because of their fault, not because of the document.
        var run = GeneratorHarness.Run(SpecFile.Inline("fault-free.yaml", Spec, "Contracts.Tests.Faults", "FaultFreeClient"));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR006");
        Assert.Contains("FaultFreeClient.Client.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void The_direct_run_reports_the_same_CTR006_for_both_kinds_of_fault()
    {
        var translation = SpecFile.Inline("direct-fault-in-translation.yaml", Spec, "Contracts.Tests.Faults", "DirectTranslationFaultClient");
        var emission = SpecFile.Inline("direct-fault-in-emission.yaml", Spec, "Contracts.Tests.Faults", "DirectEmissionFaultClient");
        var facts = new Contracts.Generator.Model.CompilationFacts(HasRuntime: true, HasHttpClientFactory: false, HasConfiguration: false);

        (System.Collections.Generic.IReadOnlyList<(string HintName, string Text)> Sources, System.Collections.Generic.IReadOnlyList<Diagnostic> Diagnostics) translated, emitted;
        using (FaultInjection.InTranslation(translation.Path, "direct translation fault"))
        {
            translated = DirectGeneration.Run(translation.ToAdditionalText(), [], GeneratorHarness.CreateOptions([translation]), facts, default);
        }

        using (FaultInjection.InEmission("DirectEmissionFaultClient.JsonContext.g.cs", "direct emission fault"))
        {
            emitted = DirectGeneration.Run(emission.ToAdditionalText(), [], GeneratorHarness.CreateOptions([emission]), facts, default);
        }

        Assert.Empty(translated.Sources);
        Assert.Equal(
            "The Contracts generator failed on this document (InvalidOperationException: direct translation fault); please report it with the document",
            Assert.Single(translated.Diagnostics, d => d.Id == "CTR006").GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(
            "The Contracts generator failed on this document (InvalidOperationException: direct emission fault); please report it with the document",
            Assert.Single(emitted.Diagnostics, d => d.Id == "CTR006").GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(emitted.Sources, s => s.HintName == "DirectEmissionFaultClient.JsonContext.g.cs");
        Assert.Contains(emitted.Sources, s => s.HintName == "DirectEmissionFaultClient.Client.g.cs");
    }
}
