using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Arguments;
using Contracts.Generator.Configuration;

namespace Contracts.Cli.Generation;

/// <summary>
/// What a build would tell the generator about a spec: the item metadata (<c>ContractsNamespace</c>,
/// <c>ContractsClientName</c>, <c>ContractsVisibility</c>; null means "not set", so the generator's default applies),
/// the project's RootNamespace, and, in place of the project's list of AdditionalFiles, the folders besides the spec's
/// own that its <c>$ref</c>s may read (<see cref="ReferenceFolders"/>, real paths; see <see cref="ReferenceScope"/>), and the
/// overlays to apply (<see cref="Overlays"/>).
/// </summary>
/// <param name="Filters">The operation filters, by metadata name without its <c>Contracts</c> prefix (<c>IncludeTags</c>), each the option's values joined by <c>;</c>; empty when none is given.</param>
/// <param name="Overlays">The <c>--overlay</c> files, full paths in the order given (what a build's <c>Overlays</c> metadata names).</param>
/// <param name="JsonDirections"><c>--json-directions</c>: <c>Used</c> or <c>Both</c> (the <c>JsonDirections</c> metadata); null when not given.</param>
/// <param name="Server">
/// <c>check --server</c>: the server is generated beside the client (<c>Generate="Client;Server"</c>), in a compilation that
/// references ASP.NET Core and Contracts.Runtime.AspNetCore as a server project does.
/// </param>
internal sealed record SpecOptions(
    string? Namespace, string? ClientName, string? Visibility, string RootNamespace, IReadOnlyList<string> ReferenceFolders,
    IReadOnlyDictionary<string, string>? Filters = null, IReadOnlyList<string>? Overlays = null, string? JsonDirections = null,
    bool Server = false)
{
    /// <summary>Each operation filter option and the metadata a build would pass for it (docs/selection.md).</summary>
    public static readonly IReadOnlyList<(string Option, string Metadata)> FilterOptions =
    [
        ("--include-tag", "IncludeTags"), ("--exclude-tag", "ExcludeTags"),
        ("--include-path", "IncludePaths"), ("--exclude-path", "ExcludePaths"),
        ("--include-operation", "IncludeOperations"), ("--exclude-operation", "ExcludeOperations"),
        ("--include-method", "IncludeMethods"), ("--exclude-method", "ExcludeMethods"),
    ];

    /// <summary>Stands in for a project's RootNamespace, which a build always has and a command line does not.</summary>
    public const string DefaultRootNamespace = "Contracts.Generated";

    /// <summary>The options every command that runs the generator accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> Accepted =
    [
        new("--namespace", TakesValue: true),
        new("--client-name", TakesValue: true),
        new("--visibility", TakesValue: true),
        new("--json-directions", TakesValue: true),
        new("--root-namespace", TakesValue: true),
        new("--allow-refs", TakesValue: true, Repeatable: true),
        .. FilterOptions.Select(filter => new OptionSpec(filter.Option, TakesValue: true, Repeatable: true)),
        new("--overlay", TakesValue: true, Repeatable: true),
    ];

    public static SpecOptions From(ParsedArguments arguments, string usage)
    {
        var visibility = arguments.Value("--visibility");
        if (visibility is not null && !OptionWords.IsOneOf(visibility, OptionWords.Visibilities))
        {
            throw new UsageException($"--visibility must be 'public' or 'internal', not '{visibility}'", usage);
        }

        var directions = arguments.Value("--json-directions");
        if (directions is not null && !OptionWords.IsOneOf(directions, OptionWords.JsonDirections))
        {
            throw new UsageException($"--json-directions must be 'Used' or 'Both', not '{directions}'", usage);
        }

        var referenceFolders = new List<string>();
        foreach (var folder in arguments.Values("--allow-refs"))
        {
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--allow-refs needs an existing folder: {folder}", usage);
            }

            referenceFolders.Add(RealPath.Of(folder) ?? throw new UsageException($"--allow-refs: {folder} leads through a loop of symbolic links", usage));
        }

        // Repeated options and commas both separate entries; the generator splits the joined list as it splits a build's.
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, metadata) in FilterOptions)
        {
            if (arguments.Values(option) is { Count: > 0 } values)
            {
                filters[metadata] = string.Join(";", values);
            }
        }

        // Relative to the current directory; each value may list several files separated by commas.
        var overlays = new List<string>();
        foreach (var value in arguments.Values("--overlay"))
        {
            foreach (var overlay in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!File.Exists(overlay))
                {
                    throw new UsageException($"--overlay needs an existing file: {overlay}", usage);
                }

                if (!Generator.Reading.References.ReferencePaths.IsDocumentFile(overlay))
                {
                    throw new UsageException($"--overlay needs a .yaml, .yml or .json file: {overlay}", usage);
                }

                overlays.Add(Path.GetFullPath(overlay));
            }
        }

        return new SpecOptions(
            arguments.Value("--namespace"),
            arguments.Value("--client-name"),
            visibility,
            arguments.Value("--root-namespace") ?? DefaultRootNamespace,
            referenceFolders,
            filters,
            overlays,
            directions);
    }
}
