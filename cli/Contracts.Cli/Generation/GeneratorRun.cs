using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Generation;

/// <summary>What the generator produced for one spec.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Sources">Generated sources, ordered by hint name.</param>
/// <param name="Diagnostics">The generator's diagnostics, then any other the driver reported (such as CS8785 when the generator threw).</param>
/// <param name="Exception">The exception the generator threw, if it did.</param>
/// <param name="Output">The compilation with the generated sources added.</param>
internal sealed record GeneratorRun(
    SpecFile Spec,
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Diagnostic> Diagnostics,
    Exception? Exception,
    Compilation Output)
{
    /// <summary>The generator left the file alone: an unmarked file that does not look like OpenAPI.</summary>
    public bool Ignored => Sources.IsEmpty && Diagnostics.IsEmpty && Exception is null;

    public bool HasErrors => Exception is not null || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasWarnings => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>What <c>generate</c> writes and prints for one spec.</summary>
/// <param name="Sources">Generated sources, ordered by hint name.</param>
/// <param name="Diagnostics">The generator's diagnostics, in the order a build reports them.</param>
internal sealed record GeneratedOutput(IReadOnlyList<(string HintName, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
