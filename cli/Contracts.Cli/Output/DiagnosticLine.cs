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
        var severity = Severity(diagnostic.Severity);
        var message = OneLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return $"{fallbackPath}: {severity} {diagnostic.Id}: {message}";
        }

        var path = fileNameOnly ? Path.GetFileName(span.Path) : span.Path;
        var line = span.StartLinePosition.Line + 1;
        var column = span.StartLinePosition.Character + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{path}({line},{column}): {severity} {diagnostic.Id}: {message}");
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
}
