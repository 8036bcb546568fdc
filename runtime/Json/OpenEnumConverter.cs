using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Runtime.Json;

/// <summary>
/// The JSON converter of a generated open enum. Each enum's converter is an empty class deriving from this one, so that
/// generated code keeps calling <c>Converters.Name.ReadValue</c>, <c>WriteValue</c> and <c>ToJsonValue</c> (these static
/// members, reached through the derived class) while no enum repeats their bodies. Plumbing for generated code.
/// </summary>
/// <typeparam name="T">The enum struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenEnum<T>
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => default(T).Known.Read(ref reader);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <summary>Reads a JSON string: a listed value is the shared instance, any other string is kept.</summary>
    public static T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) => default(T).Known.Read(ref reader);

    /// <summary>Writes the value's JSON string.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <summary>The JSON string of <paramref name="value"/>, for parameters sent in URLs and headers.</summary>
    public static string ToJsonValue(T value) => value.Value;
}
