using System;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;

namespace Contracts.Cli.Output;

/// <summary>Prints a diagnostic on one line as the C# compiler does: <c>path(line,col): severity ID: message</c> (1-based).</summary>
internal static class DiagnosticLine
{
    /// <summary>
    /// Formats <paramref name="diagnostic"/>; <paramref name="fallbackPath"/> names a diagnostic without a location
    /// (the spec it came from). <paramref name="fileNameOnly"/> shortens generated-source paths to their hint names.
    /// </summary>
    public static string Format(Diagnostic diagnostic, string fallbackPath, bool fileNameOnly = false)
    {
        var span = diagnostic.Location.GetLineSpan();
        if (!HasPosition(span))
        {
            return fallbackPath + ": " + Text(diagnostic);
        }

        var path = fileNameOnly ? Path.GetFileName(span.Path) : span.Path;
        return path + Position(span) + ": " + Text(diagnostic);
    }

    /// <summary><c>(line,col): severity ID: message</c>, for a row that already names the file.</summary>
    public static string FormatInSameFile(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return HasPosition(span) ? Position(span) + ": " + Text(diagnostic) : Text(diagnostic);
    }

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>Parser messages can span lines; a diagnostic must stay on one.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static bool HasPosition(FileLinePositionSpan span) => span.IsValid && !string.IsNullOrEmpty(span.Path);

    private static string Position(FileLinePositionSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})");

    private static string Text(Diagnostic diagnostic) =>
        Severity(diagnostic.Severity) + " " + diagnostic.Id + ": " + OneLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));
}
