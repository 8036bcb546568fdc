using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Contracts.Generator.Parsing.References;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Cli.Generation;

/// <summary>
/// The files a spec's relative <c>$ref</c>s reach, read from disk relative to the file that names them (transitively),
/// so that the tool hands them to the generator as a build would hand it the project's other AdditionalFiles. Explicit,
/// local reads only: URLs are never fetched, and only .yaml/.yml/.json files are read.
/// </summary>
internal static class ReferencedFiles
{
    /// <summary>More files than any real description splits into; a reference maze stops here (the rest is reported as unresolved).</summary>
    private const int MaxFiles = 1000;

    public static IReadOnlyList<SpecText> Read(string specPath, SourceText specText)
    {
        var found = new List<SpecText>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { ReferencePaths.Normalize(specPath) };
        var pending = new Queue<string>(ReferenceScanner.Files(specPath, specText.ToString()));
        while (pending.Count > 0 && found.Count < MaxFiles)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path) || !ReferencePaths.IsDocumentFile(path) || !File.Exists(path))
            {
                continue;
            }

            SourceText text;
            try
            {
                using var stream = File.OpenRead(path);
                text = SourceText.From(stream, Encoding.UTF8);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Unreadable: the generator reports the reference as unresolved (CTR009).
                continue;
            }

            found.Add(new SpecText(path, text));
            foreach (var next in ReferenceScanner.Files(path, text.ToString()))
            {
                pending.Enqueue(next);
            }
        }

        return found;
    }
}
