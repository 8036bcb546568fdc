using System;
using System.IO;
using System.Linq;
using Contracts.Cli.Arguments;
using Contracts.Cli.Checking;
using Contracts.Cli.Generation;
using Contracts.Cli.New;

namespace Contracts.Cli;

/// <summary>Dispatches <c>contracts &lt;command&gt;</c>; the one place that turns bad arguments into exit code 2.</summary>
public static class CliApp
{
    /// <summary>Runs the tool as <c>contracts args…</c> would and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args.Length == 0)
        {
            stderr.Write(Usage.Main);
            return ExitCodes.Usage;
        }

        var command = args[0];
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (command)
            {
                case "-h" or "--help" or "help":
                    stdout.Write(Usage.Main);
                    return ExitCodes.Success;
                case "--version":
                    stdout.WriteLine(typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                    return ExitCodes.Success;
                case "generate":
                    return GenerateCommand.Run(rest, stdout, stderr);
                case "check":
                    return CheckCommand.Run(rest, stdout, stderr);
                case "new":
                    return NewCommand.Run(rest, stdout, stderr);
                default:
                    throw new UsageException($"unknown command '{command}'", Usage.Main);
            }
        }
        catch (UsageException error)
        {
            stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine();
            stderr.Write(error.UsageText);
            return ExitCodes.Usage;
        }
    }
}
