using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// Each diagnostic has its page, docs/diagnostics/CTR###.md, and its help link (what "show help" in an IDE opens) points
/// at it. The page's minimal spec, run through the generator, reports the diagnostic; a page whose diagnostic no spec
/// can cause says so, and only the ids listed here may.
/// </summary>
public sealed class DiagnosticPageTests
{
    public const string HelpLinkBase = "https://github.com/contracts-dotnet/contracts/blob/main/docs/diagnostics/";

    /// <summary>The line a page writes instead of a spec.</summary>
    public const string NoSpecLine = "No spec shows this diagnostic: ";

    /// <summary>
    /// Diagnostics a spec cannot cause, each for its reason: a generator exception (CTR006), a missing runtime reference
    /// (CTR007), two specs in one project (CTR008), a description over 65,536 characters (CTR106, too long for a page;
    /// HostileSpecTests builds one), an example or a value over 65,536 characters (CTR129, CTR130; LongScalarTests builds
    /// them), a C# version older than 11 (CTR131, the project's), a server without ASP.NET Core or its runtime (CTR148, the
    /// project's references). Any other page must show a spec.
    /// </summary>
    public static readonly string[] WithoutSpec = ["CTR006", "CTR007", "CTR008", "CTR106", "CTR129", "CTR130", "CTR131", "CTR148"];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_page_that_names_it_and_its_help_link_points_there(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(DocumentationFiles.DiagnosticsFolder, id + ".md");

        Assert.True(File.Exists(page), $"{id} has no page docs/diagnostics/{id}.md");
        Assert.Equal(HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Contains($"| severity | {Severity(descriptor.DefaultSeverity)} |", lines);
    }

    [Fact]
    public void Every_page_is_for_a_diagnostic_that_exists_and_the_index_lists_them_all()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(DocumentationFiles.DiagnosticsFolder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README")
            .ToList();

        var orphans = pages.Where(page => !ids.Contains(page!)).ToList();
        Assert.True(orphans.Count == 0, "Pages for no diagnostic: " + string.Join(", ", orphans));
        var index = File.ReadAllText(Path.Combine(DocumentationFiles.DiagnosticsFolder, "README.md"));
        var unlisted = ids.Where(id => !index.Contains($"[{id}]({id}.md)", StringComparison.Ordinal)).ToList();
        Assert.True(unlisted.Count == 0, "docs/diagnostics/README.md does not list: " + string.Join(", ", unlisted));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_spec_on_the_page_reports_its_diagnostic(string id)
    {
        var text = File.ReadAllText(Path.Combine(DocumentationFiles.DiagnosticsFolder, id + ".md"));
        var document = MarkdownDocument.Parse(text);
        var specs = document.CodeBlocks.Where(block => block.Info == "yaml").ToList();
        var saysNoSpec = text.Replace("\r\n", "\n").Split('\n').Any(line => line.StartsWith(NoSpecLine, StringComparison.Ordinal));

        if (WithoutSpec.Contains(id))
        {
            Assert.True(saysNoSpec && specs.Count == 0, $"{id} is listed as one no spec can show: its page must say \"{NoSpecLine}…\" and show no yaml block.");
            return;
        }

        Assert.False(saysNoSpec, $"{id}'s page says no spec shows it, but {id} is not in {nameof(WithoutSpec)}.");
        var spec = Assert.Single(specs);
        var example = new SpecFile("/specs/example.yaml", spec.Text, "Docs.Example", "ExampleClient", Contract: "true");

        // An overlay's diagnostic needs the spec to name one (the page's project file says Overlays="overlay.yaml"), and
        // usually the overlay itself (a "yaml overlay.yaml" block).
        var overlay = document.CodeBlocks.SingleOrDefault(block => block.Info == "yaml overlay.yaml");
        var run = !text.Contains("Overlays=\"overlay.yaml\"", StringComparison.Ordinal)
            ? GeneratorHarness.Run(WithItemMetadata(example, document))
            : Overlays.OverlayHarness.Run(example, "overlay.yaml", overlay is null ? [] : [Overlays.OverlayHarness.Overlay("/specs/overlay.yaml", overlay.Text)]);

        run.AssertGeneratorDidNotThrow();
        Assert.True(
            run.GeneratorDiagnostics.Any(d => d.Id == id),
            $"The spec on {id}'s page reports: " + string.Join("; ", run.GeneratorDiagnostics.Select(d => d.ToString())));
    }

    /// <summary>
    /// A page whose diagnostic comes from the project file shows the item in an <c>xml</c> block
    /// (<c>&lt;OpenApiContract Include="example.yaml" IncludeTags="nosuch" /&gt;</c>); each attribute but <c>Include</c>
    /// reaches the generator as the targets pass it, <c>Contracts</c> + its name.
    /// </summary>
    private static SpecFile WithItemMetadata(SpecFile spec, MarkdownDocument document)
    {
        foreach (var block in document.CodeBlocks.Where(block => block.Info == "xml" && block.Text.Contains("<OpenApiContract", StringComparison.Ordinal)))
        {
            var item = System.Xml.Linq.XElement.Parse(block.Text.Trim());
            foreach (var attribute in item.Attributes().Where(a => a.Name.LocalName != "Include"))
            {
                spec = spec.WithMetadata("Contracts" + attribute.Name.LocalName, attribute.Value);
            }
        }

        return spec;
    }

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToList();

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => severity.ToString(),
    };
}
