using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Contracts.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Reading.References;

/// <summary>
/// A text scan for the values of <c>$ref</c> members, without a YAML parse: which other files a document names.
/// It feeds the incremental pipeline (which files a spec depends on) and lets documents without external references
/// skip the bundler. The bundler reads the YAML tree itself, so the scan only has to find at least what it finds.
/// </summary>
internal static class ReferenceScanner
{
    private const string Keyword = "$ref";

    // "$ref": "x", '$ref': 'x', $ref: x — in block or flow YAML and in JSON.
    private static readonly Regex s_reference = new(
        @"[""']?\$ref[""']?[ \t]*:[ \t]*(?:""(?<dq>(?:[^""\\\r\n]|\\.)*)""|'(?<sq>(?:[^'\r\n]|'')*)'|(?<plain>[^\s,}\]""'][^\r\n,}\]]*))",
        RegexOptions.CultureInvariant);

    /// <summary>The <c>$ref</c> values of <paramref name="text"/> that leave the document (files and URLs).</summary>
    public static IEnumerable<string> ExternalValues(string text)
    {
        if (text.IndexOf(Keyword, StringComparison.Ordinal) < 0)
        {
            yield break;
        }

        foreach (Match match in s_reference.Matches(text))
        {
            var value = match.Groups["dq"].Success ? match.Groups["dq"].Value.Replace("\\/", "/").Replace("\\\\", "\\")
                : match.Groups["sq"].Success ? match.Groups["sq"].Value.Replace("''", "'")
                : StripComment(match.Groups["plain"].Value);
            if (!ReferencePaths.IsLocal(value))
            {
                yield return value;
            }
        }
    }

    /// <summary>The document with the files it names, for the pipeline.</summary>
    public static Configuration.ScannedDocument Scan(string path, string text) => new(path, text, Files(path, text));

    /// <summary>An AdditionalFile with the files it names; a <see cref="WithheldFile"/> names none and keeps its reason.</summary>
    public static Configuration.ScannedDocument Scan(AdditionalText file, CancellationToken cancellationToken) =>
        file is WithheldFile withheld
            ? new(file.Path, string.Empty, EquatableArray<string>.Empty, withheld.Reason)
            : Scan(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);

    /// <summary>True when any <c>$ref</c> of <paramref name="text"/> names another file or a URL.</summary>
    public static bool HasExternal(string text) => ExternalValues(text).Any();

    /// <summary>The files (normalized paths, ordinal order, no URLs) that the document at <paramref name="path"/> refers to.</summary>
    public static EquatableArray<string> Files(string path, string text)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in ExternalValues(text))
        {
            var (file, _) = ReferencePaths.Split(value);
            if (!ReferencePaths.IsUrl(value) && file.Length > 0)
            {
                files.Add(ReferencePaths.Resolve(path, file));
            }
        }

        return files.Count == 0 ? EquatableArray<string>.Empty : files.ToEquatableArray();
    }

    private static string StripComment(string plain)
    {
        var comment = plain.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? plain.Substring(0, comment) : plain).Trim();
    }
}
