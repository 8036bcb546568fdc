using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// Swagger 2.0's <c>type: file</c> (a response or form field that is a file): Microsoft.OpenApi 3.x reads it as
/// <c>string</c>; 1.6 kept <c>file</c>, and translation tells a file from a string by it (a stream, or any JSON in a
/// JSON body). Each such schema of a 2.0 document is marked before reading; <see cref="IsFile"/> reads the mark.
/// </summary>
internal static class FileTypes
{
    private const string Marker = "x-contracts-file";

    /// <summary>Marks every schema of a Swagger 2.0 tree whose <c>type</c> is <c>file</c>.</summary>
    public static void Mark(JsonNode root)
    {
        if (root is not JsonObject document || !document.ContainsKey("swagger"))
        {
            return;
        }

        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    var isFile = false;
                    foreach (var entry in mapping)
                    {
                        if (entry.Key == "type" && entry.Value is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "file")
                        {
                            isFile = true;
                        }
                        else if (entry.Value is not null && !UnionMembers.IsLiteralData(entry.Key))
                        {
                            pending.Push(entry.Value);
                        }
                    }

                    if (isFile && !mapping.ContainsKey(Marker))
                    {
                        mapping[Marker] = true;
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

    /// <summary>The schema said <c>type: file</c> (see <see cref="Mark"/>).</summary>
    public static bool IsFile(IOpenApiSchema schema) => schema.Extensions?.ContainsKey(Marker) == true;
}
