using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Configuration;
using Contracts.Generator.Documentation;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Yaml;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The line scanner's <see cref="JsonNode"/> (<see cref="BlockYamlJson"/>) is the one SharpYaml's tree and the converter
/// give, on every text it reads, and it leaves to SharpYaml every text it cannot read with certainty.
/// </summary>
public sealed class BlockYamlJsonTests
{
    public static IEnumerable<object[]> TestSpecs() =>
        Directory.EnumerateFiles(Path.Combine(System.AppContext.BaseDirectory, "Specs"), "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", System.StringComparison.Ordinal) || path.EndsWith(".yml", System.StringComparison.Ordinal) || path.EndsWith(".json", System.StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(System.AppContext.BaseDirectory, path).Replace('\\', '/'))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => new object[] { path });

    [Theory]
    [MemberData(nameof(TestSpecs))]
    public void A_test_spec_reads_as_SharpYaml_reads_it_or_is_left_to_SharpYaml(string path)
    {
        AssertSameOrLeft(Prepared(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, path))));
    }

    [Theory]
    [InlineData("lightsail-bucket-access-keys.yaml")]
    [InlineData("aws/lightsail-2016-11-28.yaml")]
    [InlineData("aws/dynamodb-2012-08-10.yaml")]
    [InlineData("vendors/github-api-1.1.4.yaml")]
    [InlineData("vendors/stripe-2020-08-27.yaml")]
    public void A_large_description_is_read_by_the_scanner_as_SharpYaml_reads_it(string path)
    {
        var text = Prepared(File.ReadAllText(RepositoryPaths.Combine("spec", path)));

        // Else the identity below would compare SharpYaml with itself.
        Assert.NotNull(BlockYamlJson.TryRead(text));
        AssertSameOrLeft(text);
    }

    [Theory]
    [InlineData("aws/lightsail-2016-11-28.yaml")]
    [InlineData("vendors/github-api-1.1.4.yaml")]
    [InlineData("vendors/stripe-2020-08-27.yaml")]
    public void The_structure_a_description_edit_leaves_is_read_by_the_scanner_as_SharpYaml_reads_it(string path)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("spec", path));
        var split = DocumentationSplitter.Split(new SpecInput(path, text, new GeneratorOptions(null, null, null, null, IsMarked: true)), default);
        Assert.False(split.Documentation.IsEmpty, "Nothing was taken out of " + path);
        var structure = Prepared(split.Structure.Text);

        Assert.NotNull(BlockYamlJson.TryRead(structure));
        AssertSameOrLeft(structure);
    }

    [Fact]
    public void OpenAIs_description_is_read_by_the_scanner_as_SharpYaml_reads_it()
    {
        // It holds a kept block scalar of blank lines only ("example: |+"), one line break per blank line.
        var text = Prepared(File.ReadAllText(RepositoryPaths.Combine("spec", "vendors/openai/openapi.yaml")));

        Assert.NotNull(BlockYamlJson.TryRead(text));
        AssertSameOrLeft(text);
    }

    [Theory]
    [InlineData("a: 1\nb: -2.5\nc: 1e3\nd: .5\ne: 007\nf: 0x1F\ng: 1_000\nh: 12:30\ni: +1\nj: -0\nk: 1.0e+3\nl: 79228162514264337593543950336\n")]
    [InlineData("a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: t\n")]
    [InlineData("a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nul\ng: 'null'\nh: \"~\"\n")]
    [InlineData("a: 'it''s'\nb: \"tab\\tand \\u00e9 \\x41\"\nc: \"folded\n  over\n\n  lines\"\nd: plain\n  over lines\n")]
    [InlineData("a: |\n  one\n  two\n\nb: >-\n  folded\n  text\n\n  kept\nc: |+\n  kept\n\nd: |2\n    indented\ne: >\n\n  after a blank\nf: |+\n   \n\nh: |+\ni: >+\n\n  \nj: 1\n")]
    [InlineData("list:\n- a\n- b: 1\n  c: [ ]\n-\n- - nested\n  - too\nempty: {}\n\"quoted key\": x\n'single': y\n")]
    [InlineData("---\n# a comment\nkey: value # trailing\nother: 'x' # another\n")]
    [InlineData("paths:\n  /a/{id}:\n    get:\n      parameters: []\n      responses:\n        '200':\n          description: ok\n")]
    public void Block_yaml_reads_as_SharpYaml_reads_it(string text)
    {
        Assert.NotNull(BlockYamlJson.TryRead(text));
        AssertSameOrLeft(text);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a:\n  - [\n    1]\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: |+\n   \n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("? a\n: 1\n")]
    [InlineData("{\"openapi\": \"3.0.0\"}")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    public void What_the_scanner_is_not_sure_of_is_left_to_SharpYaml(string text)
    {
        Assert.Null(BlockYamlJson.TryRead(text));
    }

    [Fact]
    public void A_key_too_long_to_be_implicit_is_left_to_SharpYaml()
    {
        Assert.Null(BlockYamlJson.TryRead(new string('k', Limits.MaxImplicitKeySpan + 1) + ": 1\n"));
        Assert.NotNull(BlockYamlJson.TryRead(new string('k', 100) + ": 1\n"));
    }

    [Fact]
    public void A_scalar_past_the_reading_limit_is_left_to_SharpYaml_which_reports_it()
    {
        Assert.Null(BlockYamlJson.TryRead("a: " + new string('x', Limits.MaxScalarLength + 1) + "\n"));
    }

    [Fact]
    public void Nesting_near_the_reading_limit_is_left_to_SharpYaml()
    {
        var text = string.Concat(Enumerable.Range(0, Limits.MaxYamlDepth - 2).Select(depth => new string(' ', depth) + "k:\n")) + new string(' ', Limits.MaxYamlDepth) + "v: 1\n";
        Assert.Null(BlockYamlJson.TryRead(text));
        Assert.NotNull(BlockYamlJson.TryRead("a:\n b:\n  c: 1\n"));
    }

    private static string Prepared(string text) => SwaggerFormParameters.Inline(SpecReader.Prepare(text), new DiagnosticBag());

    private static void AssertSameOrLeft(string text)
    {
        var scanned = BlockYamlJson.TryRead(text);
        if (scanned is null)
        {
            return;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var expected = stream.Documents[0].RootNode.ToJsonNode();
        Assert.True(JsonNode.DeepEquals(expected, scanned), "The scanner's tree differs from SharpYaml's");
        Assert.Equal(expected.ToJsonString(), scanned.ToJsonString());
        AssertSameKinds(expected, scanned, "#");
    }

    /// <summary>Each value of the same JSON kind, and a number as a number (the reader reads them by kind).</summary>
    private static void AssertSameKinds(JsonNode? expected, JsonNode? actual, string at)
    {
        Assert.True(expected?.GetValueKind() == actual?.GetValueKind(), "Kinds differ at " + at);
        switch (expected)
        {
            case JsonObject mapping:
                foreach (var (key, value) in mapping)
                {
                    AssertSameKinds(value, actual![key], at + "/" + key);
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    AssertSameKinds(sequence[i], actual![i], at + "/" + i);
                }

                break;
        }
    }
}
