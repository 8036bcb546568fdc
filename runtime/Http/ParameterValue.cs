using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>
/// A parameter value reduced to text before a style spells it: one scalar, a list of scalars, or an object's
/// members in order. Objects are read through their generated JSON metadata, so no reflection is involved.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ParameterValue
{
    private ParameterValue(string? scalar, IReadOnlyList<string>? items, IReadOnlyList<KeyValuePair<string, string>>? members)
    {
        Scalar = scalar;
        Items = items;
        Members = members;
    }

    /// <summary>The text of a scalar value; null for lists and objects.</summary>
    internal string? Scalar { get; }

    /// <summary>The items of a list; null otherwise.</summary>
    internal IReadOnlyList<string>? Items { get; }

    /// <summary>The members of an object (name, text); null otherwise.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>>? Members { get; }

    /// <summary>A scalar already formatted (invariant culture).</summary>
    public static ParameterValue Of(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), null, null);

    /// <summary>A list of formatted items.</summary>
    public static ParameterValue List(IEnumerable<string> items) => new(null, new List<string>(items), null);

    /// <summary>An object or map, serialized with its generated metadata; members that are null are left out.</summary>
    public static ParameterValue Object<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var document = JsonSerializer.SerializeToDocument(value, typeInfo);
        return FromJson(document.RootElement);
    }

    /// <summary>Free-form JSON: a string or number is a scalar, an array a list, an object its members.</summary>
    public static ParameterValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<KeyValuePair<string, string>>();
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Value.ValueKind != JsonValueKind.Null)
                    {
                        members.Add(new KeyValuePair<string, string>(member.Name, Text(member.Value)));
                    }
                }

                return new ParameterValue(null, null, members);
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Text(item));
                }

                return new ParameterValue(null, items, null);
            default:
                return new ParameterValue(Text(element), null, null);
        }
    }

    /// <summary>A JSON value as parameter text: strings unquoted, everything else as its JSON.</summary>
    internal static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Undefined => string.Empty,
        _ => element.GetRawText(),
    };
}
