using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// What an overlay's scalars mean where the Overlay Specification asks for a JSON type: a plain scalar is null or a
/// boolean as the YAML core schema reads it (JSON's <c>null</c>, <c>true</c>, <c>false</c> included); a quoted one is a
/// string.
/// </summary>
internal static class OverlayScalars
{
    public static bool IsNull(YamlScalarNode scalar) =>
        IsPlain(scalar) && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static bool? Boolean(YamlScalarNode scalar) =>
        !IsPlain(scalar) ? null
        : scalar.Value is "true" or "True" or "TRUE" ? true
        : scalar.Value is "false" or "False" or "FALSE" ? false
        : null;

    private static bool IsPlain(YamlScalarNode scalar) => scalar.Style is SharpYaml.ScalarStyle.Plain or SharpYaml.ScalarStyle.Any;
}
