using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Configuration;

/// <summary>
/// Which operations of a spec are generated: the eight lists of the <c>OpenApiContract</c> metadata
/// (<c>IncludeTags</c> … <c>ExcludeMethods</c>), each entry trimmed, as the user wrote them. An operation is kept when,
/// for every include kind that has entries, it matches one of them (kinds intersect, entries within a kind unite), and
/// it matches no exclude entry of any kind. <see cref="OperationFilter"/> applies it; <see cref="Passes.SelectionPruning"/>
/// drops the other operations and every type only they reach. Equatable, so that an unchanged filter keeps the spec cached.
/// </summary>
internal sealed record OperationSelection(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations,
    EquatableArray<string> IncludeMethods,
    EquatableArray<string> ExcludeMethods)
{
    /// <summary>The metadata names, in the order of the record's members (each is <c>Contracts</c> + name on AdditionalFiles).</summary>
    public static readonly IReadOnlyList<string> MetadataNames =
    [
        "IncludeTags", "ExcludeTags", "IncludePaths", "ExcludePaths", "IncludeOperations", "ExcludeOperations", "IncludeMethods", "ExcludeMethods",
    ];

    private static readonly char[] s_separators = [';', ','];

    /// <summary>The selection from the metadata <paramref name="get"/> returns for each of <see cref="MetadataNames"/>; null when none has an entry (everything is generated).</summary>
    public static OperationSelection? From(Func<string, string?> get)
    {
        var lists = MetadataNames.Select(name => Split(get(name))).ToArray();
        return lists.All(list => list.IsEmpty)
            ? null
            : new OperationSelection(lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6], lists[7]);
    }

    /// <summary>The entries of one list, split on <c>;</c> and <c>,</c>, trimmed, without empty ones; order kept (diagnostics name them in it).</summary>
    public static EquatableArray<string> Split(string? value) =>
        value is null
            ? EquatableArray<string>.Empty
            : value.Split(s_separators).Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToEquatableArray();

    /// <summary>Every list with its metadata name, in the order of <see cref="MetadataNames"/>.</summary>
    public IEnumerable<(string Metadata, EquatableArray<string> Entries)> Lists()
    {
        yield return (MetadataNames[0], IncludeTags);
        yield return (MetadataNames[1], ExcludeTags);
        yield return (MetadataNames[2], IncludePaths);
        yield return (MetadataNames[3], ExcludePaths);
        yield return (MetadataNames[4], IncludeOperations);
        yield return (MetadataNames[5], ExcludeOperations);
        yield return (MetadataNames[6], IncludeMethods);
        yield return (MetadataNames[7], ExcludeMethods);
    }
}
