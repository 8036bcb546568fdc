using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>
/// What generated union converters share: peeking at an object (its member names, its discriminator) without
/// consuming it, scoring object cases, the errors that name the union, and writing a discriminator a case lacks.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnionJson
{
    /// <summary>
    /// The top-level members of the object the reader is on, each with its JSON kind, the kind of its first item when it
    /// is an array, and its text when it is a string; the caller's reader is a copy, so nothing is consumed.
    /// </summary>
    public static Dictionary<string, MemberSample> Sample(Utf8JsonReader reader)
    {
        var members = new Dictionary<string, MemberSample>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var kind = KindOf(reader.TokenType);
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            var firstItem = JsonKinds.None;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var items = reader;
                if (items.Read() && items.TokenType != JsonTokenType.EndArray)
                {
                    firstItem = KindOf(items.TokenType);
                }
            }

            reader.Skip();
            members[name] = new MemberSample(kind, firstItem, text);
        }

        return members;
    }

    /// <summary>
    /// How well an object fits a case: -1 when a required member is missing or a member contradicts what the case
    /// declares (its JSON kind, its first item's kind, or a string outside the case's constant values); otherwise the
    /// number of present members the case declares (the closest case wins; ties go to the first).
    /// </summary>
    public static int Score(Dictionary<string, MemberSample> present, string[] required, string[] known, UnionMember[] members)
    {
        foreach (var name in required)
        {
            if (!present.ContainsKey(name))
            {
                return -1;
            }
        }

        foreach (var member in members)
        {
            if (present.TryGetValue(member.Name, out var sample) && !member.Accepts(sample))
            {
                return -1;
            }
        }

        var score = 0;
        foreach (var name in known)
        {
            if (present.ContainsKey(name))
            {
                score++;
            }
        }

        return score;
    }

    internal static JsonKinds KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.String => JsonKinds.String,
        JsonTokenType.Number => JsonKinds.Number,
        JsonTokenType.True or JsonTokenType.False => JsonKinds.Boolean,
        JsonTokenType.StartObject => JsonKinds.Object,
        JsonTokenType.StartArray => JsonKinds.Array,
        JsonTokenType.Null => JsonKinds.Null,
        _ => JsonKinds.None,
    };

    /// <summary>The string value of member <paramref name="name"/> of the object the reader is on, or null when absent or not a string.</summary>
    public static string? Discriminator(Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDiscriminator = reader.ValueTextEquals(name);
            reader.Read();
            if (isDiscriminator && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>No case of the union accepts the current token.</summary>
    public static JsonException NoMatch(string unionName, JsonTokenType token) =>
        new("The JSON value (" + JsonErrors.Describe(token) + ") matches none of the cases of '" + unionName + "'.");

    /// <summary>The discriminator names no case of the union; the service's value is quoted escaped and shortened (<see cref="ResponseText"/>).</summary>
    public static JsonException UnknownDiscriminator(string unionName, string propertyName, string? value) =>
        value is null
            ? new("The JSON object for '" + unionName + "' has no string member '" + propertyName + "' to tell its case.")
            : new("The JSON object for '" + unionName + "' has the unknown '" + propertyName + "' value '" + ResponseText.Printable(value, ResponseText.MaxQuotedLength) + "'.");

    /// <summary>
    /// Writes the object <paramref name="writeObject"/> produces with member <paramref name="name"/> = <paramref name="value"/>
    /// first, for cases whose record does not declare the discriminator (so a round trip keeps it).
    /// </summary>
    public static void WriteWithDiscriminator(Utf8JsonWriter writer, string name, string value, Action<Utf8JsonWriter> writeObject)
    {
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer))
        {
            writeObject(inner);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        writer.WriteStartObject();
        writer.WriteString(name, value);
        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (member.NameEquals(name))
            {
                continue;
            }

            member.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
