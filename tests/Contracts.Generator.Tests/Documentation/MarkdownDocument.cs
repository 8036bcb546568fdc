using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// The parts of a Markdown file the link checks need: its links (outside code), the anchors its headings get on
/// GitHub, and its fenced code blocks. A small reader for the Markdown this repository writes, not a full CommonMark parser.
/// </summary>
internal sealed class MarkdownDocument
{
    // [text](target) and ![alt](target); the text may hold `code` and nested [brackets] one level deep.
    private static readonly Regex InlineLink = new(@"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+""[^""]*"")?\s*\)", RegexOptions.Compiled);

    // [label]: target
    private static readonly Regex ReferenceDefinition = new(@"^\s{0,3}\[[^\]]+\]:\s*(\S+)", RegexOptions.Compiled);

    private static readonly Regex Heading = new(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.Compiled);

    private static readonly Regex HtmlAnchor = new(@"<a\s+(?:name|id)=""([^""]+)""", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly Regex CodeSpan = new(@"(`+)(.+?)\1", RegexOptions.Compiled);

    private MarkdownDocument(IReadOnlyList<MarkdownLink> links, IReadOnlySet<string> anchors, IReadOnlyList<CodeBlock> codeBlocks)
    {
        Links = links;
        Anchors = anchors;
        CodeBlocks = codeBlocks;
    }

    /// <summary>Every link target outside fenced code blocks and code spans, with its 1-based line.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>The fragment ids a link can name: GitHub's heading slugs, plus explicit HTML anchors.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public IReadOnlyList<CodeBlock> CodeBlocks { get; }

    public static MarkdownDocument Parse(string text)
    {
        var links = new List<MarkdownLink>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = new List<CodeBlock>();
        string? fence = null;
        string? fenceInfo = null;
        var fenceText = new StringBuilder();

        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0)
                {
                    blocks.Add(new CodeBlock(fenceInfo!, fenceText.ToString()));
                    fence = null;
                    fenceText.Clear();
                }
                else
                {
                    fenceText.Append(line).Append('\n');
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = trimmed[0];
                var length = trimmed.TakeWhile(c => c == marker).Count();
                fence = new string(marker, length);
                fenceInfo = trimmed[length..].Trim();
                continue;
            }

            var withoutCode = CodeSpan.Replace(line, match => new string(' ', match.Length));
            foreach (Match match in InlineLink.Matches(withoutCode))
            {
                links.Add(new MarkdownLink(match.Groups[1].Value.Trim('<', '>'), index + 1));
            }

            if (ReferenceDefinition.Match(withoutCode) is { Success: true } definition)
            {
                links.Add(new MarkdownLink(definition.Groups[1].Value.Trim('<', '>'), index + 1));
            }

            foreach (Match match in HtmlAnchor.Matches(withoutCode))
            {
                anchors.Add(match.Groups[1].Value);
            }

            if (Heading.Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups[2].Value);
                slugCounts.TryGetValue(slug, out var seen);
                anchors.Add(seen == 0 ? slug : slug + "-" + seen.ToString(CultureInfo.InvariantCulture));
                slugCounts[slug] = seen + 1;
            }
        }

        return new MarkdownDocument(links, anchors, blocks);
    }

    /// <summary>
    /// GitHub's anchor for a heading: the rendered text (code spans keep their content, links their text, '*' markers
    /// go), lower-cased; letters, digits, '_' and '-' are kept, each space becomes '-', everything else is dropped.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = Regex.Replace(heading, @"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)", "$1");
        text = Regex.Replace(text, @"<[^>]+>", string.Empty);
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }
}

/// <summary>A link's target as written, and the line it is on.</summary>
internal sealed record MarkdownLink(string Target, int Line);

/// <summary>A fenced code block: its info string (<c>yaml</c>, <c>csharp</c>…) and its text.</summary>
internal sealed record CodeBlock(string Info, string Text);
