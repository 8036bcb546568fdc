using System.Collections.Generic;
using Contracts.Generator.Helpers;
using Microsoft.CodeAnalysis;

using Contracts.Generator.Diagnostics;

namespace Contracts.Generator.Locating;

/// <summary>
/// Collects diagnostics while a document is parsed. Each one points at a JSON pointer in the document; pointers are
/// turned into line spans once, at the end, and only when there is something to report.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<(DiagnosticDescriptor Descriptor, string? Pointer, int? Line, int? Column, LocationInfo? Located, string[] Args)> _items = new();
    private readonly HashSet<string> _seen = new();
    private readonly List<(string From, string To, SourceLocator? File)> _pointerMoves = new();

    /// <summary>Adds a diagnostic located by JSON pointer (e.g. <c>#/components/schemas/Foo</c>).</summary>
    public void Add(DiagnosticDescriptor descriptor, string? pointer, params string[] args) => AddCore(descriptor, pointer, null, null, null, args);

    /// <summary>Adds a diagnostic at a known 0-based line and column.</summary>
    public void AddAt(DiagnosticDescriptor descriptor, int line, int column, params string[] args) => AddCore(descriptor, null, line, column, null, args);

    /// <summary>Adds a diagnostic already located, possibly in another file (a file the spec references).</summary>
    public void AddLocated(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) => AddCore(descriptor, null, null, null, location, args);

    /// <summary>
    /// Locates pointers under <paramref name="from"/> at <paramref name="to"/> in the file: a part of the document the
    /// reader sees elsewhere than the file has it (an OpenAPI 3.1 <c>$defs</c> entry hoisted into components), or, with
    /// <paramref name="file"/>, at <paramref name="to"/> in another file (a node copied in from a referenced file).
    /// </summary>
    public void MapPointer(string from, string to, SourceLocator? file = null) => _pointerMoves.Add((from, to, file));

    private LocationInfo Locate(SourceLocator locator, string? pointer)
    {
        foreach (var (from, to, file) in _pointerMoves)
        {
            if (pointer is not null && pointer.StartsWith(from, System.StringComparison.Ordinal)
                && (pointer.Length == from.Length || pointer[from.Length] == '/'))
            {
                return (file ?? locator).Find(to + pointer.Substring(from.Length));
            }
        }

        return locator.Find(pointer);
    }

    private void AddCore(DiagnosticDescriptor descriptor, string? pointer, int? line, int? column, LocationInfo? located, string[] args)
    {
        // The same problem reached through several paths is reported once.
        if (!_seen.Add(descriptor.Id + "|" + pointer + "|" + line + "|" + located + "|" + string.Join("|", args)))
        {
            return;
        }

        _items.Add((descriptor, pointer, line, column, located, args));
    }

    /// <summary>
    /// Text from the document in a message shows its invisible, bidirectional and control characters as <c>[U+202E]</c>:
    /// raw, they would reorder or split the line the IDE and the build log show, and two names that differ by one would read the same.
    /// </summary>
    private static string[] Visible(string[] args)
    {
        var visible = args;
        for (var i = 0; i < args.Length; i++)
        {
            var shown = InvisibleCharacters.Visible(args[i]);
            if (!ReferenceEquals(shown, args[i]))
            {
                visible = visible == args ? (string[])args.Clone() : visible;
                visible[i] = shown;
            }
        }

        return visible;
    }

    /// <summary>Forgets every diagnostic whose pointer <paramref name="leaveOut"/> accepts (those of operations a selection dropped); located ones stay.</summary>
    public void Drop(System.Func<string, bool> leaveOut) => _items.RemoveAll(item => item.Pointer is { } pointer && leaveOut(pointer));

    public EquatableArray<DiagnosticInfo> ToInfos(SourceLocator locator)
    {
        var infos = new DiagnosticInfo[_items.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            var (descriptor, pointer, line, column, located, args) = _items[i];
            var location = located ?? (line is { } l ? locator.AtLine(l, column ?? 0) : Locate(locator, pointer));
            infos[i] = new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(Visible(args)));
        }

        return new EquatableArray<DiagnosticInfo>(infos);
    }
}
