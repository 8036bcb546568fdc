using System;
using System.Collections.Generic;
using Contracts.Cli.Arguments;

namespace Contracts.Cli.Generation;

/// <summary>
/// What a build would tell the generator about a spec: the item metadata (<c>ContractsNamespace</c>,
/// <c>ContractsClientName</c>, <c>ContractsVisibility</c>; null means "not set", so the generator's default applies)
/// and the project's RootNamespace.
/// </summary>
internal sealed record SpecOptions(string? Namespace, string? ClientName, string? Visibility, string RootNamespace)
{
    /// <summary>Stands in for a project's RootNamespace, which a build always has and a command line does not.</summary>
    public const string DefaultRootNamespace = "Contracts.Generated";

    /// <summary>The options every command that runs the generator accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> Accepted =
    [
        new("--namespace", TakesValue: true),
        new("--client-name", TakesValue: true),
        new("--visibility", TakesValue: true),
        new("--root-namespace", TakesValue: true),
    ];

    public static SpecOptions From(ParsedArguments arguments, string usage)
    {
        var visibility = arguments.Value("--visibility");
        if (visibility is not null
            && !string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--visibility must be 'public' or 'internal', not '{visibility}'", usage);
        }

        return new SpecOptions(
            arguments.Value("--namespace"),
            arguments.Value("--client-name"),
            visibility,
            arguments.Value("--root-namespace") ?? DefaultRootNamespace);
    }
}
