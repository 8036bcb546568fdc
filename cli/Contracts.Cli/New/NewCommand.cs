using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Contracts.Cli.Arguments;

namespace Contracts.Cli.New;

/// <summary>
/// <c>contracts new library &lt;name&gt;</c>: writes the project file of a contract class library, the one
/// <c>dotnet new contracts-lib</c> creates (docs/contract-library.md).
/// </summary>
internal static class NewCommand
{
    private static readonly OptionSpec[] Options =
    [
        new("--spec", TakesValue: true),
        new("--namespace", TakesValue: true),
        new("--client-name", TakesValue: true),
        new("--framework", TakesValue: true, Alias: "-f"),
        new("--output", TakesValue: true, Alias: "-o"),
        new("--package-version", TakesValue: true),
    ];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = ParsedArguments.Parse(args, Options, Usage.New);
        if (arguments.HelpRequested)
        {
            stdout.Write(Usage.New);
            return ExitCodes.Success;
        }

        if (arguments.Positionals.Count == 0 || arguments.Positionals[0] != "library")
        {
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing what to create: library" : $"unknown kind '{arguments.Positionals[0]}': contracts new creates a library", Usage.New);
        }

        if (arguments.Positionals.Count != 2)
        {
            throw new UsageException(arguments.Positionals.Count == 1 ? "missing <name>" : "new library takes one <name>", Usage.New);
        }

        var name = arguments.Positionals[1];
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
        {
            throw new UsageException($"<name> must be usable as a file name: {name}", Usage.New);
        }

        var framework = arguments.Value("--framework") ?? ContractLibraryProject.Frameworks[0];
        if (!ContractLibraryProject.Frameworks.Contains(framework))
        {
            throw new UsageException($"--framework must be one of {string.Join(", ", ContractLibraryProject.Frameworks)}, not '{framework}'", Usage.New);
        }

        var folder = arguments.Value("--output") ?? name;
        var projectFile = Path.Combine(folder, name + ".csproj");
        if (File.Exists(projectFile))
        {
            stderr.WriteLine($"error: {projectFile} exists; nothing was written");
            return ExitCodes.SpecFailed;
        }

        var text = ContractLibraryProject.Text(
            name,
            arguments.Value("--spec") ?? ContractLibraryProject.DefaultSpec,
            arguments.Value("--namespace"),
            arguments.Value("--client-name"),
            framework,
            arguments.Value("--package-version") ?? OwnPackageVersion());
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(projectFile, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {projectFile}: {error.Message}");
            return ExitCodes.SpecFailed;
        }

        stdout.WriteLine("wrote " + projectFile);
        return ExitCodes.Success;
    }

    /// <summary>The version this tool was built as, which the packages of the same build carry (build metadata dropped).</summary>
    private static string OwnPackageVersion()
    {
        var version = typeof(NewCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(NewCommand).Assembly.GetName().Version?.ToString(3)
            ?? "0.1.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
