using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Contracts.Cli.Arguments;
using Contracts.Cli.Generation;
using Contracts.Cli.Output;

namespace Contracts.Cli.Checking;

/// <summary>
/// <c>contracts check &lt;spec-or-folder&gt;… [--compile] [--server]</c>. Stdout: every spec's diagnostics in input order; with
/// --compile, then one row per spec; then the summary line. Stderr: skipped files, progress and timing.
/// </summary>
internal static class CheckCommand
{
    private static readonly IReadOnlyList<OptionSpec> Options = [new("--compile", TakesValue: false), new("--server", TakesValue: false), .. SpecOptions.Accepted];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = ParsedArguments.Parse(args, Options, Usage.Check);
        if (arguments.HelpRequested)
        {
            stdout.Write(Usage.Check);
            return ExitCodes.Success;
        }

        if (arguments.Positionals.Count == 0)
        {
            throw new UsageException("missing <spec-or-folder>", Usage.Check);
        }

        var options = SpecOptions.From(arguments, Usage.Check) with { Server = arguments.Has("--server") };
        var compile = arguments.Has("--compile");
        var specs = SpecDiscovery.Expand(arguments.Positionals, Usage.Check);
        if (specs.Count == 0)
        {
            throw new UsageException("no .yaml, .yml or .json file found in " + string.Join(", ", arguments.Positionals), Usage.Check);
        }

        if (options.Server)
        {
            try
            {
                CompilerSetup.EnsureServerReferences();
            }
            catch (FrameworkNotFoundException error)
            {
                // Not a spec's fault and not a crash: no spec can be checked, as with bad arguments.
                stderr.WriteLine("error: " + error.Message);
                return ExitCodes.Usage;
            }
        }

        var clock = Stopwatch.StartNew();
        var progress = new ProgressReporter(stderr, specs.Count);
        var reports = ParallelChecker.CheckAll(
            specs,
            spec => SpecChecker.Check(spec, options, compile),
            inOrder: report => Print(report, stdout, stderr),
            finished: report => progress.Finished(report.Path));

        var counted = reports.Where(r => !r.Skipped).ToList();
        if (compile)
        {
            foreach (var report in counted)
            {
                stdout.WriteLine(report.Row);
            }
        }

        var summary = new CheckSummary(counted);
        stdout.WriteLine(compile ? summary.CompiledLine() : summary.GeneratedLine());
        if (specs.Count > ProgressReporter.Threshold)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked {specs.Count} files in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        return summary.Succeeded ? ExitCodes.Success : ExitCodes.SpecFailed;
    }

    private static void Print(SpecReport report, TextWriter stdout, TextWriter stderr)
    {
        if (report.Skipped)
        {
            stderr.WriteLine($"skipped {report.Path}: not an OpenAPI document");
            return;
        }

        foreach (var line in report.DiagnosticLines)
        {
            stdout.WriteLine(line);
        }
    }
}
