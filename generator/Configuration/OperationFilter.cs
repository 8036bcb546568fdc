using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Configuration;

/// <summary>
/// An <see cref="OperationSelection"/> ready to test operations, remembering which entries matched one (an entry that
/// matches none is CTR132) and which it cannot read (CTR133). Made for one model and dropped after it.
/// </summary>
internal sealed class OperationFilter
{
    /// <summary>The HTTP methods an OpenAPI path item can hold.</summary>
    private static readonly string[] s_methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

    private readonly List<Entry> _entries = new();
    private readonly bool[] _hasIncludes = new bool[4];

    public OperationFilter(OperationSelection selection)
    {
        foreach (var (metadata, entries) in selection.Lists())
        {
            var include = metadata.StartsWith("Include", StringComparison.Ordinal);
            var kind = metadata.EndsWith("Tags", StringComparison.Ordinal) ? EntryKind.Tag
                : metadata.EndsWith("Paths", StringComparison.Ordinal) ? EntryKind.Path
                : metadata.EndsWith("Operations", StringComparison.Ordinal) ? EntryKind.Operation
                : EntryKind.Method;
            foreach (var text in entries)
            {
                var malformed = kind == EntryKind.Method && !s_methods.Contains(text, StringComparer.OrdinalIgnoreCase)
                    ? "'" + text + "' is not an HTTP method; expected one of " + string.Join(", ", s_methods)
                    : null;
                _entries.Add(new Entry(metadata, text, kind, include, kind == EntryKind.Path ? PathGlob.Parse(text) : null, malformed));
                _hasIncludes[(int)kind] |= include;
            }
        }
    }

    private enum EntryKind
    {
        Tag,
        Path,
        Operation,
        Method,
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is kept: for every include kind with entries it matches one of them, and it
    /// matches no exclude entry. Every entry it matches is remembered as used.
    /// </summary>
    public bool Keeps(OperationModel operation)
    {
        var included = new bool[4];
        var excluded = false;
        foreach (var entry in _entries)
        {
            if (entry.Malformed is null && Matches(entry, operation))
            {
                entry.Matched = true;
                if (entry.Include)
                {
                    included[(int)entry.Kind] = true;
                }
                else
                {
                    excluded = true;
                }
            }
        }

        for (var kind = 0; kind < included.Length; kind++)
        {
            if (_hasIncludes[kind] && !included[kind])
            {
                return false;
            }
        }

        return !excluded;
    }

    /// <summary>The entries no operation matched, as (metadata, entry), in the order written (CTR132); malformed entries are not among them.</summary>
    public IEnumerable<(string Metadata, string Entry)> Unmatched =>
        _entries.Where(e => !e.Matched && e.Malformed is null).Select(e => (e.Metadata, e.Text));

    /// <summary>The entries that cannot be read, as (metadata, entry, why), in the order written (CTR133); they match nothing.</summary>
    public IEnumerable<(string Metadata, string Entry, string Reason)> Malformed =>
        _entries.Where(e => e.Malformed is not null).Select(e => (e.Metadata, e.Text, e.Malformed!));

    private static bool Matches(Entry entry, OperationModel operation) => entry.Kind switch
    {
        EntryKind.Tag => operation.Tags.Any(tag => string.Equals(tag, entry.Text, StringComparison.OrdinalIgnoreCase)),
        EntryKind.Path => entry.Glob!.IsMatch(operation.DocumentPath),
        EntryKind.Operation => string.Equals(operation.OperationId, entry.Text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(operation.MethodName, entry.Text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(WithoutAsync(operation.MethodName), entry.Text, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(operation.HttpMethod, entry.Text, StringComparison.OrdinalIgnoreCase),
    };

    private static string WithoutAsync(string methodName) =>
        methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - "Async".Length) : methodName;

    private sealed class Entry
    {
        public Entry(string metadata, string text, EntryKind kind, bool include, PathGlob? glob, string? malformed)
        {
            Metadata = metadata;
            Text = text;
            Kind = kind;
            Include = include;
            Glob = glob;
            Malformed = malformed;
        }

        public string Metadata { get; }

        public string Text { get; }

        public EntryKind Kind { get; }

        public bool Include { get; }

        public PathGlob? Glob { get; }

        public string? Malformed { get; }

        public bool Matched { get; set; }
    }
}
