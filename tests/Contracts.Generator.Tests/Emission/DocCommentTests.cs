using System;
using System.Linq;
using System.Text;
using Contracts.Generator.Emitting;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// Descriptions become escaped XML doc comments in work linear in their length, whatever markup they hold. Markup that
/// never closes (65,000 <c>&lt;</c> and one <c>&gt;</c>) took 5 s and 4 GB, because every <c>&lt;</c> searched for the
/// next <c>&gt;</c> and copied what lay between. These tests count allocations (no clocks): twice the text may cost
/// about twice the bytes, not four times.
/// </summary>
public sealed class DocCommentTests
{
    private const string Header = "openapi: 3.0.3\ninfo: {title: Hostile, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";

    /// <summary>Texts of about <c>length</c> characters that look like the start of markup, entities or tags, over and over.</summary>
    private static readonly string[] PatternNames =
    {
        "many '<' then one '>'",
        "'<a href=\"' without '>'",
        "'</' without '>'",
        "'<' then spaces and slashes",
        "'&' without ';'",
        "'&amp' without ';'",
        "'<p>' and '<br>' tags",
        "'<code>' never closed",
    };

    public static TheoryData<string> Patterns => new(PatternNames);

    private static string Hostile(string pattern, int length) => pattern switch
    {
        "many '<' then one '>'" => new string('<', length - 1) + ">",
        "'<a href=\"' without '>'" => Repeat("<a href=\"x", length) + ">",
        "'</' without '>'" => Repeat("</", length),
        "'<' then spaces and slashes" => Repeat("< // ", length) + ">",
        "'&' without ';'" => new string('&', length),
        "'&amp' without ';'" => Repeat("&amp", length),
        "'<p>' and '<br>' tags" => Repeat("<p>x<br>", length),
        "'<code>' never closed" => Repeat("<code>x", length),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Converting_a_hostile_description_allocates_in_proportion_to_its_length(string pattern)
    {
        XmlDocs.Convert(Hostile(pattern, 1_000));

        var single = Allocated(() => XmlDocs.Convert(Hostile(pattern, 16_000)));
        var twice = Allocated(() => XmlDocs.Convert(Hostile(pattern, 32_000)));

        // Linear work gives a ratio near 2, quadratic near 4.
        Assert.True(twice < 3 * single, $"{pattern}: {single:N0} bytes for 16,000 characters, {twice:N0} for 32,000");
    }

    [Fact]
    public void A_document_of_hostile_descriptions_generates_escaped_docs_that_compile_and_costs_what_prose_costs()
    {
        var patterns = PatternNames;
        var hostile = Document(patterns.Select(p => Hostile(p, 60_000)).ToList());
        var prose = Document(patterns.Select(_ => Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 60_000)).ToList());

        var run = GeneratorHarness.Run(SpecFile.Inline("hostile.yaml", hostile, "Contracts.Tests.Hostile", "HostileClient"));

        run.AssertCompilesCleanly();
        run.AssertNoGeneratorDiagnostics();
        var first = run.TypeSource("Wordy0");
        Assert.Contains("/// <summary>&lt;&lt;&lt;&lt;", first, StringComparison.Ordinal);
        Assert.Contains("&lt;&gt;</summary>", first, StringComparison.Ordinal);
        Assert.Contains("&amp;amp&amp;amp", run.TypeSource("Wordy5"), StringComparison.Ordinal);

        // The whole generator run over the hostile document allocates about what it does over prose of the same size
        // (the escaped text is longer: '<' becomes "&lt;"); before, it allocated 4 GB per description.
        GeneratorHarness.Run(SpecFile.Inline("warm.yaml", prose, "Contracts.Tests.Hostile", "HostileClient"));
        var forProse = Allocated(() => GeneratorHarness.Run(SpecFile.Inline("prose.yaml", prose, "Contracts.Tests.Hostile", "HostileClient")));
        var forHostile = Allocated(() => GeneratorHarness.Run(SpecFile.Inline("hostile.yaml", hostile, "Contracts.Tests.Hostile", "HostileClient")));
        Assert.True(forHostile < 4 * forProse, $"hostile: {forHostile:N0} bytes, prose: {forProse:N0} bytes");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long Allocated<T>(Func<T> action) => Allocated(() => { action(); });

    private static string Document(System.Collections.Generic.IReadOnlyList<string> descriptions)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < descriptions.Count; i++)
        {
            // Double-quoted YAML: only '"' and '\' need escaping.
            text.Append("    Wordy").Append(i).Append(":\n      type: object\n      description: \"")
                .Append(descriptions[i].Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n      properties:\n        name: {type: string}\n");
        }

        return text.ToString();
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }
}
