using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>
/// The JSONPath Compliance Test Suite (ComplianceSuite/cts.json, BSD-2): each case's document is read by SharpYaml from
/// its JSON text, as a JSON spec is; its selector must select the expected values in order (or in one of the orders a
/// nondeterministic case allows), and an invalid selector must fail to parse. Cases in skipped.json say why they are skipped.
/// </summary>
public sealed class JsonPathComplianceTests
{
    private static readonly string s_folder = RepositoryPaths.Combine("tests", "Contracts.Generator.Tests", "JsonPath", "ComplianceSuite");

    private static readonly Dictionary<string, JsonElement> s_cases = LoadCases();

    private static readonly Dictionary<string, string> s_skipped =
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(s_folder, "skipped.json")))!;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_suite_is_there_and_every_skipped_case_exists_with_a_reason()
    {
        Assert.True(s_cases.Count >= 700, "cts.json holds " + s_cases.Count + " cases");
        Assert.All(s_skipped, skip => Assert.True(s_cases.ContainsKey(skip.Key) && skip.Value.Length > 10, skip.Key));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compliance_case(string name)
    {
        if (s_skipped.ContainsKey(name))
        {
            return;
        }

        var testCase = s_cases[name];
        var selector = testCase.GetProperty("selector").GetString()!;
        var parsed = JsonPathQuery.TryParse(selector, out var query, out var error, out var offset);
        if (testCase.TryGetProperty("invalid_selector", out var invalid) && invalid.GetBoolean())
        {
            Assert.False(parsed, $"'{selector}' parsed but is invalid");
            Assert.False(string.IsNullOrEmpty(error));
            Assert.InRange(offset, 0, selector.Length);
            return;
        }

        Assert.True(parsed, $"'{selector}' did not parse: {error} at {offset}");
        var document = YamlTrees.Parse(testCase.GetProperty("document").GetRawText());
        var matches = query!.Select(document);
        var selected = new JsonArray(matches.Select(m => ToJson(m.Node)).ToArray());

        var expected = testCase.TryGetProperty("result", out var result)
            ? new[] { result }
            : testCase.GetProperty("results").EnumerateArray().ToArray();
        Assert.True(
            expected.Any(e => JsonNode.DeepEquals(JsonNode.Parse(e.GetRawText()), selected)),
            $"'{selector}' selected {selected.ToJsonString()}, expected {string.Join(" or ", expected.Select(e => e.GetRawText()))}");

        // The matches are the document's own nodes, with the parent, key and index of where they sit.
        var paths = matches.Select(m => NormalizedPaths.Of(document, m)).ToArray();
        var expectedPaths = testCase.TryGetProperty("result_paths", out var resultPaths)
            ? new[] { resultPaths }
            : testCase.GetProperty("results_paths").EnumerateArray().ToArray();
        Assert.True(
            expectedPaths.Any(e => e.EnumerateArray().Select(p => p.GetString()).SequenceEqual(paths)),
            $"'{selector}' selected {string.Join(", ", paths)}, expected {string.Join(" or ", expectedPaths.Select(e => e.GetRawText()))}");
    }

    /// <summary>A selected node as JSON, its scalars typed as <see cref="JsonPathValue"/> reads them.</summary>
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var members = new JsonObject();
                foreach (var entry in mapping.Children)
                {
                    members[((YamlScalarNode)entry.Key).Value!] = ToJson(entry.Value);
                }

                return members;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(ToJson).ToArray());
            default:
                var value = JsonPathValue.Of(node);
                return value.Kind switch
                {
                    JsonPathValueKind.Null => null,
                    JsonPathValueKind.Boolean => JsonValue.Create(value.Boolean),
                    JsonPathValueKind.Number => JsonNode.Parse(((YamlScalarNode)node).Value!),
                    _ => JsonValue.Create(value.String),
                };
        }
    }

    private static Dictionary<string, JsonElement> LoadCases()
    {
        using var suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_folder, "cts.json")));
        return suite.RootElement.GetProperty("tests").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.Clone());
    }
}
