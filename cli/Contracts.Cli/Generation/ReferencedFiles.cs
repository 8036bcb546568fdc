using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Contracts.Generator.Reading.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Cli.Generation;

/// <summary>
/// The files a spec's relative <c>$ref</c>s reach, read from disk relative to the file that names them (transitively),
/// so that the tool hands them to the generator as a build would hand it the project's other AdditionalFiles. Explicit,
/// local reads only: URLs are never fetched, only .yaml/.yml/.json files are read, and only inside the
/// <see cref="ReferenceScope"/>; a file outside it is handed over unread, as a <see cref="WithheldFile"/> (CTR009).
/// </summary>
internal static class ReferencedFiles
{
    /// <summary>More files than any real description splits into; a reference maze stops here (the rest is reported as unresolved).</summary>
    private const int MaxFiles = 1000;

    public static IReadOnlyList<AdditionalText> Read(string specPath, SourceText specText, ReferenceScope scope)
    {
        var found = new List<AdditionalText>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { ReferencePaths.Normalize(specPath) };
        var pending = new Queue<string>(ReferenceScanner.Files(specPath, specText.ToString()));
        while (pending.Count > 0 && found.Count < MaxFiles)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path) || !ReferencePaths.IsDocumentFile(path))
            {
                continue;
            }

            if (!scope.Allows(path, out var realPath, out var reason))
            {
                found.Add(new WithheldFile(path, reason));
                continue;
            }

            if (!File.Exists(realPath))
            {
                continue;
            }

            SourceText text;
            try
            {
                // The real path that was checked is opened, not the path as the reference spells it.
                using var stream = File.OpenRead(realPath);
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
