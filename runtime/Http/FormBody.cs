using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies. The body object is serialized with its generated metadata and its
/// members become fields; nested objects are spelled with brackets (<c>card[number]=4242</c>) and arrays with indices
/// (<c>expand[0]=x</c>) when the document declares them <c>deepObject</c>, else by repeating the name (<c>tag=a&amp;tag=b</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FormBody
{
    /// <summary>Encodes <paramref name="value"/> as form fields.</summary>
    /// <param name="value">The body object.</param>
    /// <param name="typeInfo">Its generated JSON metadata.</param>
    /// <param name="deepObjectMembers">Top-level members whose arrays are indexed (<c>encoding: {style: deepObject}</c>).</param>
    public static HttpContent Create<T>(T value, JsonTypeInfo<T> typeInfo, params string[] deepObjectMembers)
    {
        using var document = JsonSerializer.SerializeToDocument(value, typeInfo);
        var fields = new List<KeyValuePair<string, string>>();
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            var indexed = new HashSet<string>(deepObjectMembers, StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Array && !indexed.Contains(member.Name))
                {
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        Flatten(member.Name, item, fields);
                    }
                }
                else
                {
                    Flatten(member.Name, member.Value, fields);
                }
            }
        }

        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(text.Length == 0 ? string.Empty : "&").Append(Escape(field.Key)).Append('=').Append(Escape(field.Value));
        }

        var content = new FormContent(Encoding.UTF8.GetBytes(text.ToString()), fields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A form body that keeps its fields readable to the runtime, which scrubs credential fields (<c>client_secret</c>) out of exceptions.</summary>
    internal sealed class FormContent : ByteArrayContent
    {
        public FormContent(byte[] encoded, List<KeyValuePair<string, string>> fields)
            : base(encoded)
        {
            Fields = fields;
        }

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }
    }

    /// <summary>Adds the fields of a JSON value: objects as <c>name[member]</c>, arrays as <c>name[0]</c>, nulls left out.</summary>
    internal static void Flatten(string name, JsonElement value, List<KeyValuePair<string, string>> fields)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    Flatten(name + "[" + member.Name + "]", member.Value, fields);
                }

                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item, fields);
                    index++;
                }

                return;
            default:
                fields.Add(new KeyValuePair<string, string>(name, ParameterValue.Text(value)));
                return;
        }
    }

    // Form encoding: as in a URI, but a space may also be '+'; %20 is accepted everywhere.
    private static string Escape(string text) => Uri.EscapeDataString(text);
}
