using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Which diagnostics concern only what an operation selection dropped, by their JSON pointer: those under a dropped
/// operation (<c>#/paths/~1pets/get/…</c>), under a path none of whose operations is kept (<c>#/paths/~1pets/parameters/0</c>),
/// or under a component schema whose type was pruned (<c>#/components/schemas/Pet/…</c>). An operation translation
/// skipped is in neither model, so whether the selection wants it is unknown: its diagnostics stay, as do the
/// document's own (servers, security, components that are not types).
/// </summary>
internal sealed class SelectionScope
{
    private static readonly HashSet<string> s_methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly HashSet<string> _keptOperations;
    private readonly HashSet<string> _droppedOperations;
    private readonly HashSet<string> _keptPaths;
    private readonly HashSet<string> _droppedPaths;
    private readonly HashSet<string> _prunedTypes;
    private readonly Func<string, TypeRef?> _componentTypeOf;

    /// <param name="full">The model of the whole document, after the passes.</param>
    /// <param name="kept">The model <see cref="SelectionPruning"/> made of it.</param>
    /// <param name="componentTypeOf">The type of a component schema by its key.</param>
    public SelectionScope(SpecModel full, SpecModel kept, Func<string, TypeRef?> componentTypeOf)
    {
        _keptOperations = new HashSet<string>(kept.Client.Operations.Select(o => o.Pointer), StringComparer.Ordinal);
        _droppedOperations = new HashSet<string>(full.Client.Operations.Select(o => o.Pointer).Where(p => !_keptOperations.Contains(p)), StringComparer.Ordinal);
        _keptPaths = new HashSet<string>(kept.Client.Operations.Select(o => PathOf(o.Pointer)), StringComparer.Ordinal);
        _droppedPaths = new HashSet<string>(full.Client.Operations.Select(o => PathOf(o.Pointer)).Where(p => !_keptPaths.Contains(p)), StringComparer.Ordinal);
        _prunedTypes = SelectionPruning.TypeNames(full);
        _prunedTypes.ExceptWith(SelectionPruning.TypeNames(kept));
        _componentTypeOf = componentTypeOf;
    }

    /// <summary>True when the diagnostic at <paramref name="pointer"/> concerns only what the selection dropped.</summary>
    public bool ConcernsOnlyDropped(string pointer)
    {
        var segments = pointer.Split('/');
        if (segments.Length >= 3 && segments[0] == "#" && segments[1] == "paths")
        {
            var path = "#/paths/" + segments[2];
            if (segments.Length >= 4 && s_methods.Contains(segments[3]))
            {
                return _droppedOperations.Contains(path + "/" + segments[3]);
            }

            return _droppedPaths.Contains(path);
        }

        if (segments.Length >= 4 && segments[0] == "#" && segments[1] == "components" && segments[2] == "schemas")
        {
            var id = segments[3].Replace("~1", "/").Replace("~0", "~");
            for (var type = _componentTypeOf(id); type is not null; type = type.Element)
            {
                if (type.Name is { } name && type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
                {
                    return _prunedTypes.Contains(name);
                }
            }
        }

        return false;
    }

    private static string PathOf(string operationPointer) => operationPointer.Substring(0, operationPointer.LastIndexOf('/'));
}
