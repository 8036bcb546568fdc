using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// What an overlay's scalars mean where the Overlay Specification asks for a JSON type, read as the JSONPath filters
/// read them (<see cref="JsonPathValue"/>, the one place that decides): plain <c>null</c>, <c>~</c> or nothing is null,
/// plain <c>true</c>/<c>false</c> a boolean, a quoted scalar a string.
/// </summary>
internal static class OverlayScalars
{
    public static bool IsNull(YamlScalarNode scalar) => JsonPathValue.KindOf(scalar) == JsonPathValueKind.Null;

    public static bool IsString(YamlScalarNode scalar) => JsonPathValue.KindOf(scalar) == JsonPathValueKind.String;

    public static bool? Boolean(YamlScalarNode scalar) =>
        JsonPathValue.Of(scalar) is { Kind: JsonPathValueKind.Boolean } value ? value.Boolean : null;
}
