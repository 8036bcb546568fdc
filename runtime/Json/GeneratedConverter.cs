using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Runtime.Json;

/// <summary>Reads one value of <typeparamref name="T"/> at the reader's current token: a generated converter's <c>ReadValue</c>.</summary>
/// <typeparam name="T">The type read.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadValue<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// The JSON converter of a generated record or union. Each one is a class with a constructor handing its static
/// <c>ReadValue</c> and <c>WriteValue</c> to this one, instead of two overrides of its own: the compiler binds and
/// emits less per type (about a tenth of GitHub's output), while generated code keeps calling the static methods
/// directly for nested values and only a top-level value goes through the delegate. Plumbing for generated code.
/// </summary>
/// <typeparam name="T">The record or union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedConverter<T> : JsonConverter<T>
{
    private readonly JsonReadValue<T> _read;
    private readonly Action<Utf8JsonWriter, T, JsonSerializerOptions> _write;

    /// <summary>A converter reading with <paramref name="read"/> and writing with <paramref name="write"/>.</summary>
    protected GeneratedConverter(JsonReadValue<T> read, Action<Utf8JsonWriter, T, JsonSerializerOptions> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader, options);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value, options);
}
