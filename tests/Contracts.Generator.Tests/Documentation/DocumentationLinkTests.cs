using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// Every relative link in README.md and docs/ leads somewhere: the file or folder exists in the repository, and a
/// <c>#fragment</c> names a heading (by GitHub's slug rules) of the Markdown file it points into. External links are
/// not fetched.
/// </summary>
public sealed class DocumentationLinkTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in DocumentationFiles.Markdown())
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_and_anchor_resolves(string file)
    {
        var document = MarkdownDocument.Parse(DocumentationFiles.Read(file));
        var broken = new List<string>();
        foreach (var link in document.Links)
        {
            if (Problem(file, link.Target) is { } problem)
            {
                broken.Add($"{file}:{link.Line}: ({link.Target}) {problem}");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_documentation_has_the_pages_the_readme_promises()
    {
        var files = DocumentationFiles.Markdown();
        Assert.Contains("docs/README.md", files);
        Assert.Contains("docs/diagnostics/README.md", files);
        Assert.True(files.Count > 10, "Expected README.md and the docs/ pages, found: " + string.Join(", ", files));
    }

    [Fact]
    public void The_readme_stays_a_front_door()
    {
        var lines = DocumentationFiles.Read("README.md").Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length <= 250, $"README.md has {lines.Length} lines; move details into docs/ (at most 250).");
    }

    [Theory]
    [InlineData("Getting started", "getting-started")]
    [InlineData("Incremental: the keystroke path", "incremental-the-keystroke-path")]
    [InlineData("`$ref` across files", "ref-across-files")]
    [InlineData("Secrets in `ToString()`", "secrets-in-tostring")]
    [InlineData("Swagger 2.0 `produces` and `consumes`", "swagger-20-produces-and-consumes")]
    [InlineData("CTR001: The OpenAPI document cannot be read", "ctr001-the-openapi-document-cannot-be-read")]
    [InlineData("A [linked](other.md) heading", "a-linked-heading")]
    [InlineData("snake_case and **bold**", "snake_case-and-bold")]
    public void Anchors_follow_githubs_slug_rules(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownDocument.Slug(heading));

    [Fact]
    public void Links_in_code_are_not_links_and_repeated_headings_are_numbered()
    {
        var document = MarkdownDocument.Parse("""
            # Title
            See [a](a.md) and `[b](b.md)`.
            ```md
            [c](c.md)
            ```
            ## Title
            [d]: d.md
            """);

        Assert.Equal(["a.md", "d.md"], document.Links.Select(link => link.Target));
        Assert.Equal(["title", "title-1"], document.Anchors.OrderBy(a => a, StringComparer.Ordinal));
    }

    /// <summary>Why <paramref name="target"/>, written in <paramref name="file"/>, leads nowhere; null when it resolves.</summary>
    private static string? Problem(string file, string target)
    {
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = target.IndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);

        string resolved;
        if (path.Length == 0)
        {
            resolved = file;
        }
        else
        {
            var baseFolder = path.StartsWith('/') ? string.Empty : Path.GetDirectoryName(file)!;
            var full = Path.GetFullPath(Path.Combine(DocumentationFiles.Root, baseFolder, path.TrimStart('/')));
            resolved = Path.GetRelativePath(DocumentationFiles.Root, full).Replace('\\', '/');
            if (resolved.StartsWith("../", StringComparison.Ordinal) || resolved == "..")
            {
                return "leads outside the repository";
            }

            if (!File.Exists(full) && !Directory.Exists(full))
            {
                return "no such file or folder: " + resolved;
            }
        }

        if (fragment is null)
        {
            return null;
        }

        if (!resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            // GitHub's line anchors (#L10) in source files; nothing else can be checked there.
            return fragment.StartsWith('L') ? null : "an anchor into a file that is not Markdown";
        }

        var anchors = MarkdownDocument.Parse(DocumentationFiles.Read(resolved)).Anchors;
        return anchors.Contains(fragment) ? null : $"no heading '#{fragment}' in {resolved} (it has: {string.Join(", ", anchors.OrderBy(a => a, StringComparer.Ordinal))})";
    }
}
