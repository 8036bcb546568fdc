using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Generator.Locating;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Microsoft.OpenApi 1.6 names the place of some problems only inside the message ("optional is not a valid property at
/// #/components/schemas/X"), with an empty pointer, and that place can be wrong: reading a media type's <c>examples</c>
/// pushes one segment per example onto the reader's location stack and pops one only, so every location read after it
/// carries leftover segments (OpenAI's description reports its component schemas under
/// <c>#/paths/~1images~1edits/post/components/…</c>). This takes the place out of the message and repairs it against the
/// tree the reader read: a pointer that does not resolve loses the shortest run of segments whose removal makes it resolve.
/// </summary>
internal static class ReaderPointers
{
    private static readonly Regex s_at = new(@"^(?<message>.+) at (?<pointer>#/\S*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // Pointers longer than this are not repaired (the search is cubic in the segments); the YAML parser stops at 64 levels.
    private const int MaxRepairedSegments = 64;

    /// <summary>Splits "… at #/pointer" into the message and the pointer; false when the message names no place.</summary>
    public static bool TrySplit(string message, out string text, out string pointer)
    {
        var match = s_at.Match(message);
        (text, pointer) = match.Success ? (match.Groups["message"].Value, match.Groups["pointer"].Value) : (message, string.Empty);
        return match.Success;
    }

    /// <summary>The pointer as given when it resolves in <paramref name="tree"/> (or there is no tree), else the repaired one, else as given.</summary>
    public static string Repair(string pointer, YamlNode? tree)
    {
        if (tree is null || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return pointer;
        }

        var raw = pointer.Substring(2).Split('/');
        if (raw.Length > MaxRepairedSegments)
        {
            return pointer;
        }

        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            segments[i] = raw[i].Replace("~1", "/").Replace("~0", "~");
        }

        var index = new YamlMappingIndex();
        if (Resolves(tree, segments, 0, 0, index))
        {
            return pointer;
        }

        for (var length = 1; length < segments.Length; length++)
        {
            for (var start = 0; start + length <= segments.Length; start++)
            {
                if (Resolves(tree, segments, start, length, index))
                {
                    var kept = new List<string>(raw.Length - length);
                    for (var i = 0; i < raw.Length; i++)
                    {
                        if (i < start || i >= start + length)
                        {
                            kept.Add(raw[i]);
                        }
                    }

                    return "#/" + string.Join("/", kept);
                }
            }
        }

        return pointer;
    }

    /// <summary>
    /// The pointer of the member <paramref name="name"/> of the object at <paramref name="pointer"/>, or of the first item
    /// that has it where <paramref name="pointer"/> names a list (the reader names <c>oneOf</c>, not its item); null when none has it.
    /// </summary>
    public static string? Member(string pointer, string name, YamlNode? tree)
    {
        var escaped = name.Replace("~", "~0").Replace("/", "~1");
        if (Resolves(pointer + "/" + escaped, tree))
        {
            return pointer + "/" + escaped;
        }

        for (var i = 0; i < MaxRepairedSegments && Resolves(pointer + "/" + i.ToString(CultureInfo.InvariantCulture), tree); i++)
        {
            var item = pointer + "/" + i.ToString(CultureInfo.InvariantCulture) + "/" + escaped;
            if (Resolves(item, tree))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="pointer"/> names a node of <paramref name="tree"/>.</summary>
    public static bool Resolves(string pointer, YamlNode? tree)
    {
        if (tree is null || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        var raw = pointer.Substring(2).Split('/');
        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            segments[i] = raw[i].Replace("~1", "/").Replace("~0", "~");
        }

        return Resolves(tree, segments, 0, 0, new YamlMappingIndex());
    }

    /// <summary>True when the segments without <paramref name="length"/> of them from <paramref name="skipStart"/> name a node of the tree.</summary>
    private static bool Resolves(YamlNode root, string[] segments, int skipStart, int length, YamlMappingIndex index)
    {
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (i >= skipStart && i < skipStart + length)
            {
                continue;
            }

            switch (node)
            {
                case YamlMappingNode mapping when index.TryGetEntry(mapping, segments[i], out _, out var value):
                    node = value;
                    break;
                case YamlSequenceNode sequence when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at >= 0 && at < sequence.Children.Count:
                    node = sequence.Children[at];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
