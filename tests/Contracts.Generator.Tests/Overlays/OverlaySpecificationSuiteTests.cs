using System;
using System.IO;
using System.Linq;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// The Overlay Specification's own test documents (Specs/overlays-suite, Apache 2.0): each "pass" overlay is read and
/// applied without an error, each "fail" overlay is an error (CTR134, or CTR136 for a target that is not JSONPath).
/// </summary>
public sealed class OverlaySpecificationSuiteTests
{
    /// <summary>Fail documents the generator accepts, each with its reason.</summary>
    private static readonly string[] Accepted =
    [
        // The schema's uniqueItems: two identical actions. Applying one twice is well defined (the second applies to the
        // result of the first), so it is not worth an error that stops the build.
        "actions-not-unique.yaml",
    ];

    /// <summary>Pass documents the generator rejects, each with its reason.</summary>
    private static readonly string[] Rejected =
    [
        // Its target, $.paths.*.get[?@.x-oai-traits.paged], writes a name with '-' in the dot shorthand, which RFC 9535
        // does not allow (CTR136 says so at the '-'); @['x-oai-traits'].paged selects what the example means.
        "actions-traits-example.yaml",
    ];

    private const string Description = """
        openapi: 3.0.3
        info: { title: Suite, version: '1' }
        paths:
          /:
            get:
              parameters:
                - { name: dummy, in: query, schema: { type: string } }
              responses: { '200': { description: ok } }
        components:
          schemas:
            filterSchema: { type: string }
        """;

    public static TheoryData<string> Pass() => Files("pass");

    public static TheoryData<string> Fail() => Files("fail");

    [Theory]
    [MemberData(nameof(Pass))]
    public void A_pass_document_is_applied_without_an_error(string name)
    {
        var text = File.ReadAllText(PathOf("pass", name));
        if (Rejected.Contains(name))
        {
            Assert.Contains(Read(Description, text).Diagnostics, d => d.Id == "CTR136");
            text = text.Replace("@.x-oai-traits.paged", "@['x-oai-traits'].paged", StringComparison.Ordinal);
        }

        var (_, diagnostics) = Read(Description, text);

        var errors = diagnostics.Where(d => d.Id is "CTR134" or "CTR136" or "CTR137").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(d => d.Id + " " + string.Join(" | ", d.Arguments))));
    }

    [Theory]
    [MemberData(nameof(Fail))]
    public void A_fail_document_is_an_error_in_the_overlay(string name)
    {
        var (document, diagnostics) = Read(Description, File.ReadAllText(PathOf("fail", name)));

        if (Accepted.Contains(name))
        {
            Assert.NotNull(document);
            return;
        }

        Assert.Null(document);
        Assert.Contains(diagnostics, d => d.Id is "CTR134" or "CTR136" && d.Location!.FilePath == "/specs/overlay1.yaml");
    }

    private static string PathOf(string kind, string name) => Path.Combine(AppContext.BaseDirectory, "Specs", "overlays-suite", kind, name);

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs", "overlays-suite", kind), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
