using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Checking;

/// <summary>The compiler's errors and warnings for a spec's generated code.</summary>
internal sealed record CompileResult(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>Compiles <paramref name="output"/> (the generator's output compilation) as far as diagnostics go; nothing is emitted.</summary>
    public static CompileResult Of(Compilation output)
    {
        var diagnostics = output.GetDiagnostics();
        return new CompileResult(
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray());
    }
}
