using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Reading.References;

/// <summary>
/// Splits a <c>$ref</c> into file and fragment and resolves relative files against the referencing file, on path
/// strings only (no file system: the generator does no I/O). Paths are compared in the normalized form
/// <see cref="Normalize"/> gives: '/' separators, no '.' or '..' segments.
/// </summary>
internal static class ReferencePaths
{
    // RFC 3986 scheme (http:, https:, file:, urn:…); a single letter is a Windows drive (C:\…), not a scheme.
    private static readonly Regex s_scheme = new(@"^[A-Za-z][A-Za-z0-9+.\-]+:", RegexOptions.CultureInvariant);

    /// <summary>True for the files an external reference may name: .yaml, .yml and .json AdditionalFiles.</summary>
    public static bool IsDocumentFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a reference into the same document (<c>#/…</c>, or empty).</summary>
    public static bool IsLocal(string reference) => reference.Length == 0 || reference[0] == '#';

    /// <summary>True for a URL or other reference with a scheme, which is never fetched.</summary>
    public static bool IsUrl(string reference) => s_scheme.IsMatch(reference) || reference.StartsWith("//", StringComparison.Ordinal);

    /// <summary>The file part (percent-decoded) and the fragment (after '#', empty when absent) of a relative reference.</summary>
    public static (string File, string Fragment) Split(string reference)
    {
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        return (Unescape(file), fragment);
    }

    /// <summary>The normalized path of <paramref name="relativeFile"/> read from the file at <paramref name="fromPath"/>.</summary>
    public static string Resolve(string fromPath, string relativeFile)
    {
        var normalizedFrom = Normalize(fromPath);
        if (IsRooted(relativeFile))
        {
            return Normalize(relativeFile);
        }

        var slash = normalizedFrom.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : normalizedFrom.Substring(0, slash + 1);
        return Normalize(directory + relativeFile);
    }

    /// <summary>'/' separators, '.' segments dropped and '..' segments applied (never above the root).</summary>
    public static string Normalize(string path)
    {
        var unified = path.Replace('\\', '/');
        var rooted = unified.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != ".." && !IsDrive(segments, segments.Count - 1))
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || !rooted && (segments.Count == 0 || segments[segments.Count - 1] == ".."))
            {
                segments.Add(segment);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    private static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal)
        || path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);

    private static bool IsDrive(List<string> segments, int index) => index == 0 && segments[0].Length == 2 && segments[0][1] == ':';

    private static string Unescape(string file)
    {
        try
        {
            return file.IndexOf('%') >= 0 ? Uri.UnescapeDataString(file) : file;
        }
        catch (UriFormatException)
        {
            return file;
        }
    }
}
