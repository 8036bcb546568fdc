using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// Microsoft.OpenApi 3.x folds a <c>oneOf</c> or <c>anyOf</c> whose members say only their <c>type</c>
/// (<c>oneOf: [{type: integer}, {type: string}]</c>) into one schema with several type flags; 1.6 kept the members, and
/// translation makes a union of them. Each member of such a list is marked before reading (the reader then keeps it as a
/// schema of its own) and unmarked after.
/// </summary>
internal static class UnionMembers
{
    private const string Marker = "x-contracts-union-member";

    /// <summary>Marks the inline members of every <c>oneOf</c> and <c>anyOf</c> in the tree the reader will read.</summary>
    public static void Mark(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    foreach (var entry in mapping)
                    {
                        if (entry.Key is "oneOf" or "anyOf" && entry.Value is JsonArray members)
                        {
                            foreach (var member in members)
                            {
                                if (member is JsonObject schema && !schema.ContainsKey("$ref") && !schema.ContainsKey(Marker))
                                {
                                    schema[Marker] = true;
                                }
                            }
                        }

                        if (entry.Value is not null && !IsLiteralData(entry.Key))
                        {
                            pending.Push(entry.Value);
                        }
                    }

                    break;
                case JsonArray sequence:
                    foreach (var item in sequence)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Takes the mark off a schema the reader read.</summary>
    public static void Unmark(OpenApiSchema schema)
    {
        if (schema.Extensions is { } extensions && extensions.Remove(Marker) && extensions.Count == 0)
        {
            schema.Extensions = null;
        }
    }

    internal static bool IsLiteralData(string key) =>
        key is "example" or "examples" or "default" or "enum" or "const" || (key.StartsWith("x-", StringComparison.Ordinal) && key != Marker);
}
