using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Documents built to break a generator: malformed slots, cycles, reference chains, alias bombs, deep nesting and
/// sizes past the limits. Each must end in diagnostics with a location, no exception, and output that compiles; the work
/// must grow linearly with the document (counted in bytes allocated, never timed).
/// The limits themselves are listed in docs/reliability.md.
/// </summary>
public sealed class HostileDocumentTests
{
    private const string Header = "openapi: 3.0.3\ninfo: {title: Hostile, version: '1'}\nservers: [{url: 'https://hostile.example.com'}]\n";

    public static TheoryData<string, string, string, int> Malformed => new()
    {
        // Case, document, the diagnostic expected, its 1-based line.
        { "whitespace only", "  \n\t\n   \n", "CTR001", 1 },
        { "truncated JSON", """{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"o""", "CTR001", 1 },
        { "unknown type", Header + "paths: {}\ncomponents:\n  schemas:\n    Fruit:\n      type: banana\n", "CTR005", 8 },
        { "properties is a list", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties: [1, 2]\n", "CTR005", 9 },
        { "items is a number", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: array\n      items: 5\n", "CTR005", 9 },
        { "required is a number", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      required: 7\n      properties: {x: {type: string}}\n", "CTR005", 9 },
        { "allOf is a map", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      allOf: {a: 1}\n", "CTR005", 8 },
        { "operation is a number", Header + "paths:\n  /a:\n    get: 5\n", "CTR005", 6 },
        { "responses is a list", Header + "paths:\n  /a:\n    get:\n      responses: [1]\n", "CTR005", 7 },
        { "nullable is not a boolean", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      nullable: banana\n", "CTR001", 1 },
        { "schemas is a list", Header + "paths: {}\ncomponents:\n  schemas: [1, 2]\n", "CTR005", 6 },
        { "unterminated $ref of 200,000 escapes", Header + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        x: {$ref: \"#/components/schemas/" + string.Concat(Enumerable.Repeat("a%41", 200_000)) + "}\n", "CTR001", 10 },
        { "alias bomb", AliasBomb(), "CTR010", 1 },
        { "3,000-level nesting (YAML)", Header + "paths: {}\ncomponents:\n  schemas:\n    Deep: " + Nested(3000) + "\n", "CTR010", 1 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_document_is_a_located_diagnostic_and_any_output_compiles(string @case, string document, string expectedId, int line)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("hostile.yaml", document, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == expectedId);
        Assert.True(diagnostic is not null, $"{@case}: expected {expectedId}, got:\n{GeneratorRun.Format(run.GeneratorDiagnostics)}");
        Assert.Equal(line, diagnostic!.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR006");
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_3000_level_nested_json_document_is_refused_with_CTR010()
    {
        var json = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":"
            + string.Concat(Enumerable.Repeat("{\"type\":\"object\",\"properties\":{\"x\":", 3000)) + "{\"type\":\"string\"}" + new string('}', 6000) + "}}}";

        var run = GeneratorHarness.Run(SpecFile.Inline("deep.json", json, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CTR010" && d.GetMessage().Contains("nesting depth", StringComparison.Ordinal));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_valid_prefix_of_a_truncated_yaml_document_generates_what_it_declares()
    {
        // Cut in the middle of a schema: still valid YAML, with an unknown type where the text stopped.
        var document = Header + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        name: {type: string}\n        age:\n          type: integ";

        var run = GeneratorHarness.Run(SpecFile.Inline("cut.yaml", document, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertCompilesCleanly();
        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR005");
        Assert.Contains("'integ'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Name", run.TypeSource("Pet"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_decoded_as_the_compiler_does_and_the_output_compiles()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "paths: {}\ncomponents:\n  schemas:\n    Caf:\n      type: object\n      description: \"caf")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x80 })
            .Concat(Encoding.UTF8.GetBytes(" end\"\n      properties:\n        name: {type: string}\n"))
            .ToArray();
        var spec = SpecFile.Inline("latin.yaml", string.Empty, "Contracts.Tests.Hostile", "HostileClient");
        var texts = ImmutableArray.Create<AdditionalText>(new BytesAdditionalText(spec.Path, bytes));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { spec }, texts), GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { }"), texts);

        run.AssertCompilesCleanly();
        Assert.Contains("end", run.TypeSource("Caf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_through_allOf_oneOf_and_self_references_degrade_with_warnings_and_compile()
    {
        var document = Header + """
            paths:
              /things:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Holder'}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/A'}
                    node: {$ref: '#/components/schemas/Node'}
                    loop: {$ref: '#/components/schemas/Loop'}
                    p: {$ref: '#/components/schemas/P'}
                A:
                  allOf: [{$ref: '#/components/schemas/B'}]
                B:
                  allOf: [{$ref: '#/components/schemas/A'}]
                Node:
                  type: object
                  properties:
                    next: {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                Loop:
                  oneOf: [{$ref: '#/components/schemas/Loop'}, {type: string}]
                P:
                  anyOf: [{$ref: '#/components/schemas/Q'}]
                Q:
                  anyOf: [{$ref: '#/components/schemas/P'}]
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("cycles.yaml", document, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertCompilesCleanly();
        var lines = run.GeneratorDiagnostics.Where(d => d.Id == "CTR100").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToList();
        Assert.Contains(22, lines); // A (the allOf cycle)
        Assert.Contains(31, lines); // Loop (a oneOf containing itself)
        Assert.Contains(33, lines); // P (the anyOf cycle)
        Assert.Contains("Node? Next", run.TypeSource("Node"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("array", "type: array\n      items", "Item")]
    [InlineData("map", "type: object\n      additionalProperties", "Value")]
    public void A_chain_of_20000_references_is_cut_at_the_depth_limit_with_a_located_warning(string kind, string link, string suffix)
    {
        const int Length = 20_000;
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        start: {$ref: '#/components/schemas/A0'}\n");
        for (var i = 0; i < Length; i++)
        {
            text.Append("    A").Append(i).Append(":\n      ").Append(link).Append(": {$ref: '#/components/schemas/A").Append(i + 1).Append("'}\n");
        }

        text.Append("    A").Append(Length).Append(": {type: string}\n");

        var run = GeneratorHarness.Run(SpecFile.Inline("chain.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertCompilesCleanly();
        var cut = run.GeneratorDiagnostics.Where(d => d.Id == "CTR100").ToList();
        Assert.NotEmpty(cut);
        Assert.All(cut, d => Assert.Contains("64 levels deep", d.GetMessage(), StringComparison.Ordinal));
        // Walked from A0, the 65th link (A64's items or values, three lines per schema from line 11) is where the chain is cut.
        Assert.True(
            cut.Any(d => d.GetMessage().Contains("'A64" + suffix + "'", StringComparison.Ordinal) && d.Location.GetLineSpan().StartLinePosition.Line + 1 == 11 + (3 * 64) + 2),
            kind + ":\n" + GeneratorRun.Format(cut));
    }

    [Fact]
    public void An_allOf_chain_flattens_at_most_the_depth_limit_of_ancestors()
    {
        const int Length = 300;
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i < Length; i++)
        {
            text.Append("    A").Append(i).Append(":\n      allOf: [{$ref: '#/components/schemas/A").Append(i + 1)
                .Append("'}, {type: object, properties: {p").Append(i).Append(": {type: string}}}]\n");
        }

        text.Append("    A").Append(Length).Append(": {type: object, properties: {z: {type: string}}}\n");

        var run = GeneratorHarness.Run(SpecFile.Inline("allof.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CTR100" && d.GetMessage().Contains("allOf nested more than 64", StringComparison.Ordinal));
        var first = run.TypeSource("A0");
        Assert.Contains(" P0 ", first, StringComparison.Ordinal);
        Assert.Contains(" P60 ", first, StringComparison.Ordinal);
        Assert.DoesNotContain(" P70 ", first, StringComparison.Ordinal);
    }

    [Fact]
    public void More_generated_types_than_the_limit_is_refused_with_CTR010()
    {
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i <= 10_000; i++)
        {
            text.Append("    T").Append(i).Append(": {type: object, properties: {x: {type: string}}}\n");
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("types.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        var refused = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR010");
        Assert.Equal(DiagnosticSeverity.Error, refused.Severity);
        Assert.Contains("10,000 records, enums and unions", refused.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_allOf_fan_out_past_a_million_members_is_refused_with_CTR010()
    {
        // 2,001 records that each flatten a 500-member base: quadratic output from a 100 KB document.
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n    Base:\n      type: object\n      properties:\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append("        m").Append(i).Append(": {type: string}\n");
        }

        for (var i = 0; i <= 2_000; i++)
        {
            text.Append("    D").Append(i).Append(":\n      allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {own: {type: integer}}}]\n");
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("fanout.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        var refused = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR010");
        Assert.Contains("1,000,000 members", refused.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_multi_megabyte_description_is_shortened_with_CTR106_and_the_rest_is_generated()
    {
        var description = string.Concat(Enumerable.Repeat("lorem */ </summary> ipsum ", 200_000));
        var document = Header + "paths: {}\ncomponents:\n  schemas:\n    Wordy:\n      type: object\n      description: \"" + description + "\"\n      properties:\n        name: {type: string}\n";

        var run = GeneratorHarness.Run(SpecFile.Inline("wordy.yaml", document, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertCompilesCleanly();
        var shortened = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR106");
        Assert.Equal(9, shortened.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("5,200,000", shortened.GetMessage(), StringComparison.Ordinal);
        var model = run.TypeSource("Wordy");
        // Tags in descriptions are dropped from the XML docs, so the payload's </summary> cannot close the comment.
        Assert.Contains("lorem */  ipsum", model, StringComparison.Ordinal);
        Assert.DoesNotContain("</summary> ipsum", model, StringComparison.Ordinal);
        Assert.True(model.Length < 200_000, "The generated documentation is bounded by the reader's scalar limit.");
    }

    [Fact]
    public void Thousands_of_diagnostics_are_each_located_at_their_own_line()
    {
        // Locating used to scan every schema per diagnostic: quadratic, and 40,000 diagnostics hung the generator.
        const int Count = 3_000;
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append("    S").Append(i).Append(":\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/Missing")
                .Append(i).Append("'}\n        t: {type: banana").Append(i).Append("}\n");
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("many.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        var dangling = run.GeneratorDiagnostics.Where(d => d.Id == "CTR004").ToList();
        var unknown = run.GeneratorDiagnostics.Where(d => d.Id == "CTR005").ToList();
        Assert.Equal(Count, dangling.Count);
        Assert.Equal(Count, unknown.Count);

        // Schema i starts at line 7 + 5i: its $ref is on the fourth line, its type on the fifth.
        Assert.All(dangling, d => Assert.Equal(7 + (5 * Number(d.GetMessage(), "Missing")) + 3, d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(unknown, d => Assert.Equal(7 + (5 * Number(d.GetMessage(), "banana")) + 4, d.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    private static int Number(string message, string prefix)
    {
        var start = message.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        var end = start;
        while (end < message.Length && char.IsDigit(message[end]))
        {
            end++;
        }

        return int.Parse(message.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Twenty_thousand_operations_generate_one_method_each(bool sameOperationId)
    {
        const int Count = 20_000;
        var text = new StringBuilder(Header + "paths:\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append("  /r").Append(i).Append(":\n    get:\n      operationId: ").Append(sameOperationId ? "dup" : "op" + i)
                .Append("\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: string}}}}}\n");
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("many.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var client = run.Source("HostileClient.Client.g.cs");
        var prefix = sameOperationId ? "Dup" : "Op";
        Assert.Equal(Count, CountOf(client, "public global::System.Threading.Tasks.Task<string> " + prefix));
        Assert.Contains(sameOperationId ? "DupAsync20000(" : "Op19999Async(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50000_value_enum_generates_every_value()
    {
        const int Count = 50_000;
        var text = new StringBuilder(Header + "paths: {}\ncomponents:\n  schemas:\n    Huge:\n      type: string\n      enum:\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append("        - v").Append(i).Append('\n');
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("enum.yaml", text.ToString(), "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var model = run.TypeSource("Huge");
        Assert.Contains("\"v49999\"", model, StringComparison.Ordinal);
        Assert.Contains("\"v0\"", model, StringComparison.Ordinal);
    }

    // Locating a dangling $ref indexes the document's references once. Every suffix after every slash used to be indexed:
    // one reference of 30,000 slashes was copied 30,000 times (2 GB for a 60 KB document).
    [Fact]
    public void A_reference_of_many_slashes_costs_linear_work_and_the_dangling_one_is_still_located()
    {
        GeneratorHarness.Run(SpecFile.Inline("warm.yaml", SlashesSpec(10), "Contracts.Tests.Slashes", "SlashesClient"));

        var single = AllocatedForSlashes(15_000, out _);
        var twice = AllocatedForSlashes(30_000, out var run);

        Assert.True(twice < 3 * single, $"{single:N0} bytes for 15,000 slashes, {twice:N0} for 30,000");
        run.AssertGeneratorDidNotThrow();
        var lines = run.GeneratorDiagnostics.Where(d => d.Id == "CTR004").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToList();
        Assert.Contains(10, lines);
    }

    private static string SlashesSpec(int slashes) => $$"""
        openapi: 3.0.3
        info: {title: Slashes, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                long: {$ref: "#/components/schemas/{{string.Concat(Enumerable.Repeat("a/", slashes))}}B"}
                dangling: {$ref: '#/components/schemas/Nope'}
        """;

    private static long AllocatedForSlashes(int slashes, out GeneratorRun run)
    {
        var spec = SpecFile.Inline("slashes.yaml", SlashesSpec(slashes), "Contracts.Tests.Slashes", "SlashesClient");
        var before = GC.GetAllocatedBytesForCurrentThread();
        run = GeneratorHarness.Run(spec);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int CountOf(string text, string fragment)
    {
        var count = 0;
        for (var index = text.IndexOf(fragment, StringComparison.Ordinal); index >= 0; index = text.IndexOf(fragment, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{type: object, properties: {x: ", depth)) + "{type: string}" + string.Concat(Enumerable.Repeat("}}", depth));

    /// <summary>Nine levels of nine aliases: 400 bytes that expand to 387 million nodes.</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder(Header + "paths: {}\nx-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var previous = 'a';
        foreach (var name in "bcdefghi")
        {
            text.Append("  ").Append(name).Append(": &").Append(name).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
            previous = name;
        }

        return text.ToString();
    }

    /// <summary>An AdditionalFile whose bytes are decoded the way the compiler decodes files it reads.</summary>
    private sealed class BytesAdditionalText : AdditionalText
    {
        private readonly byte[] _bytes;

        public BytesAdditionalText(string path, byte[] bytes)
        {
            Path = path;
            _bytes = bytes;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(new MemoryStream(_bytes));
    }
}
