using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Reads a document with Microsoft.OpenApi 3.x on one tree: SharpYaml parses the text once (JSON is YAML too), the tree
/// is checked against <see cref="Limits"/> and kept (its positions locate diagnostics, <see cref="DocumentFacts"/> reads
/// what the model drops), and <see cref="TreeToJson"/> (a tree with anchors: <see cref="YamlConverter"/>) turns it into the
/// <see cref="JsonNode"/> the reader reads.
/// The reader's own YAML entry point parses again and keeps no positions; this one needs no reflection either.
/// </summary>
internal static class OpenApiTextReader
{
    /// <summary>The base every local reference resolves against: a generator reads no other file (the bundler brought them in).</summary>
    private static readonly Uri s_base = new("file:///spec");

    /// <summary>
    /// Reads <paramref name="text"/>. A YAML error or a crossed limit is an error in <paramref name="diagnostic"/> (the
    /// position in the message, <c>#line=</c> in the pointer, as the 1.6 reader gave them) with a null document;
    /// otherwise <paramref name="tree"/> is the tree the document was read from. With <paramref name="diagnostics"/>, components
    /// that are not objects are repaired on the tree first and reported there (<see cref="MisshapenComponents"/>). An
    /// OpenAPI 3.1 document's schemas are given the form translation reads on the converted tree (<see cref="OpenApi31Schemas"/>),
    /// which tells <paramref name="facts"/> where the parts it moved are in the file.
    /// </summary>
    public static OpenApiDocument? Read(string text, out OpenApiDiagnostic diagnostic, out YamlNode? tree, DiagnosticBag? diagnostics = null) =>
        Read(text, out diagnostic, out tree, out _, diagnostics);

    /// <summary>
    /// As above; <paramref name="repaired"/> tells that components were repaired on <paramref name="tree"/>, whose
    /// repaired nodes then have no position in the file (diagnostics are located on the file's own tree instead).
    /// </summary>
    public static OpenApiDocument? Read(string text, out OpenApiDiagnostic diagnostic, out YamlNode? tree, out bool repaired, DiagnosticBag? diagnostics = null, DocumentFacts? facts = null)
    {
        tree = null;
        repaired = false;
        if (Encoding.UTF8.GetByteCount(text) > Limits.MaxInputBytes)
        {
            diagnostic = Failed("#line=0", "The document exceeds the maximum supported size of "
                + Limits.MaxInputBytes.ToString(CultureInfo.InvariantCulture) + " bytes.");
            return null;
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not { } first)
            {
                diagnostic = Failed("#line=0", "No documents found in the YAML stream.");
                return null;
            }

            root = first;
        }
        catch (YamlException exception)
        {
            // SharpYaml's own nesting limit (64, Limits.MaxYamlDepth) is a limit, not a syntax error; 1.6 reported it at the
            // start of the document, without the parser's position.
            if (exception.Message.IndexOf("maximum nesting depth", StringComparison.Ordinal) >= 0)
            {
                diagnostic = Failed("#line=0", "The document exceeds the maximum supported nesting depth of "
                    + Limits.MaxYamlDepth.ToString(CultureInfo.InvariantCulture) + " levels.");
                return null;
            }

            diagnostic = Failed("#line=" + exception.Start.Line.ToString(CultureInfo.InvariantCulture), exception.Message);
            return null;
        }

        // A document that is not a mapping (a list, a scalar) has no version member: 1.6 said so (CTR002).
        if (root is not YamlMappingNode)
        {
            diagnostic = Failed("#line=0", "Version node not found.");
            return null;
        }

        // Almost every document converts in one walk that checks the limits too; the rest take the library's converter
        // after the limits walk, which report what they find as they always did.
        var json = TreeToJson.TryConvert(root);
        if (json is null && CheckLimits(root) is { } limit)
        {
            diagnostic = Failed("#line=" + limit.Line.ToString(CultureInfo.InvariantCulture), limit.Message);
            tree = root;
            return null;
        }

        if (diagnostics is not null)
        {
            repaired = MisshapenComponents.Repair(root, diagnostics) > 0;
        }

        if (json is null || repaired)
        {
            try
            {
                json = root.ToJsonNode();
            }
            catch (Exception exception) when (exception is OpenApiException or InvalidOperationException or ArgumentException)
            {
                // The converter's budget: aliases that expand past Limits.MaxAliasExpansionNodes (its defaults are ours).
                diagnostic = Failed("#line=0", "The document's YAML aliases exceed the maximum supported expansion: " + exception.Message);
                return null;
            }
        }

        tree = root;
        if (json is JsonObject document && OpenApi31Schemas.IsOpenApi31(json))
        {
            OpenApi31Schemas.Rewrite(document, diagnostics ?? new DiagnosticBag(), facts);
        }

        if (diagnostics is not null)
        {
            PathReferences.Remove(json, diagnostics);
        }

        UnionMembers.Mark(json);
        FileTypes.Mark(json);
        if (IsOpenApi30(json) && NullableKeywords.Mark(json) is { } problem)
        {
            diagnostic = Failed("#line=0", problem);
            return null;
        }

        var result = OpenApiYamlReader.Read(json, s_base, Settings());
        diagnostic = result.Diagnostic ?? new OpenApiDiagnostic();
        if (result.Document is { } read && diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0)
        {
            // The reader's 2.0 flows pass through static fields that a parallel reading can overwrite.
            SwaggerOAuthFlows.Restore(json, read);
        }

        return result.Document;
    }

    /// <summary>True when the tree's <c>openapi</c> member says 3.1.</summary>
    public static bool IsOpenApi31(YamlNode? tree) =>
        tree is YamlMappingNode root && root.GetScalar("openapi") is { } version && version.StartsWith("3.1", StringComparison.Ordinal);

    private static bool IsOpenApi30(JsonNode json) =>
        json is JsonObject root && root.TryGetPropertyValue("openapi", out var version) && version is JsonValue value
        && value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().StartsWith("3.0", StringComparison.Ordinal);

    /// <summary>Local references only: the generator does no I/O.</summary>
    internal static OpenApiReaderSettings Settings() => new() { LoadExternalRefs = false };

    private static OpenApiDiagnostic Failed(string pointer, string message)
    {
        var diagnostic = new OpenApiDiagnostic();
        diagnostic.Errors.Add(new OpenApiError(pointer, message));
        return diagnostic;
    }

    /// <summary>
    /// The first limit the tree crosses (nodes, scalar length), with the position the 1.6 reader gave in its message;
    /// null when none. Each node once: aliases share nodes, and their expansion is the converter's to bound.
    /// </summary>
    private static (int Line, string Message)? CheckLimits(YamlNode root)
    {
        var visited = new HashSet<YamlNode>(NodeIdentity.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        long nodes = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (++nodes > Limits.MaxYamlNodes)
            {
                return (node.Start.Line, Positioned(node, "The document exceeds the maximum supported number of "
                    + Limits.MaxYamlNodes.ToString(CultureInfo.InvariantCulture) + " YAML nodes."));
            }

            switch (node)
            {
                case YamlScalarNode { Value: { Length: > Limits.MaxScalarLength } }:
                    return (node.Start.Line, Positioned(node, "The YAML scalar exceeds the maximum supported length of "
                        + Limits.MaxScalarLength.ToString(CultureInfo.InvariantCulture) + " characters."));
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        pending.Push(entry.Value);
                        pending.Push(entry.Key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The message with the node's position in front, as SharpYaml words its errors (<see cref="SpecReader"/> reads it back).</summary>
    private static string Positioned(YamlNode node, string message) =>
        string.Format(CultureInfo.InvariantCulture, "(Lin: {0}, Col: {1}, Chr: {2}) - (Lin: {0}, Col: {1}, Chr: {2}): {3}", node.Start.Line, node.Start.Column, node.Start.Index, message);
}
