using System;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Cli.Checking;

/// <summary>The compiler's errors and warnings for a spec's generated code.</summary>
internal sealed record CompileResult(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>
    /// Compiles <paramref name="output"/> (the generator's output compilation) as far as diagnostics go; nothing is emitted.
    /// Generated files turn nullable warnings off for a user's build (<see cref="FileHeader.NullableWarningsOff"/>); the
    /// check turns them back on, so that it still holds the generated code to zero nullable warnings.
    /// </summary>
    public static CompileResult Of(Compilation output)
    {
        var checkedOutput = output;
        foreach (var tree in output.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            if (text.Contains(FileHeader.NullableWarningsOff, StringComparison.Ordinal))
            {
                checkedOutput = checkedOutput.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
                    text.Replace(FileHeader.NullableWarningsOff, "#nullable enable warnings", StringComparison.Ordinal), (CSharpParseOptions)tree.Options, tree.FilePath, tree.Encoding));
            }
        }

        var diagnostics = checkedOutput.GetDiagnostics();
        return new CompileResult(
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray());
    }
}
