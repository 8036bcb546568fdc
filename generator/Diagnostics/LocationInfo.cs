using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Diagnostics;

/// <summary>An equatable stand-in for <see cref="Location"/>: a span in a spec file, with 0-based lines and columns.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
