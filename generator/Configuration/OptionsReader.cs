using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Contracts.Generator.Helpers;
using Contracts.Generator.Reading.Overlays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Generator.Configuration;

/// <summary>Decides which AdditionalFiles are OpenAPI documents and reads their options.</summary>
internal static class OptionsReader
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <summary>
    /// Returns the input for a spec file, or null for other AdditionalFiles. A marked file is always a spec (so a
    /// mistake in it is reported); an unmarked .yaml/.yml/.json file is one only if it looks like OpenAPI; a file with
    /// <c>OpenApiContract="false"</c> never is (it can still be the target of another spec's <c>$ref</c>).
    /// </summary>
    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.Path);
        var options = provider.GetOptions(file);
        var ns = Get(options, MetadataPrefix + "ContractsNamespace");
        var client = Get(options, MetadataPrefix + "ContractsClientName");
        var visibility = Get(options, MetadataPrefix + "ContractsVisibility");
        var marker = Get(options, MetadataPrefix + "OpenApiContract");
        var overlays = Get(options, MetadataPrefix + "ContractsOverlays");
        var directions = Get(options, MetadataPrefix + "ContractsJsonDirections");
        var generate = Get(options, MetadataPrefix + "ContractsGenerate");
        if (string.Equals(marker, "false", StringComparison.OrdinalIgnoreCase))
        {
            // Explicitly not a contract: a file that other specs only reference (shared components), however it starts.
            return null;
        }

        var isMarked = ns is not null || client is not null || visibility is not null || overlays is not null || generate is not null
            || string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase);
        var isCandidate = isMarked
            || string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase);
        if (!isCandidate)
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        if (!isMarked && !LooksLikeOpenApi(text))
        {
            return null;
        }

        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var selection = OperationSelection.From(name => Get(options, MetadataPrefix + "Contracts" + name));
        var written = SplitList(overlays);
        var input = new SpecInput(file.Path, text, new GeneratorOptions(ns, client, visibility, Blank(rootNamespace), isMarked, selection, written, directions, generate));
        if (written.IsEmpty)
        {
            return input;
        }

        provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        return input with { Overlays = OverlayCollector.Resolve(file.Path, Blank(projectDirectory), written) };
    }

    /// <summary>
    /// A list separated by <c>|</c> (what the package's targets write: in the generated .editorconfig a <c>;</c> starts a
    /// comment and the compiler cuts the value there) or by <c>;</c> (a host that passes options another way, such as the
    /// contracts tool); blanks dropped and each entry trimmed.
    /// </summary>
    private static EquatableArray<string> SplitList(string? value)
    {
        if (value is null)
        {
            return EquatableArray<string>.Empty;
        }

        var items = new List<string>();
        foreach (var part in value.Split(';', '|'))
        {
            if (Blank(part) is { } item)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }

    /// <summary>
    /// The project's <c>ContractsPolyfills</c> property: anything but <c>false</c> lets the generator add the compiler-support
    /// types the compilation lacks; <c>false</c> leaves them to another package that adds them as a generator (PolySharp).
    /// </summary>
    public static bool PolyfillsEnabled(AnalyzerConfigOptions globalOptions) =>
        !(globalOptions.TryGetValue("build_property.ContractsPolyfills", out var value)
          && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>A cheap sniff for a root <c>openapi</c> or <c>swagger</c> member in the first few kilobytes.</summary>
    internal static bool LooksLikeOpenApi(string text)
    {
        var head = text.Length > 4096 ? text.Substring(0, 4096) : text;
        return head.IndexOf("\"openapi\"", StringComparison.Ordinal) >= 0
            || head.IndexOf("\"swagger\"", StringComparison.Ordinal) >= 0
            || StartsLine(head, "openapi:")
            || StartsLine(head, "swagger:")
            || StartsLine(head, "'openapi':")
            || StartsLine(head, "'swagger':");
    }

    private static bool StartsLine(string text, string token)
    {
        var index = text.IndexOf(token, StringComparison.Ordinal);
        while (index >= 0)
        {
            if (index == 0 || text[index - 1] == '\n')
            {
                return true;
            }

            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) ? Blank(value) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
