using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Reading.References;

/// <summary>
/// Gives a spec the texts of the files its external references reach, directly or through those files' own
/// references, and nothing else: the spec's output then depends on exactly those texts. A spec without external
/// references is returned as it is, without a look at the other files.
/// </summary>
internal static class ReferenceCollector
{
    /// <param name="library">Every YAML/JSON AdditionalFile with the files it names, the spec among them.</param>
    public static SpecInput Attach(SpecInput input, ImmutableArray<ScannedDocument> library)
    {
        var direct = Own(input, library);
        if (direct.IsEmpty)
        {
            return input;
        }

        var byPath = new Dictionary<string, ScannedDocument>(StringComparer.Ordinal);
        foreach (var document in library)
        {
            byPath[ReferencePaths.Normalize(document.Path)] = document;
        }

        var self = ReferencePaths.Normalize(input.Path);
        var reached = new SortedDictionary<string, ScannedDocument>(StringComparer.Ordinal);
        var pending = new Queue<string>(direct);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (path == self || reached.ContainsKey(path) || !byPath.TryGetValue(path, out var document))
            {
                // The spec itself, a file already taken, or one that is not an AdditionalFile (the bundler reports it).
                continue;
            }

            reached.Add(path, document);
            foreach (var next in document.References)
            {
                pending.Enqueue(next);
            }
        }

        // Each file under the path it has in the compilation, so that diagnostics in it point at the file the user has.
        return input with { Documents = reached.Values.Select(d => new ReferencedDocument(d.Path, d.Text, d.Withheld)).ToEquatableArray() };
    }

    /// <summary>The files the spec itself names: its scan in the library (the same AdditionalFile), else a scan of its text.</summary>
    private static EquatableArray<string> Own(SpecInput input, ImmutableArray<ScannedDocument> library)
    {
        foreach (var document in library)
        {
            if (string.Equals(document.Path, input.Path, StringComparison.Ordinal))
            {
                return document.References;
            }
        }

        return ReferenceScanner.Files(input.Path, input.Text);
    }
}
