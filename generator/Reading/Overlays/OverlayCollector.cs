using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;
using Contracts.Generator.Reading.References;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Finds the overlays a spec names among the AdditionalFiles: each path resolved against the project directory, then
/// given the text of the AdditionalFile with that path. Path strings only, no file system (the generator does no I/O).
/// </summary>
internal static class OverlayCollector
{
    /// <summary>
    /// The overlays <paramref name="written"/> names, in order, each resolved against <paramref name="projectDirectory"/>
    /// (the project's <c>ProjectDir</c>, which is what MSBuild resolves the AdditionalFiles item against), or against the
    /// spec's own folder where the host gives no project directory. No text yet: <see cref="Attach"/> adds it.
    /// </summary>
    public static EquatableArray<OverlayFile> Resolve(string specPath, string? projectDirectory, EquatableArray<string> written)
    {
        var baseDirectory = projectDirectory ?? Folder(specPath);
        var anchor = ReferencePaths.Normalize(baseDirectory).TrimEnd('/') + "/";
        var overlays = new List<OverlayFile>(written.Count);
        foreach (var path in written)
        {
            overlays.Add(new OverlayFile(path, baseDirectory, ReferencePaths.Resolve(anchor + "_", path)));
        }

        return overlays.ToEquatableArray();
    }

    /// <summary>
    /// The spec with the texts of its overlays from <paramref name="library"/> (every YAML/JSON AdditionalFile). A spec
    /// without overlays is returned as it is, without a look at the library, so it costs nothing and never reruns.
    /// </summary>
    public static SpecInput Attach(SpecInput input, ImmutableArray<ScannedDocument> library)
    {
        if (input.Overlays.IsEmpty)
        {
            return input;
        }

        var byPath = new Dictionary<string, ScannedDocument>(StringComparer.Ordinal);
        foreach (var document in library)
        {
            byPath[ReferencePaths.Normalize(document.Path)] = document;
        }

        var overlays = new OverlayFile[input.Overlays.Count];
        var i = 0;
        foreach (var overlay in input.Overlays)
        {
            overlays[i++] = byPath.TryGetValue(overlay.Path, out var document)
                ? overlay with { Path = document.Path, Text = document.Withheld is null ? document.Text : null, Withheld = document.Withheld }
                : overlay;
        }

        return input with { Overlays = new EquatableArray<OverlayFile>(overlays) };
    }

    private static string Folder(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash + 1);
    }
}
