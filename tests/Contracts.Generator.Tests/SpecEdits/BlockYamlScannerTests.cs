using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Generator.Documentation;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>
/// The line scanner finds the documentation SharpYaml's event parser finds — the same spans and values, in order — on every
/// spec it reads, and leaves to SharpYaml every text it cannot read with certainty.
/// </summary>
public sealed class BlockYamlScannerTests
{
    public static IEnumerable<object[]> TestSpecs() => SplitIdentityTests.TestSpecs();

    [Theory]
    [MemberData(nameof(TestSpecs))]
    public void A_test_spec_the_scanner_reads_splits_as_with_sharpyaml(string path)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path));
        if (BlockYamlScanner.TryFind(text, default, out var scanned))
        {
            Assert.Equal(Parsed(text), scanned);
        }
    }

    [Theory]
    [InlineData("lightsail-bucket-access-keys.yaml")]
    [InlineData("aws/lightsail-2016-11-28.yaml")]
    [InlineData("vendors/github-api-1.1.4.yaml")]
    [InlineData("vendors/stripe-2020-08-27.yaml")]
    [InlineData("vendors/openai/openapi.yaml")]
    public void A_large_description_is_read_by_the_scanner_and_splits_as_with_sharpyaml(string path)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("spec", path)).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(BlockYamlScanner.TryFind(text, default, out var scanned), path + " went to SharpYaml");
        Assert.NotEmpty(scanned!);
        Assert.Equal(Parsed(text), scanned);
    }

    [Theory]
    [InlineData("plain", "a:\n  description: Some text\n  summary: more text # a comment\n")]
    [InlineData("plain over lines", "a:\n  description: Some text\n    over two lines\n\n    and a paragraph,\n\n\n    and two.\nb: 1\n")]
    [InlineData("plain on the line after its key", "a:\n  description:\n    Some text\n    over two lines\n  type: string\n")]
    [InlineData("double-quoted", "a:\n  description: \"Some \\\"text\\\" \\\\ \\/ \\t \\x41 \\u00e9 \\U0001F600 here\"\n")]
    [InlineData("double-quoted over lines", "a:\n  description: \"Some text   \n     over lines\n\n     a paragraph \\\n     joined, \\\n\n     broken\\ \n     kept\"\n  type: string\n")]
    [InlineData("single-quoted", "a:\n  description: 'It''s \"text\" \\n'\n  summary: 'over\n    lines\n\n    and more'\n")]
    [InlineData("literal", "a:\n  description: |\n    Line one\n      indented\n\n    Line three  \n\n\n  type: string\n")]
    [InlineData("literal, strip", "a:\n  description: |-\n    Line one\n    Line two\n  type: string\n")]
    [InlineData("folded", "a:\n  description: >\n    Folded\n    text\n\n    paragraph\n      more in\n      and in\n    back\n\n\n    end\n  type: string\n")]
    [InlineData("folded, strip, empty lines with spaces", "a:\n  description: >-\n\n    Folded\n      \n    text\n        \n    end\n  type: string\n")]
    [InlineData("plain and quoted at the end without a line break", "a:\n  summary: 'S'\n  description: Plain\n    text")]
    [InlineData("blocks that keep their breaks or set their indentation", "a:\n  description: |+\n    Kept\n\n  summary: >2-\n     Set\n    here\n  example: |+\n      \n  type: string\n")]
    [InlineData("block with a comment after its indicator", "a:\n  description: | # why\n    text\n# a comment\n  type: string\n")]
    [InlineData("empty values and values that are not text", "a:\n  description:\n  summary: ''\nb:\n  description: 123\n  summary: yes\nc:\n  description: null\n  summary: ~\n")]
    [InlineData("names, examples, defaults, enums and extensions", "properties:\n  description:\n    type: string\n    description: The description.\n  summary:\n    description: A summary.\nschema:\n  example:\n    description: Example.\n  default:\n    description: Default.\n  x-thing:\n    description: Extension.\n  enum:\n    - description: Enum.\nresponses:\n  default:\n    description: The default response.\n")]
    [InlineData("sequences", "parameters:\n- name: a\n  description: First.\n- name: b\n  description: Second\n    over lines.\n-\n  description: Third.\n- - description: nested\n  - x\n-\n- description: |\n    block\n  in: query\ntags:\n  - name: t\n    description: Tag.\n")]
    [InlineData("compact sequences under keys", "a:\n  required:\n  - x\n  - y\n  description: After.\n  allOf:\n  - description: In.\n    type: string\n  - $ref: '#/x'\n")]
    [InlineData("quoted keys and colons in values", "\"description\": Quoted key.\n'summary': Other quoted key.\nurl: http://example.com/a#b\npattern: ^(?:a|after:\\d+)$\nx:y: plain key with a colon\nflow: [a, 'b', \"c\", {d: e}]\nempty: {}\n")]
    [InlineData("a document marker first, comments everywhere", "# header\n---\n# comment\nopenapi: 3.0.0 # trailing\ninfo:\n  # inside\n  title: T\n  description: D\n\n   # odd comment\n  version: '1'\n")]
    [InlineData("long lines and unicode", "a:\n  description: Ünïcödé text — with dashes and “quotes” and 😀\n")]
    public void An_edge_case_the_scanner_reads_splits_as_with_sharpyaml(string what, string yaml)
    {
        Assert.True(BlockYamlScanner.TryFind(yaml, default, out var scanned), what + " went to SharpYaml");
        Assert.Equal(Parsed(yaml), scanned);
    }

    [Theory]
    [InlineData("a kept literal of empty lines only", "a:\n  description: |+\n\n\n  summary: |+\n      \n\n  type: string\n")]
    [InlineData("a kept folded block and one with its indentation set", "a:\n  description: >+\n\n  summary: |+2\n\n\n  type: string\n")]
    [InlineData("a kept block of empty lines before the next key of its parent", "a:\n  description: |+\n\n\nb:\n  summary: |+\n   \nc: 1\n")]
    [InlineData("clipped and stripped blocks of empty lines", "a:\n  description: |\n\n\n  summary: >-\n\n  type: string\n")]
    public void A_block_of_empty_lines_only_reads_as_sharpyaml_reads_it(string what, string yaml)
    {
        var scanned = BlockYamlScanner.DocumentationValues(yaml);

        Assert.True(scanned is not null, what + " went to SharpYaml");
        Assert.Equal(SharpYamlDocumentationValues(yaml), scanned);
    }

    [Theory]
    [InlineData("a flow mapping around a description", "info: {title: T, description: D}\n")]
    [InlineData("a flow collection over lines", "a:\n  enum: [a,\n    b]\n  description: D\n")]
    [InlineData("an anchor", "a: &x\n  description: D\nb: *x\n")]
    [InlineData("an alias", "a:\n  description: D\nb: *x\n")]
    [InlineData("a tag", "a:\n  description: !!str D\n")]
    [InlineData("a complex key", "? a\n: b\nc:\n  description: D\n")]
    [InlineData("several documents", "a:\n  description: D\n---\nb:\n  description: E\n")]
    [InlineData("a document end", "a:\n  description: D\n...\n")]
    [InlineData("a directive", "%YAML 1.2\n---\na:\n  description: D\n")]
    [InlineData("a key further in than its mapping", "a:\n  description: D\n    b: c\n")]
    [InlineData("a tab in indentation", "a:\n\tdescription: D\n")]
    [InlineData("a tab after a colon", "a:\n  description:\tD\n")]
    [InlineData("a byte order mark", "\uFEFFa:\n  description: D\n")]
    [InlineData("CR line breaks", "a:\r\n  description: D\r\n")]
    [InlineData("a NEL line break", "a:\n  description: D\u0085  more\n")]
    [InlineData("a control character", "a:\n  description: D\u0001\n")]
    [InlineData("JSON", "{\n  \"info\": {\n    \"description\": \"D\"\n  }\n}\n")]
    [InlineData("a block scalar that ends the text", "a:\n  description: |\n    D")]
    [InlineData("a flow collection with a comment", "a:\n  enum: [a, # b\n    c]\n  description: D\n")]
    [InlineData("a value with a colon and a space", "a:\n  description: Note: this\n")]
    [InlineData("a comment inside a plain scalar", "a:\n  description: D\n    # comment\n    more\n")]
    [InlineData("a quoted scalar whose next line is not further in", "a:\n  description: \"D\nmore\"\n")]
    [InlineData("a document that is a scalar", "just text\n")]
    [InlineData("a dash inside a plain scalar", "a:\n  description: D\n    - more\n")]
    public void What_the_scanner_is_not_sure_of_goes_to_sharpyaml(string what, string yaml)
    {
        Assert.False(BlockYamlScanner.TryFind(yaml, default, out _), what + " was read by the scanner");

        // The split still runs, through SharpYaml (which may refuse the text, and the split leaves it whole).
        Assert.Equal(Parsed(yaml), Parsed(yaml, DocumentationSplitter.Find));
    }

    /// <summary>The values of every <c>description</c> and <c>summary</c> key in document order, as SharpYaml's tree reads them.</summary>
    private static List<string> SharpYamlDocumentationValues(string yaml)
    {
        var stream = new SharpYaml.Serialization.YamlStream();
        stream.Load(new StringReader(yaml));
        var values = new List<string>();
        Collect(stream.Documents[0].RootNode);
        return values;

        void Collect(SharpYaml.Serialization.YamlNode node)
        {
            if (node is SharpYaml.Serialization.YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is SharpYaml.Serialization.YamlScalarNode { Value: "description" or "summary" } && entry.Value is SharpYaml.Serialization.YamlScalarNode scalar)
                    {
                        values.Add(scalar.Value ?? string.Empty);
                    }

                    Collect(entry.Value);
                }
            }
        }
    }

    private static List<(int Start, int End, string Value)>? Parsed(string text) => Parsed(text, DocumentationSplitter.FindWithParser);

    private static List<(int Start, int End, string Value)>? Parsed(
        string text, Func<string, System.Threading.CancellationToken, List<(int Start, int End, string Value)>?> find)
    {
        try
        {
            return find(text, default);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }
}
