using System;
using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Translation;

/// <summary>
/// Swagger 2.0's <c>collectionFormat: multi</c>, read from the text. The reader maps both <c>csv</c> (the default)
/// and <c>multi</c> to <c>style: form</c> and leaves <c>explode</c> to its default (true), so the two cannot be told
/// apart from the document model: <c>name=a,b</c> versus <c>name=a&amp;name=b</c>.
/// </summary>
internal static class SwaggerCollectionFormats
{
    /// <summary>The parameters (<c>in:name</c>) declared with <c>collectionFormat: multi</c> anywhere in the document's tree.</summary>
    public static HashSet<string> FindMulti(YamlNode? root)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (root is not null)
        {
            Walk(root, result);
        }

        return result;
    }

    private static void Walk(YamlNode node, HashSet<string> result)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                if (Scalar(mapping, "collectionFormat") == "multi" && Scalar(mapping, "in") is { } location && Scalar(mapping, "name") is { } name)
                {
                    result.Add(location + ":" + name);
                }

                foreach (var child in mapping.Children)
                {
                    Walk(child.Value, result);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Walk(child, result);
                }

                break;
        }
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
