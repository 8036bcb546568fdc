using System;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Downgrade;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Microsoft.OpenApi 1.6 throws (an <see cref="InvalidCastException"/>) on a component that is not an object
/// (<c>schemas: {Pet: ~}</c>, <c>definitions: {Pet: 5}</c>), which cost the whole document a CTR001 at its first line.
/// Only a document the reader refused this way takes this path: a schema that is not an object is read as any JSON
/// value (<c>{}</c>), any other such component is left out, each with CTR005 at it, and the document is read again.
/// </summary>
internal static class MisshapenComponents
{
    private static readonly string[] s_components = ["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks"];

    // Swagger 2.0 keeps its components at the root.
    private static readonly string[] s_swaggerComponents = ["definitions", "parameters", "responses", "securityDefinitions"];

    /// <summary>The repaired text, or null when no component is misshapen (the reader's failure then stands).</summary>
    public static string? Repair(string text, DiagnosticBag diagnostics)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return null;
            }

            root = mapping;
        }
        catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        var repaired = 0;
        if (root.Get("components") is YamlMappingNode components)
        {
            foreach (var kind in s_components)
            {
                repaired += RepairMap(components, kind, JsonPointer.Append(JsonPointer.Root, "components"), kind == "schemas", diagnostics);
            }
        }

        if (root.GetScalar("swagger") is not null)
        {
            foreach (var kind in s_swaggerComponents)
            {
                repaired += RepairMap(root, kind, JsonPointer.Root, kind == "definitions", diagnostics);
            }
        }

        if (repaired == 0)
        {
            return null;
        }

        // The same alias budget as the 3.1 rewrite: written out in full, aliases stay linear in the input.
        var budget = 2L * text.Length + 10_000;
        return FlowYamlWriter.Write(root, text.Length, ref budget, OpenApi31Downgrader.MaxDepth);
    }

    private static int RepairMap(YamlMappingNode owner, string kind, string ownerPointer, bool isSchemas, DiagnosticBag diagnostics)
    {
        if (owner.Get(kind) is not YamlMappingNode map)
        {
            return 0;
        }

        var repaired = 0;
        var mapPointer = JsonPointer.Append(ownerPointer, kind);
        foreach (var entry in map.Entries())
        {
            if (entry.Value is YamlMappingNode)
            {
                continue;
            }

            var pointer = JsonPointer.Append(mapPointer, entry.Key);
            if (isSchemas)
            {
                map.Set(entry.Key, new YamlMappingNode());
                diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer, pointer, "a schema must be an object; it is read as any JSON value");
            }
            else
            {
                map.Take(entry.Key);
                diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer, pointer, "a component must be an object; it is left out");
            }

            repaired++;
        }

        return repaired;
    }
}
