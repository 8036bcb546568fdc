using System;
using System.Collections.Generic;
using System.IO;

namespace Contracts.Cli.Generation;

/// <summary>
/// The path the file system really opens for a path, as realpath(3) gives it: absolute, with every symbolic link along
/// it (a linked folder as much as a linked file) replaced by its target, '.' dropped and '..' applied after the link
/// before it is resolved. .NET has no such call; <see cref="Path.GetFullPath(string)"/> only tidies the text.
/// </summary>
internal static class RealPath
{
    /// <summary>Links followed for one path before giving up, as Linux's limit (ELOOP).</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>
    /// The real path of <paramref name="path"/> (relative to the current folder when not rooted). A part that does not
    /// exist is kept as written. Null when links loop or chain beyond <see cref="MaxLinks"/>.
    /// </summary>
    public static string? Of(string path)
    {
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var current = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        Push(pending, absolute.Substring(current.Length));
        var links = 0;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, segment);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the folder that holds the link; an absolute one starts over from its root.
            if (Path.IsPathFullyQualified(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target.Substring(current.Length);
            }

            Push(pending, target);
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> (a real path) is <paramref name="folder"/> (a real path) or inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = folder.TrimEnd(Separators);
        if (trimmed.Length == 0 || Path.GetPathRoot(folder)!.Length == folder.Length)
        {
            // A root ("/", "C:\") holds everything on it.
            return path.StartsWith(folder, comparison);
        }

        return path.Length > trimmed.Length
            ? path.StartsWith(trimmed, comparison) && Array.IndexOf(Separators, path[trimmed.Length]) >= 0
            : string.Equals(path, trimmed, comparison);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var segments = relative.Split(Separators);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            pending.Push(segments[i]);
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            // FileInfo reads the link itself (lstat), whether it stands for a file or a folder.
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
