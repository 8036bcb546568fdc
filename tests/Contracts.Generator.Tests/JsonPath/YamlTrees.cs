using System.IO;
using System.Linq;
using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>YAML (or JSON) text as the SharpYaml tree the generator reads, and the queries the tests run on it.</summary>
internal static class YamlTrees
{
    public static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    public static JsonPathQuery Query(string text)
    {
        Assert.True(JsonPathQuery.TryParse(text, out var query, out var error, out var offset), $"'{text}' did not parse: {error} at {offset}");
        return query!;
    }

    /// <summary>The selected scalars' texts, or the kind of node for mappings and sequences.</summary>
    public static string[] Select(string document, string query) =>
        Query(query).Select(Parse(document)).Select(m => Describe(m.Node)).ToArray();

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlMappingNode => "{mapping}",
        _ => "[sequence]",
    };
}
