using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// <c>allOf</c> with one referenced base → a derived record (<c>Cat : Pet</c>), and the base's <c>discriminator</c> →
/// which derived record a value typed as the base reads as. <see cref="SchemaTranslator"/> asks it which schemas derive
/// from which base while it builds the records, and hands it the finished records (<see cref="Complete"/>), which it
/// returns with their <see cref="HierarchyModel"/>. Owns what it learnt about the records built so far.
/// </summary>
internal sealed class HierarchyTranslator
{
    private const string Components = "#/components/schemas/";

    /// <summary>Bases above a derived record, at most: a deeper record is flattened (a C# class hierarchy need not be 300 deep).</summary>
    private const int MaxDepth = 32;

    private readonly OpenApiDocument _document;
    private readonly Func<string, TypeRef?> _componentType;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<IOpenApiSchema, string?> _bases = new();
    private readonly Dictionary<string, Built> _built = new(StringComparer.Ordinal);
    private HashSet<string>? _keepUnknownMembers;

    /// <param name="componentType">The type of a component schema (its record's name), once the component types are defined.</param>
    public HierarchyTranslator(OpenApiDocument document, Func<string, TypeRef?> componentType, DiagnosticBag diagnostics)
    {
        _document = document;
        _componentType = componentType;
        _diagnostics = diagnostics;
    }

    /// <summary>What a built record contributes to the records derived from it.</summary>
    private sealed record Built(
        RecordModel Record,
        string? ComponentId,
        string? Discriminator,
        string Pointer,
        List<(string Value, string Target)> Mapping,
        HashSet<string> JsonNames,
        HashSet<string> MemberNames,
        bool HasExtra);

    /// <summary>
    /// The component id of the one base <paramref name="schema"/> derives from, or null when it is flattened as before:
    /// no referenced base, several (or a referenced member nested in an inline one), a base that is not an object record,
    /// alternatives beside the allOf, a base chain that comes back to itself, or a member redeclared with another shape.
    /// </summary>
    public string? BaseOf(IOpenApiSchema schema)
    {
        if (_bases.TryGetValue(schema, out var known))
        {
            return known;
        }

        // Placeholder first: a chain that comes back to this schema finds null and is flattened.
        _bases[schema] = null;
        var found = FindBase(schema);
        _bases[schema] = found;
        return found;
    }

    private string? FindBase(IOpenApiSchema schema)
    {
        if (schema.AllOfList().Count == 0 || schema.OneOfList().Count > 0 || schema.AnyOfList().Count > 0 || Unwrap(schema) is not null
            || schema.TypeName() is not (null or "object") || schema.Items is not null)
        {
            return null;
        }

        IOpenApiSchema? basePart = null;
        foreach (var part in schema.AllOfList())
        {
            if (part is null)
            {
                continue;
            }

            if (part.ReferenceId() is not null)
            {
                if (basePart is not null)
                {
                    // Several referenced bases: C# has one base class, so the members are flattened (docs/hierarchies.md).
                    return null;
                }

                basePart = part;
                continue;
            }

            if (part.AllOfList().Count > 0 || part.OneOfList().Count > 0 || part.AnyOfList().Count > 0 || part.Items is not null || part.TypeName() is not (null or "object")
                || part.EnumList().Count > 0)
            {
                return null;
            }
        }

        var id = basePart?.ReferenceId();
        IOpenApiSchema? baseSchema = null;
        if (basePart is null || string.IsNullOrEmpty(id) || basePart.IsUnresolved()
            || _document.Components?.Schemas?.TryGetValue(id!, out baseSchema) != true || baseSchema is null
            || _componentType(id!) is not { Kind: TypeKind.Object, Name: not null })
        {
            return null;
        }

        // The base's own chain must end without coming back here (Pet: allOf [Cat], Cat: allOf [Pet] is flattened, and
        // reported as a cycle as before).
        if (ChainReturnsTo(schema, baseSchema!))
        {
            return null;
        }

        var inherited = MembersOf(baseSchema!, new HashSet<IOpenApiSchema>());
        var discriminator = DiscriminatorOfChain(baseSchema!);
        foreach (var (key, declared) in OwnMembersOf(schema, basePart!))
        {
            if (inherited.TryGetValue(key, out var inheritedSchema) && key != discriminator && !SameShape(declared, inheritedSchema))
            {
                // A member narrowed in the derived schema (an enum of the base's string): one C# member cannot have two types.
                return null;
            }
        }

        return id;
    }

    /// <summary>
    /// True when the chain of referenced bases above <paramref name="baseSchema"/> comes back to <paramref name="schema"/>,
    /// loops, or is deeper than <see cref="MaxDepth"/>. It follows each schema's one referenced allOf part without
    /// deciding whether that part is a base, so that no chain is walked recursively.
    /// </summary>
    private bool ChainReturnsTo(IOpenApiSchema schema, IOpenApiSchema baseSchema)
    {
        var visited = new HashSet<IOpenApiSchema> { schema };
        var current = baseSchema;
        for (var depth = 0; current is not null; depth++)
        {
            if (depth >= MaxDepth || !visited.Add(current))
            {
                return true;
            }

            var referenced = current.AllOfList().Where(p => p?.ReferenceId() is not null).ToList();
            current = referenced.Count == 1 && _document.Components?.Schemas?.TryGetValue(referenced[0].ReferenceId() ?? string.Empty, out var next) == true ? next : null;
        }

        return false;
    }

    /// <summary>The discriminator's member name of the nearest schema up the chain that has one.</summary>
    private string? DiscriminatorOfChain(IOpenApiSchema schema)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (!string.IsNullOrEmpty(schema.Discriminator?.PropertyName))
            {
                return schema.Discriminator!.PropertyName;
            }

            var next = _bases.TryGetValue(schema, out var id) && id is not null ? _document.Components!.Schemas![id] : null;
            if (next is null)
            {
                return null;
            }

            schema = next;
        }

        return null;
    }

    /// <summary>Every member a schema declares, its allOf parts included (first declaration wins), quietly: cycles were reported elsewhere.</summary>
    private static Dictionary<string, IOpenApiSchema> MembersOf(IOpenApiSchema schema, HashSet<IOpenApiSchema> visiting)
    {
        var members = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (visiting.Count > 64 || !visiting.Add(schema))
        {
            return members;
        }

        foreach (var part in schema.AllOfList().Where(p => p is not null))
        {
            foreach (var member in MembersOf(part, visiting))
            {
                if (!members.ContainsKey(member.Key))
                {
                    members[member.Key] = member.Value;
                }
            }
        }

        foreach (var property in schema.PropertyMap())
        {
            if (!members.ContainsKey(property.Key))
            {
                members[property.Key] = property.Value;
            }
        }

        visiting.Remove(schema);
        return members;
    }

    private static IEnumerable<(string Key, IOpenApiSchema Schema)> OwnMembersOf(IOpenApiSchema schema, IOpenApiSchema basePart) =>
        schema.AllOfList().Where(p => p is not null && !ReferenceEquals(p, basePart)).SelectMany(p => p.PropertyMap())
            .Concat(schema.PropertyMap())
            .Select(p => (p.Key, p.Value));

    /// <summary>A redeclared member that the inherited C# member still fits: the same reference, or the same plain type (a new description).</summary>
    private static bool SameShape(IOpenApiSchema? declared, IOpenApiSchema? inherited)
    {
        if (declared is null || inherited is null || IsAnnotationOnly(declared))
        {
            return true;
        }

        if (declared.ReferenceId() is not null || inherited.ReferenceId() is not null)
        {
            return declared.ReferenceId() is { } id && id == inherited.ReferenceId();
        }

        return declared.TypeName() == inherited.TypeName() && declared.Format == inherited.Format && IsPlain(declared) && IsPlain(inherited);

        static bool IsPlain(IOpenApiSchema s) =>
            s.EnumList().Count == 0 && s.PropertyMap().Count == 0 && s.Items is null && s.AllOfList().Count == 0 && s.OneOfList().Count == 0 && s.AnyOfList().Count == 0
            && s.AdditionalProperties is null && s.TypeName() is not (null or "object" or "array");
    }

    /// <summary>The allOf part of <paramref name="schema"/> that refers to its base.</summary>
    public static IOpenApiSchema? BasePart(IOpenApiSchema schema, string baseId) =>
        schema.AllOfList().FirstOrDefault(p => p?.ReferenceId() == baseId);

    /// <summary>
    /// The base record of <paramref name="schema"/> once it is built, else null; <paramref name="waiting"/> is true when
    /// there is a base that is not built yet (the record is built after it).
    /// </summary>
    public RecordModel? BuiltBaseOf(IOpenApiSchema schema, out bool waiting)
    {
        waiting = false;
        if (BaseOf(schema) is not { } id || _componentType(id)?.Name is not { } name)
        {
            return null;
        }

        if (_built.TryGetValue(name, out var built))
        {
            return built.Record;
        }

        waiting = true;
        return null;
    }

    /// <summary>The JSON names of the members a record holds, inherited ones included: a derived record does not declare them again.</summary>
    public IEnumerable<string> JsonNamesOf(RecordModel record) => _built[record.Name].JsonNames;

    /// <summary>The C# names of a record's members, inherited ones and its dictionary of undeclared members included.</summary>
    public IEnumerable<string> MemberNamesOf(RecordModel record) => _built[record.Name].MemberNames;

    /// <summary>The record or a base keeps undeclared members: a derived record keeps them in the same dictionary.</summary>
    public bool HasExtra(RecordModel record) => _built[record.Name].HasExtra;

    /// <summary>
    /// A component with a discriminator that other components derive from keeps the members it does not declare (even
    /// without <c>additionalProperties</c>): an unknown derived type read as it loses nothing and is written back whole.
    /// </summary>
    public bool KeepsUnknownMembers(string pointer)
    {
        if (ComponentIdOf(pointer) is not { } id)
        {
            return false;
        }

        if (_keepUnknownMembers is null)
        {
            _keepUnknownMembers = new HashSet<string>(StringComparer.Ordinal);
            var schemas = _document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
            foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                var baseId = schemas[key] is { } schema && _componentType(key)?.Kind == TypeKind.Object ? BaseOf(schema) : null;
                for (var depth = 0; baseId is not null && depth < 64; depth++)
                {
                    var baseSchema = schemas[baseId];
                    if (!string.IsNullOrEmpty(baseSchema.Discriminator?.PropertyName))
                    {
                        _keepUnknownMembers.Add(baseId);
                    }

                    baseId = BaseOf(baseSchema);
                }
            }
        }

        return _keepUnknownMembers.Contains(id);
    }

    /// <summary>Notes a record built from <paramref name="schema"/> at <paramref name="pointer"/>.</summary>
    public void Add(RecordModel record, IOpenApiSchema schema, string pointer)
    {
        var inherited = record.Base is { } baseName ? _built[baseName] : null;
        var jsonNames = new HashSet<string>(inherited?.JsonNames ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        var memberNames = new HashSet<string>(inherited?.MemberNames ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach (var property in record.Properties)
        {
            jsonNames.Add(property.JsonName);
            memberNames.Add(property.Name);
        }

        if (record.Extra is { } extra)
        {
            memberNames.Add(extra.Name);
        }

        var discriminator = string.IsNullOrEmpty(schema.Discriminator?.PropertyName) ? null : schema.Discriminator!.PropertyName;
        var mapping = new List<(string, string)>();
        foreach (var entry in schema.Discriminator.MappingTargets())
        {
            var target = entry.Value ?? string.Empty;
            var slash = target.LastIndexOf('/');
            mapping.Add((entry.Key, slash >= 0 ? target.Substring(slash + 1).Replace("~1", "/").Replace("~0", "~") : target));
        }

        _built[record.Name] = new Built(record, ComponentIdOf(pointer), discriminator, pointer, mapping, jsonNames, memberNames, record.Extra is not null || inherited?.HasExtra == true);
    }

    private static string? ComponentIdOf(string pointer)
    {
        if (!pointer.StartsWith(Components, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = pointer.Substring(Components.Length);
        return rest.IndexOf('/') >= 0 ? null : rest.Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>
    /// The records with their hierarchies: inherited members, the discriminator each writes, the derived records a value
    /// typed as each reads as. Records outside any hierarchy come back as they were.
    /// </summary>
    public IReadOnlyList<RecordModel> Complete(IReadOnlyList<RecordModel> records)
    {
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Base is { } baseName)
            {
                (children.TryGetValue(baseName, out var list) ? list : children[baseName] = new List<string>()).Add(record.Name);
            }
        }

        if (children.Count == 0)
        {
            return records;
        }

        var byName = records.ToDictionary(r => r.Name, StringComparer.Ordinal);

        // The nearest record up the chain (itself included) whose schema names a discriminator.
        string? OwnerOf(string name)
        {
            for (string? current = name; current is not null; current = byName[current].Base)
            {
                if (_built.TryGetValue(current, out var built) && built.Discriminator is not null)
                {
                    return current;
                }
            }

            return null;
        }

        List<string> DescendantsOf(string name)
        {
            var found = new List<string>();
            var stack = new Stack<string>(new[] { name });
            while (stack.Count > 0)
            {
                foreach (var child in children.TryGetValue(stack.Pop(), out var list) ? list : new List<string>())
                {
                    found.Add(child);
                    stack.Push(child);
                }
            }

            return found;
        }

        int DepthOf(string name)
        {
            var depth = 0;
            for (var current = byName[name].Base; current is not null; current = byName[current].Base)
            {
                depth++;
            }

            return depth;
        }

        // Each discriminator's values: the mapping's first (in its order), then each derived component's own name.
        var values = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var usable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in records.Select(r => r.Name).Where(n => _built.TryGetValue(n, out var b) && b.Discriminator is not null && children.ContainsKey(n)))
        {
            var built = _built[owner];
            var declaring = byName[owner].Members.FirstOrDefault(p => p.JsonName == built.Discriminator);
            if (declaring is not null && declaring.Type.Kind is not (TypeKind.String or TypeKind.Enum))
            {
                // A discriminator is a string; any other member of that name is left as it is.
                continue;
            }

            usable.Add(owner);
            var descendants = new HashSet<string>(DescendantsOf(owner), StringComparer.Ordinal);
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (value, target) in built.Mapping)
            {
                var targetName = _componentType(target) is { Kind: TypeKind.Object, Name: { } n } ? n : null;
                if (targetName is not null && (descendants.Contains(targetName) || targetName == owner) && OwnerOf(targetName) == owner)
                {
                    if (!map.ContainsKey(value))
                    {
                        map[value] = targetName;
                    }
                }
                else
                {
                    _diagnostics.Add(DiagnosticDescriptors.DiscriminatorNotDerived, built.Pointer + "/discriminator/mapping/" + Escape(value), owner, value, target);
                }
            }

            foreach (var name in descendants.OrderBy(n => n, StringComparer.Ordinal))
            {
                if (OwnerOf(name) == owner && _built[name].ComponentId is { } id && !map.Values.Contains(name) && !map.ContainsKey(id))
                {
                    map[id] = name;
                }
            }

            values[owner] = map;
        }

        // The discriminator member of a hierarchy is no longer C#-required: each derived record writes its own value when it is unset.
        var relaxed = new HashSet<(string Record, string Json)>();
        foreach (var owner in usable)
        {
            for (string? current = owner; current is not null; current = byName[current].Base)
            {
                relaxed.Add((current, _built[owner].Discriminator!));
            }
        }

        RecordModel Relax(RecordModel record) =>
            record.Properties.Any(p => p.IsRequired && relaxed.Contains((record.Name, p.JsonName)))
                ? record with { Properties = record.Properties.Select(p => p.IsRequired && relaxed.Contains((record.Name, p.JsonName)) ? p with { IsRequired = false, IsNullable = true } : p).ToEquatableArray() }
                : record;

        var completed = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        RecordModel CompleteOne(string name)
        {
            if (completed.TryGetValue(name, out var done))
            {
                return done;
            }

            var record = Relax(byName[name]);
            var parent = record.Base is { } baseName ? CompleteOne(baseName) : null;
            if (parent is null && !children.ContainsKey(name))
            {
                return completed[name] = record;
            }

            var owner = OwnerOf(name);
            var map = owner is not null && values.TryGetValue(owner, out var found) ? found : null;
            var descendants = DescendantsOf(name);
            var descendantSet = new HashSet<string>(descendants, StringComparer.Ordinal);
            var cases = map is null
                ? new List<HierarchyCaseModel>()
                : map.Where(e => descendantSet.Contains(e.Value)).Select(e => new HierarchyCaseModel(e.Key, e.Value)).OrderBy(c => c.Value, StringComparer.Ordinal).ToList();
            var hierarchy = new HierarchyModel(
                parent?.Members ?? EquatableArray<PropertyModel>.Empty,
                record.Extra ?? parent?.Hierarchy?.Extra,
                IsSealed: !children.ContainsKey(name),
                map is null ? null : _built[owner!].Discriminator,
                map?.FirstOrDefault(e => e.Value == name).Key,
                cases.ToEquatableArray(),
                descendants.OrderByDescending(DepthOf).ThenBy(n => n, StringComparer.Ordinal).ToEquatableArray());
            return completed[name] = record with { Hierarchy = hierarchy };
        }

        return records.Select(r => CompleteOne(r.Name)).ToList();
    }
}
