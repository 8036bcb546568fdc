using System.Collections.Generic;
using System.Text.RegularExpressions;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// User documentation describes the product, not how it was made: no issue numbers, review rounds or "before this
/// change" comparisons (benchmarks/*.md keeps those, with their commits).
/// </summary>
public sealed class DocumentationWordingTests
{
    private static readonly Regex History = new(
        @"\bissue \d+|\bthis issue\b|\bround (one|two|three)\b|\bthe helper\b|\bseed (spec|contract)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Theory]
    [MemberData(nameof(DocumentationLinkTests.MarkdownFiles), MemberType = typeof(DocumentationLinkTests))]
    public void User_documentation_does_not_tell_our_history(string file)
    {
        var found = new List<string>();
        var lines = DocumentationFiles.Read(file).Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            foreach (Match match in History.Matches(lines[index]))
            {
                found.Add($"{file}:{index + 1}: \"{match.Value}\"");
            }
        }

        Assert.True(found.Count == 0, "Words of the project's history in user documentation:\n" + string.Join("\n", found));
    }
}
