using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// One node a <see cref="JsonPathQuery"/> selected, with where it sits, so that a caller can replace or remove it:
/// <paramref name="Parent"/> is the mapping or sequence that holds it (null for the root), <paramref name="Key"/> its key
/// node in a mapping parent, <paramref name="Index"/> its position in a sequence parent (−1 otherwise).
/// </summary>
internal readonly record struct JsonPathMatch(YamlNode Node, YamlNode? Parent, YamlNode? Key, int Index)
{
    public static JsonPathMatch Root(YamlNode node) => new(node, null, null, -1);
}
