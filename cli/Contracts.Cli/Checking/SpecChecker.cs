using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Generation;
using Contracts.Cli.Output;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Checking;

/// <summary>Checks one spec: runs the generator, optionally compiles its output, and classifies the result. Never throws.</summary>
internal static class SpecChecker
{
    public static SpecReport Check(SpecFile spec, SpecOptions options, bool compile)
    {
        try
        {
            return Classify(SpecGenerator.Run(spec, options), compile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failure(spec.Path, "cannot read the file: " + DiagnosticLine.OneLine(error.Message));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A crash while checking one spec (in Roslyn, say) must cost that spec, not the whole run.
            return Failure(spec.Path, $"the check itself failed with {error.GetType().Name}: {DiagnosticLine.OneLine(error.Message)}");
        }
    }

    /// <summary>The verdict, lines and row for a finished generator run (compiling its output when asked).</summary>
    internal static SpecReport Classify(GeneratorRun run, bool compile)
    {
        var path = run.Spec.Path;
        if (run.Ignored)
        {
            return new SpecReport(path, SpecVerdict.Clean, [], string.Empty, Skipped: true);
        }

        var shown = run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        var lines = shown.Select(d => DiagnosticLine.Format(d, path)).ToList();
        var generatorErrors = shown.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatorWarnings = shown.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

        if (run.Exception is { } exception)
        {
            var reason = $"the generator threw {exception.GetType().Name}: {DiagnosticLine.OneLine(exception.Message)}";
            return new SpecReport(path, SpecVerdict.GeneratorError, lines, RowFormatter.GeneratorFailure(path, reason));
        }

        if (generatorErrors.Count > 0)
        {
            var first = DiagnosticLine.FormatInSameFile(generatorErrors[0]);
            return new SpecReport(path, SpecVerdict.GeneratorError, lines, RowFormatter.GeneratorErrors(path, generatorErrors, first));
        }

        IReadOnlyCollection<Diagnostic> compileWarnings = [];
        if (compile)
        {
            var result = CompileResult.Of(run.Output);
            if (result.Errors.Length > 0)
            {
                var first = DiagnosticLine.Format(result.Errors[0], path, fileNameOnly: true);
                return new SpecReport(path, SpecVerdict.CompileFailed, lines, RowFormatter.CompileFailed(path, result.Errors, first));
            }

            compileWarnings = result.Warnings;
        }

        var files = run.Sources.Length;
        return generatorWarnings.Count > 0 || compileWarnings.Count > 0
            ? new SpecReport(path, SpecVerdict.Warnings, lines, RowFormatter.Warnings(path, files, generatorWarnings, compileWarnings))
            : new SpecReport(path, SpecVerdict.Clean, lines, RowFormatter.Clean(path, files));
    }

    private static SpecReport Failure(string path, string reason) =>
        new(path, SpecVerdict.GeneratorError, [], RowFormatter.GeneratorFailure(path, reason));
}
