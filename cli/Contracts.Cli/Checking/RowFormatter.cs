using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Checking;

/// <summary>
/// The one-line row of a spec in <c>check --compile</c> output: a status column, the path, then the detail, e.g.
/// <c>failed     specs/c.yaml  12 compile errors (CS0246 x8, CS0102 x4); first: X.g.cs(3,5): error CS0246: …</c>.
/// </summary>
internal static class RowFormatter
{
    private const int StatusWidth = 10;
    private const int ShownIds = 4;

    public static string Clean(string path, int files) =>
        Row("ok", path, Files(files));

    public static string Warnings(string path, int files, IReadOnlyCollection<Diagnostic> generatorWarnings, IReadOnlyCollection<Diagnostic> compileWarnings)
    {
        var parts = new List<string> { Files(files) };
        if (compileWarnings.Count > 0)
        {
            parts.Add(Count(compileWarnings.Count, "compile warning") + " (" + IdCounts(compileWarnings) + ")");
        }

        if (generatorWarnings.Count > 0)
        {
            parts.Add(Count(generatorWarnings.Count, "generator warning") + " (" + IdCounts(generatorWarnings) + ")");
        }

        return Row("warnings", path, string.Join("; ", parts));
    }

    public static string CompileFailed(string path, IReadOnlyCollection<Diagnostic> errors, string firstError) =>
        Row("failed", path, Count(errors.Count, "compile error") + " (" + IdCounts(errors) + "); first: " + firstError);

    public static string GeneratorErrors(string path, IReadOnlyCollection<Diagnostic> errors, string firstError) =>
        Row("generator", path, Count(errors.Count, "generator error") + " (" + IdCounts(errors) + "); first: " + firstError);

    /// <summary>A generator error with no diagnostic to show: it threw, or the file could not be read.</summary>
    public static string GeneratorFailure(string path, string reason) =>
        Row("generator", path, reason);

    /// <summary>Diagnostic ids by frequency, e.g. <c>CS0246 x8, CS0102 x4</c>; the rarest are elided.</summary>
    public static string IdCounts(IEnumerable<Diagnostic> diagnostics)
    {
        var groups = diagnostics
            .GroupBy(d => d.Id)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()}"))
            .ToList();
        return groups.Count > ShownIds ? string.Join(", ", groups.Take(ShownIds)) + ", ..." : string.Join(", ", groups);
    }

    private static string Row(string status, string path, string detail) => status.PadRight(StatusWidth) + path + "  " + detail;

    private static string Files(int files) => "(" + Count(files, "file") + ")";

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
