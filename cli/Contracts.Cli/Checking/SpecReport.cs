using System.Collections.Generic;

namespace Contracts.Cli.Checking;

/// <summary>
/// The outcome of checking one spec, already formatted: its diagnostic lines and its row.
/// <paramref name="Skipped"/>: a file found in a folder that is not an OpenAPI document (not counted).
/// </summary>
internal sealed record SpecReport(string Path, SpecVerdict Verdict, IReadOnlyList<string> DiagnosticLines, string Row, bool Skipped = false);
