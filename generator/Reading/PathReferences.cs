using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;

namespace Contracts.Generator.Reading;

/// <summary>
/// A local <c>$ref</c> that is not <c>#/components/{kind}/{name}</c> (into <c>#/paths/…</c>, a parameter reused from
/// another operation, or deeper than a component, <c>#/components/responses/X/content/…/schema/properties/p</c>) is not a
/// component reference: Microsoft.OpenApi 1.6 reported it as a reference string of invalid format and left the part out
/// or read the schema as any JSON value; 3.x keeps only its last segment and would report an unresolved reference to
/// <c>0</c> or <c>instance</c>, an error. So such a <c>$ref</c> is reported as 1.6 did (CTR005 at the <c>$ref</c>, once per
/// target), a parameter or response is taken out of the tree before it is read, and a schema is read as any JSON value.
/// (A Swagger 2.0 document's schema into <c>#/paths/…</c> gets 1.6's one "Unknown reference type" for the document
/// instead.) 1.6 also reported each again at the object that held it ("Referenced Path mismatch", "Referenced type
/// mismatch"): the same fact a second time, not brought back. A local <c>$ref</c> whose last segment is empty (a name
/// ending in an unescaped <c>/</c>) makes 3.x throw for the whole document; 1.6 reported it as a reference string of
/// invalid format and looked up the name without the empty segments: so it is here (CTR005 at its <c>$ref</c>, then
/// CTR004 when nothing has that name).
/// </summary>
internal static class PathReferences
{
    public static void Remove(JsonNode root, DiagnosticBag diagnostics)
    {
        var swagger2 = root is JsonObject document && document.ContainsKey("swagger");
        var unknownType = false;
        var pending = new Stack<(JsonNode Node, string? Key, string? ParentKey)>();
        pending.Push((root, null, null));
        while (pending.Count > 0)
        {
            var (node, key, parentKey) = pending.Pop();
            switch (node)
            {
                case JsonObject mapping:
                    List<string>? replaced = null;
                    List<string>? removed = null;
                    string? trimmed = null;
                    foreach (var entry in mapping)
                    {
                        if (entry.Key.StartsWith("x-", StringComparison.Ordinal) || entry.Key is "example" or "examples" or "default" or "enum")
                        {
                            // Values, not parts of the description: a {$ref: …} in an example is the example's text.
                            continue;
                        }

                        if (entry.Key == "$ref" && EndsEmpty(entry.Value) is { } pointer)
                        {
                            Report(pointer, diagnostics);
                            trimmed = "#" + pointer.TrimEnd('/');
                        }
                        else if (Unreadable(entry.Value) is { } target)
                        {
                            if (swagger2 && IsPathPointer(target))
                            {
                                // A schema (a property, items…): 1.6's 2.0 reader read it as an unknown kind of reference, any JSON value.
                                unknownType = true;
                                (replaced ??= new List<string>()).Add(entry.Key);
                            }
                            else
                            {
                                Report(target, diagnostics);
                                if (entry.Key == "requestBody" || (key is "responses" or "headers" or "links" or "callbacks" && parentKey != "properties"))
                                {
                                    // A part that is not a schema: 1.6 left out what it could not resolve.
                                    (removed ??= new List<string>()).Add(entry.Key);
                                }
                                else
                                {
                                    (replaced ??= new List<string>()).Add(entry.Key);
                                }
                            }
                        }
                        else if (entry.Value is not null)
                        {
                            pending.Push((entry.Value, entry.Key, key));
                        }
                    }

                    foreach (var name in replaced ?? new List<string>())
                    {
                        mapping[name] = Unknown();
                    }

                    foreach (var name in removed ?? new List<string>())
                    {
                        mapping.Remove(name);
                    }

                    if (trimmed is not null)
                    {
                        mapping["$ref"] = trimmed;
                    }

                    break;
                case JsonArray sequence:
                    for (var i = sequence.Count - 1; i >= 0; i--)
                    {
                        if (Unreadable(sequence[i]) is { } target)
                        {
                            if (key == "parameters")
                            {
                                // A parameter reused from another operation: reported at its $ref and left out, as 1.6 did.
                                Report(target, diagnostics);
                                sequence.RemoveAt(i);
                            }
                            else
                            {
                                if (swagger2 && IsPathPointer(target))
                                {
                                    unknownType = true;
                                }
                                else
                                {
                                    Report(target, diagnostics);
                                }

                                sequence[i] = Unknown();
                            }
                        }
                        else if (sequence[i] is { } item)
                        {
                            pending.Push((item, null, key));
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

    /// <summary>
    /// The pointer (without its <c>#</c>, %-escapes decoded as 1.6 named it) of <c>{$ref: '#/…'}</c> where 1.6 read only
    /// <c>#/components/{kind}/{name}</c>: into <c>#/paths/…</c>, or deeper than a component; null for anything else.
    /// </summary>
    private static string? Unreadable(JsonNode? node) =>
        node is JsonObject reference && reference.TryGetPropertyValue("$ref", out var value) && value is JsonValue text
        && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { } pointer
        && (pointer.StartsWith("#/paths/", StringComparison.Ordinal) || IsDeepComponentPointer(pointer))
            ? Decode(pointer.Substring(1))
            : null;

    private static bool IsPathPointer(string pointer) => pointer.StartsWith("/paths/", StringComparison.Ordinal);

    /// <summary><c>#/components/{kind}/{name}/…</c>: more than the four segments 1.6 accepted (a trailing <c>/</c> is <see cref="EndsEmpty"/>'s).</summary>
    private static bool IsDeepComponentPointer(string pointer)
    {
        if (!pointer.StartsWith("#/components/", StringComparison.Ordinal) || pointer.EndsWith("/", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = 0;
        foreach (var character in pointer)
        {
            if (character == '/')
            {
                segments++;
            }
        }

        return segments > 3;
    }

    private static string Decode(string pointer)
    {
        try
        {
            return Uri.UnescapeDataString(pointer);
        }
        catch (UriFormatException)
        {
            return pointer;
        }
    }

    /// <summary>The pointer of a local <c>$ref</c> value ending in <c>/</c>, without its <c>#</c>; null for anything else.</summary>
    private static string? EndsEmpty(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { } pointer
        && pointer.StartsWith("#/", StringComparison.Ordinal) && pointer.EndsWith("/", StringComparison.Ordinal)
            ? pointer.Substring(1)
            : null;

    private static void Report(string target, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticDescriptors.DocumentProblem, SourceLocator.ReferencePrefix + "#" + target, "the document", "The reference string '" + target + "' has invalid format.");
}
