using System;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Microsoft.OpenApi 1.6 throws (an <see cref="InvalidCastException"/>) on a component that is not an object
/// (<c>schemas: {Pet: ~}</c>, <c>definitions: {Pet: 5}</c>), which cost the whole document a CTR001 at its first line.
/// Microsoft.OpenApi 3.x drops it without a word. A schema that is not an object is read as any JSON
/// value (<c>{}</c>), any other such component is left out, each with CTR005 at it, on the tree before it is read.
/// </summary>
internal static class MisshapenComponents
{
    private static readonly string[] s_components = ["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks"];

    // Swagger 2.0 keeps its components at the root.
    private static readonly string[] s_swaggerComponents = ["definitions", "parameters", "responses", "securityDefinitions"];

    /// <summary>
    /// Repairs the tree in place, before it is read: a schema that is not an object becomes <c>{}</c>, any other such
    /// component is taken out, each reported. Returns how many were repaired. (3.x drops such a component silently, so
    /// a reference to it would read as unresolved.)
    /// </summary>
    public static int Repair(YamlNode tree, DiagnosticBag diagnostics)
    {
        if (tree is not YamlMappingNode root)
        {
            return 0;
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

        return repaired;
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
