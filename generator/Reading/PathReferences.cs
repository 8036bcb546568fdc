using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;

namespace Contracts.Generator.Reading;

/// <summary>
/// A <c>$ref</c> into <c>#/paths/…</c> (a parameter reused from another operation) is not a component reference:
/// Microsoft.OpenApi 1.6 reported it as a reference string of invalid format and left the part out; 3.x keeps only its
/// last segment and would report an unresolved reference to <c>0</c>. Such a parameter is reported as 1.6 did (CTR005 at
/// its <c>$ref</c>) and taken out of the tree before it is read; such a schema is read as any JSON value, with 1.6's one
/// "Unknown reference type" for the document. A local <c>$ref</c> whose last segment is empty (a name ending in an
/// unescaped <c>/</c>) makes 3.x throw for the whole document; 1.6 reported it as a reference string of invalid format
/// and looked up the name without the empty segments: so it is here (CTR005 at its <c>$ref</c>, then CTR004 when nothing
/// has that name).
/// </summary>
internal static class PathReferences
{
    public static void Remove(JsonNode root, DiagnosticBag diagnostics)
    {
        var unknownType = false;
        var pending = new Stack<(JsonNode Node, string? Key)>();
        pending.Push((root, null));
        while (pending.Count > 0)
        {
            var (node, key) = pending.Pop();
            switch (node)
            {
                case JsonObject mapping:
                    List<string>? replaced = null;
                    string? trimmed = null;
                    foreach (var entry in mapping)
                    {
                        if (entry.Key == "$ref" && EndsEmpty(entry.Value) is { } pointer)
                        {
                            Report(pointer, diagnostics);
                            trimmed = "#" + pointer.TrimEnd('/');
                        }
                        else if (IntoPaths(entry.Value) is not null)
                        {
                            // A schema (a property, items…): 1.6 read it as an unknown kind of reference, any JSON value.
                            (replaced ??= new List<string>()).Add(entry.Key);
                        }
                        else if (entry.Value is not null && !entry.Key.StartsWith("x-", StringComparison.Ordinal) && entry.Key is not ("example" or "examples" or "default" or "enum"))
                        {
                            pending.Push((entry.Value, entry.Key));
                        }
                    }

                    foreach (var name in replaced ?? new List<string>())
                    {
                        mapping[name] = Unknown();
                        unknownType = true;
                    }

                    if (trimmed is not null)
                    {
                        mapping["$ref"] = trimmed;
                    }

                    break;
                case JsonArray sequence:
                    for (var i = sequence.Count - 1; i >= 0; i--)
                    {
                        if (IntoPaths(sequence[i]) is { } target)
                        {
                            if (key == "parameters")
                            {
                                // A parameter reused from another operation: reported at its $ref and left out, as 1.6 did.
                                Report(target, diagnostics);
                                sequence.RemoveAt(i);
                            }
                            else
                            {
                                sequence[i] = Unknown();
                                unknownType = true;
                            }
                        }
                        else if (sequence[i] is { } item)
                        {
                            pending.Push((item, null));
                        }
                    }

                    break;
            }
        }

        if (unknownType)
        {
            diagnostics.Add(DiagnosticDescriptors.DocumentProblem, null, "the document", "Unknown reference type 'paths'");
        }
    }

    /// <summary>Marks a schema 1.6 could not resolve; <see cref="ReferenceResolution"/> leaves a null in its place, as 1.6 did.</summary>
    internal const string UnknownMarker = "x-contracts-unknown-reference";

    private static JsonObject Unknown() => new() { [UnknownMarker] = true };

    /// <summary>The pointer of <c>{$ref: '#/paths/…'}</c>, without its <c>#</c>; null for anything else.</summary>
    private static string? IntoPaths(JsonNode? node) =>
        node is JsonObject reference && reference.TryGetPropertyValue("$ref", out var value) && value is JsonValue text
        && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { } pointer && pointer.StartsWith("#/paths/", StringComparison.Ordinal)
            ? pointer.Substring(1)
            : null;

    /// <summary>The pointer of a local <c>$ref</c> value ending in <c>/</c>, without its <c>#</c>; null for anything else.</summary>
    private static string? EndsEmpty(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { } pointer
        && pointer.StartsWith("#/", StringComparison.Ordinal) && pointer.EndsWith("/", StringComparison.Ordinal)
            ? pointer.Substring(1)
            : null;

    private static void Report(string target, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticDescriptors.DocumentProblem, SourceLocator.ReferencePrefix + "#" + target, "the document", "The reference string '" + target + "' has invalid format.");
}
