using System.ComponentModel;

namespace Contracts.Runtime.Json;

/// <summary>
/// What a generated open enum (a string-backed struct) gives <see cref="OpenEnumConverter{T}"/> and
/// <see cref="OpenEnumValues{T}"/>. Plumbing for generated code: the members are called on <c>default(T)</c> through the
/// constraint <c>where T : struct, IOpenEnum&lt;T&gt;</c>, so the calls are direct once the JIT specializes them for the
/// struct (netstandard2.0 has no static abstract members to declare them as).
/// </summary>
/// <typeparam name="T">The enum struct itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenEnum<T>
    where T : struct, IOpenEnum<T>
{
    /// <summary>The value as it appears in JSON.</summary>
    string Value { get; }

    /// <summary>The values the OpenAPI document lists (the struct's one shared table).</summary>
    OpenEnumValues<T> Known { get; }

    /// <summary>A value of the struct holding <paramref name="value"/> (any string: values added by the service later are kept).</summary>
    T Create(string value);
}
