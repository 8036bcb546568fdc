using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Contracts.Cli.Generation;

/// <summary>
/// The folders the tool may read the files of a spec's <c>$ref</c>s from, as a build reads only the AdditionalFiles a
/// project lists: the spec's own folder and everything below it (for a spec found in a folder named on the command
/// line, that folder), and each <c>--allow-refs</c> folder. Paths are compared by their real path, so a symbolic link
/// that leads outside is outside, and the file read is the one checked.
/// </summary>
internal sealed class ReferenceScope
{
    private readonly IReadOnlyList<string> _folders;

    private ReferenceScope(IReadOnlyList<string> folders) => _folders = folders;

    /// <param name="allowedFolders">The real paths of the <c>--allow-refs</c> folders.</param>
    public static ReferenceScope For(SpecFile spec, IReadOnlyList<string> allowedFolders)
    {
        var own = spec.SearchedFolder ?? Path.GetDirectoryName(Path.GetFullPath(spec.Path))!;
        var folders = new List<string> { RealPath.Of(own) ?? Path.GetFullPath(own) };
        folders.AddRange(allowedFolders.Where(folder => !folders.Contains(folder, StringComparer.Ordinal)));
        return new ReferenceScope(folders);
    }

    /// <summary>
    /// True with the real path to read when <paramref name="path"/> is in one of the folders; otherwise false, with the
    /// reason phrased to follow the quoted path in CTR009 ("is outside …").
    /// </summary>
    public bool Allows(string path, out string realPath, out string reason)
    {
        realPath = string.Empty;
        reason = string.Empty;
        if (RealPath.Of(path) is not { } real)
        {
            reason = "leads through a loop of symbolic links";
            return false;
        }

        if (_folders.Any(folder => RealPath.IsInside(real, folder)))
        {
            realPath = real;
            return true;
        }

        var outside = "outside the folders references are read from (" + string.Join(", ", _folders) + "; add one with --allow-refs <folder>)";
        reason = string.Equals(real, Path.GetFullPath(path), StringComparison.Ordinal)
            ? "is " + outside
            : "leads to '" + real + "', " + outside;
        return false;
    }
}
