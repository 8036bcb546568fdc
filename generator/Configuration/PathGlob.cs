using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Configuration;

/// <summary>
/// A glob over an operation's path template as the document writes it (<c>/v1/customers/{customer}</c>, or an AWS
/// key such as <c>/#X-Amz-Target=Lightsail_20161128.GetBucketAccessKeys</c>): <c>*</c> is any characters within one
/// segment, <c>**</c> any number of whole segments (none included), <c>?</c> one character other than <c>/</c>;
/// everything else, braces included, stands for itself. Case-sensitive, as paths are.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>The glob of <paramref name="pattern"/>; every text is a glob, so this never fails.</summary>
    public static PathGlob Parse(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // Consecutive stars are one "**"; it spans segments only where it is a whole segment.
                var start = i;
                while (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                }

                var afterSlash = start > 0 && pattern[start - 1] == '/';
                if (afterSlash && i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    // "/**/" also matches "/": no segment at all.
                    regex.Append("(?:.*/)?");
                    i++;
                }
                else if (afterSlash && i + 1 == pattern.Length)
                {
                    // A trailing "/**" also matches the path without it.
                    regex.Length -= 1;
                    regex.Append("(?:/.*)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new PathGlob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
    }
}
