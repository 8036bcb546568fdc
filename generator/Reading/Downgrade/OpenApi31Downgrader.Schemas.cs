using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Downgrade;

internal sealed partial class OpenApi31Downgrader
{
    /// <summary>
    /// Rewrites a schema and everything under it. Subschemas go first, while their pointers are still the original
    /// ones; then the schema's own keywords, which may move subschemas (into oneOf branches, allOf wrappers).
    /// </summary>
    /// <param name="owner">The component name the schema's <c>$defs</c> are named after; null for inline schemas.</param>
    private void WalkSchema(YamlNode node, string pointer, string? owner, int depth)
    {
        if (node is not YamlMappingNode schema || !Enter(node, pointer, depth))
        {
            return;
        }

        if (schema.Take("$defs") is YamlMappingNode definitions)
        {
            HoistDefinitions(definitions, JsonPointer.Append(pointer, "$defs"), owner, depth + 1);
        }

        foreach (var entry in schema.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            switch (entry.Key)
            {
                case "properties" when entry.Value is YamlMappingNode properties:
                    foreach (var property in properties.Entries())
                    {
                        WalkSchema(property.Value, JsonPointer.Append(entryPointer, property.Key), null, depth + 2);
                    }

                    break;
                case "items" or "additionalProperties" or "not":
                    WalkSchema(entry.Value, entryPointer, null, depth + 1);
                    break;
                case "allOf" or "anyOf" or "oneOf" or "prefixItems" when entry.Value is YamlSequenceNode members:
                    for (var i = 0; i < members.Children.Count; i++)
                    {
                        WalkSchema(members.Children[i], JsonPointer.Append(entryPointer, i), null, depth + 2);
                    }

                    break;
            }
        }

        RewriteKeywords(schema, pointer);
    }

    private void HoistDefinitions(YamlMappingNode definitions, string pointer, string? owner, int depth)
    {
        foreach (var entry in definitions.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            var name = _definitions.Hoist(entryPointer, owner, entry.Key, entry.Value);
            WalkSchema(entry.Value, entryPointer, name, depth + 1);
        }
    }
}
