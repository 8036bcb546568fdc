using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Contracts.Cli.Arguments;
using Contracts.Cli.Output;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Generation;

/// <summary><c>contracts generate &lt;spec&gt; -o &lt;dir&gt;</c>: the analyzer's output, written to disk.</summary>
internal static class GenerateCommand
{
    private static readonly IReadOnlyList<OptionSpec> Options =
        [new("--output", TakesValue: true, Alias: "-o"), .. SpecOptions.Accepted];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var timed = TimedGeneration.Requested;
        if (timed)
        {
            TimedGeneration.Start();
        }

        var arguments = ParsedArguments.Parse(args, Options, Usage.Generate);
        if (arguments.HelpRequested)
        {
            stdout.Write(Usage.Generate);
            return ExitCodes.Success;
        }

        if (arguments.Positionals.Count != 1)
        {
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing <spec>" : "generate takes one <spec>", Usage.Generate);
        }

        var output = arguments.Value("--output") ?? throw new UsageException("missing -o <dir>", Usage.Generate);
        var specPath = arguments.Positionals[0];
        if (!File.Exists(specPath))
        {
            throw new UsageException(Directory.Exists(specPath) ? $"<spec> must be a file, not a folder: {specPath}" : $"no such file: {specPath}", Usage.Generate);
        }

        var options = SpecOptions.From(arguments, Usage.Generate);
        GeneratedOutput run;
        try
        {
            run = timed ? TimedGeneration.Generate(new SpecFile(specPath, IsNamed: true), options) : SpecGenerator.Generate(new SpecFile(specPath, IsNamed: true), options);
        }
        catch (IOException error)
        {
            stderr.WriteLine($"error: cannot read {specPath}: {error.Message}");
            return ExitCodes.SpecFailed;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The generator reports a document's problems as diagnostics; anything thrown is a bug of ours.
            stderr.WriteLine($"error: the generator threw {error.GetType().Name}: {DiagnosticLine.OneLine(error.Message)}");
            return ExitCodes.SpecFailed;
        }

        foreach (var diagnostic in run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden))
        {
            stdout.WriteLine(DiagnosticLine.Format(diagnostic, specPath));
        }

        try
        {
            var deleted = GeneratedFileWriter.Write(output, run.Sources);
            foreach (var name in deleted)
            {
                stdout.WriteLine("deleted stale " + Path.Combine(output, name));
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write to {output}: {error.Message}");
            return ExitCodes.SpecFailed;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {run.Sources.Count} files to {output}"));
        if (timed)
        {
            TimedGeneration.Lap("write");
            stderr.WriteLine(TimedGeneration.Report());
        }

        return run.HasErrors ? ExitCodes.SpecFailed : ExitCodes.Success;
    }
}
