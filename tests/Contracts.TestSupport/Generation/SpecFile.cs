using System;
using System.Collections.Generic;
using System.IO;

namespace Contracts.TestSupport.Generation;

/// <summary>
/// One OpenAPI document handed to the generator as an AdditionalFiles item, with the item metadata MSBuild would pass.
/// Paths are virtual and fixed (<c>/specs/&lt;file&gt;</c>) so that outputs and diagnostics never depend on the machine.
/// </summary>
/// <param name="Contract">The item's <c>OpenApiContract</c> metadata ("true", "false"), or null to leave it empty.</param>
/// <param name="Visibility">The item's <c>ContractsVisibility</c> metadata ("public", "internal"), or null to leave it empty.</param>
public sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, string? Contract = null, string? Visibility = null)
{
    public const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <summary>A spec written inline in a test.</summary>
    public static SpecFile Inline(string fileName, string text, string? ns = null, string? clientName = null) =>
        new("/specs/" + fileName, text, ns, clientName);

    /// <summary>A spec copied to the test output folder (<c>Specs/…</c>, the seed under <c>Specs/Seed/</c>).</summary>
    public static SpecFile FromOutput(string relativePath, string? ns = null, string? clientName = null)
    {
        var full = System.IO.Path.Combine(AppContext.BaseDirectory, relativePath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException("The spec was not copied to the test output folder.", full);
        }

        return Inline(System.IO.Path.GetFileName(relativePath), File.ReadAllText(full), ns, clientName);
    }

    /// <summary>The seed contract, as the samples and integration tests configure it.</summary>
    public static SpecFile Seed(string ns = "Contracts.Tests.Lightsail") =>
        FromOutput("Specs/Seed/lightsail-bucket-access-keys.yaml", ns, "LightsailClient");

    /// <summary>The item metadata that Contracts.Generator.props makes visible to the compiler.</summary>
    public static readonly string[] VisibleMetadata =
    [
        "ContractsNamespace", "ContractsClientName", "ContractsVisibility", "OpenApiContract",
        "ContractsIncludeTags", "ContractsExcludeTags", "ContractsIncludePaths", "ContractsExcludePaths",
        "ContractsIncludeOperations", "ContractsExcludeOperations", "ContractsIncludeMethods", "ContractsExcludeMethods",
        "ContractsJsonDirections", "ContractsGenerate",
    ];

    /// <summary>Further item metadata, by name without the prefix (<c>ContractsIncludeTags</c>), as MSBuild would pass it.</summary>
    public IReadOnlyDictionary<string, string>? ExtraMetadata { get; init; }

    /// <summary>This spec with the item metadata <paramref name="name"/> (<c>ContractsIncludeTags</c>) set to <paramref name="value"/>.</summary>
    public SpecFile WithMetadata(string name, string value)
    {
        var extra = new Dictionary<string, string>(ExtraMetadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase) { [name] = value };
        return this with { ExtraMetadata = extra };
    }

    /// <summary>
    /// The <c>build_metadata.AdditionalFiles.*</c> entries of this item. MSBuild writes every visible metadata name
    /// for every AdditionalFiles item, with an empty value when the item does not set it; so do we.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata
    {
        get
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in VisibleMetadata)
            {
                metadata[MetadataPrefix + name] = string.Empty;
            }

            if (Namespace is not null)
            {
                metadata[MetadataPrefix + "ContractsNamespace"] = Namespace;
            }

            if (ClientName is not null)
            {
                metadata[MetadataPrefix + "ContractsClientName"] = ClientName;
            }

            if (Contract is not null)
            {
                metadata[MetadataPrefix + "OpenApiContract"] = Contract;
            }

            if (Visibility is not null)
            {
                metadata[MetadataPrefix + "ContractsVisibility"] = Visibility;
            }

            foreach (var pair in ExtraMetadata ?? new Dictionary<string, string>())
            {
                metadata[MetadataPrefix + pair.Key] = pair.Value;
            }

            return metadata;
        }
    }

    public InMemoryAdditionalText ToAdditionalText() => new(Path, Text);

    public SpecFile WithText(string text) => this with { Text = text };
}
