using System.Text;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Documentation;

/// <summary>
/// The documentation <see cref="DocumentationSplitter"/> took out of one spec: the value of each placeholder, in the order
/// of the placeholders' numbers, and where each was, so that the model translated from the structure gets its text back
/// (<see cref="Restore"/>) and its diagnostics their places in the spec (<see cref="Locate"/>). Empty when the spec was not split.
/// </summary>
internal sealed record DocumentationTable(string Path, EquatableArray<string> Values, EquatableArray<TextShift> Shifts)
{
    /// <summary>Starts a placeholder: a private-use character, and a spec that holds one anywhere is not split.</summary>
    public const char PlaceholderStart = '\uE000';

    /// <summary>Ends a placeholder, after its number.</summary>
    public const char PlaceholderEnd = '\uE001';

    public static DocumentationTable None(string path) => new(path, EquatableArray<string>.Empty, EquatableArray<TextShift>.Empty);

    public bool IsEmpty => Values.IsEmpty;

    /// <summary>The placeholder of the <paramref name="index"/>th documentation scalar, as the structure holds it (a double-quoted scalar).</summary>
    public static string Placeholder(int index) =>
        "\"" + PlaceholderStart + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + PlaceholderEnd + "\"";

    /// <summary><paramref name="text"/> with each placeholder it holds replaced by the documentation it stands for.</summary>
    public string? Restore(string? text)
    {
        if (text is null || IsEmpty || text.IndexOf(PlaceholderStart) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf(PlaceholderStart, i);
            var end = start < 0 ? -1 : text.IndexOf(PlaceholderEnd, start + 1);
            if (start < 0 || end < 0 || !TryIndex(text, start + 1, end, out var index))
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, start - i).Append(Values[index]);
            i = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>Moves a location in the structure to the same place in the spec; locations in other files stay.</summary>
    public LocationInfo? Locate(LocationInfo? location)
    {
        if (location is null || Shifts.IsEmpty || location.FilePath != Path)
        {
            return location;
        }

        var (start, startLine, startColumn) = Map(location.Start, location.StartLine, location.StartColumn);
        var (end, endLine, endColumn) = Map(location.Start + location.Length, location.EndLine, location.EndColumn);
        return location with
        {
            Start = start,
            Length = end - start,
            StartLine = startLine,
            StartColumn = startColumn,
            EndLine = endLine,
            EndColumn = endColumn,
        };
    }

    private (int Offset, int Line, int Column) Map(int offset, int line, int column)
    {
        // The last placeholder that starts at or before the position: everything after its end moved by the same amount.
        int low = 0, high = Shifts.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Shifts[middle].StructureStart <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found < 0)
        {
            return (offset, line, column);
        }

        var shift = Shifts[found];
        if (offset < shift.StructureEnd)
        {
            // Inside a placeholder (no diagnostic points into documentation): the start of the scalar it stands for.
            return (shift.OriginalStart, shift.OriginalStartLine, shift.OriginalStartColumn);
        }

        var mapped = offset + (shift.OriginalEnd - shift.StructureEnd);
        return line == shift.StructureEndLine
            ? (mapped, shift.OriginalEndLine, shift.OriginalEndColumn + (column - shift.StructureEndColumn))
            : (mapped, line + (shift.OriginalEndLine - shift.StructureEndLine), column);
    }

    private bool TryIndex(string text, int start, int end, out int index)
    {
        index = 0;
        if (end == start || end - start > 9)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            index = index * 10 + (c - '0');
        }

        return index < Values.Count;
    }
}
