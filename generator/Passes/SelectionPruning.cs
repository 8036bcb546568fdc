using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Keeps the operations an <see cref="OperationSelection"/> selects and only the types they reach. It runs after the
/// other passes, on the model of the whole document, so that every name (types, methods and their twins, JSON context
/// properties, skipped discriminators, validation) is the one the whole document gives: a kept type or method prints
/// byte for byte as it does without a selection. A pure step: model in, model out.
/// </summary>
/// <remarks>
/// What an operation reaches: its parameters, body and multipart parts, result, errors, stream items and events, and
/// paged items; the envelope it is read through and that envelope's error; and, for every operation, the AWS errors
/// (the service's exceptions, which any call can raise). From there, transitively: record members, additional
/// members, bases, every record derived from a kept record (a discriminator or a write of the real type may produce
/// it), union cases, and the elements of lists, maps and clearable values.
/// </remarks>
internal static class SelectionPruning
{
    /// <summary>The model with only the selected operations and what they reach; <paramref name="filter"/> remembers which entries matched.</summary>
    public static SpecModel Apply(SpecModel model, OperationFilter filter)
    {
        var client = model.Client;
        var operations = client.Operations.Where(filter.Keeps).ToEquatableArray();
        var envelopeFields = new HashSet<string>(operations.Select(o => o.Response.EnvelopeField).Where(f => f is not null).Select(f => f!), StringComparer.Ordinal);
        var envelopes = client.Envelopes.Where(e => envelopeFields.Contains(e.FieldName)).ToEquatableArray();
        var securityFields = new HashSet<string>(operations.Select(o => o.SecurityField).Where(f => f is not null).Select(f => f!), StringComparer.Ordinal);
        var kept = client with
        {
            Operations = operations,
            Envelopes = envelopes,
            Security = client.Security is not { } security ? null : security with
            {
                // A requirement list no kept operation sends would be an unused field; the schemes stay, as options.
                Requirements = security.Requirements.Where(r => securityFields.Contains(r.FieldName)).ToEquatableArray(),
            },
        };

        var reach = new TypeReach(model);
        foreach (var root in ClientTypeRoots.Sent(kept, asJson: false).Concat(ClientTypeRoots.Received(kept, asJson: false)))
        {
            reach.Add(root);
        }

        reach.Close();
        var topLevel = new HashSet<TypeRef>(JsonContextNaming.TopLevelTypes(kept));
        var records = model.Records.Where(r => reach.Names.Contains(r.Name)).ToEquatableArray();
        var unions = model.Unions.Where(u => reach.Names.Contains(u.Name)).ToEquatableArray();
        var types = model.JsonContext.Types
            .Where(t => t.Type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union ? reach.Names.Contains(t.Type.Name!) : topLevel.Contains(t.Type))
            .ToEquatableArray();
        return model with
        {
            Records = records,
            Enums = model.Enums.Where(e => reach.Names.Contains(e.Name)).ToEquatableArray(),
            Unions = unions,
            Client = kept,
            JsonContext = model.JsonContext with
            {
                Types = types,
                Collections = JsonContextNaming.Collections(records, unions, types.Select(t => t.Type)),
            },
        };
    }

    /// <summary>The names of the generated types in <paramref name="model"/> (records, enums, unions).</summary>
    public static HashSet<string> TypeNames(SpecModel model) =>
        new(model.Records.Select(r => r.Name).Concat(model.Enums.Select(e => e.Name)).Concat(model.Unions.Select(u => u.Name)), StringComparer.Ordinal);

    /// <summary>The generated types reachable from the roots given, closed over members, cases, elements and hierarchies.</summary>
    private sealed class TypeReach
    {
        private readonly Dictionary<string, RecordModel> _records;
        private readonly Dictionary<string, UnionModel> _unions;
        private readonly ILookup<string, string> _derived;
        private readonly Stack<string> _pending = new();

        public TypeReach(SpecModel model)
        {
            _records = model.Records.ToDictionary(r => r.Name, StringComparer.Ordinal);
            _unions = model.Unions.ToDictionary(u => u.Name, StringComparer.Ordinal);
            _derived = model.Records.Where(r => r.Base is not null).ToLookup(r => r.Base!, r => r.Name, StringComparer.Ordinal);
        }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public void Add(TypeRef? type)
        {
            for (var current = type; current is not null; current = current.Element)
            {
                if (current.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union && current.Name is { } name)
                {
                    AddName(name);
                }
            }
        }

        public void Close()
        {
            while (_pending.Count > 0)
            {
                var name = _pending.Pop();
                if (_records.TryGetValue(name, out var record))
                {
                    foreach (var member in record.Members)
                    {
                        Add(member.Type);
                    }

                    Add(record.Extra?.ValueType);
                    Add(record.Hierarchy?.Extra?.ValueType);
                    if (record.Base is { } baseName)
                    {
                        AddName(baseName);
                    }

                    foreach (var derived in _derived[name])
                    {
                        AddName(derived);
                    }

                    foreach (var descendant in record.Hierarchy?.Descendants ?? EquatableArray<string>.Empty)
                    {
                        AddName(descendant);
                    }

                    foreach (var @case in record.Hierarchy?.Cases ?? EquatableArray<HierarchyCaseModel>.Empty)
                    {
                        AddName(@case.Record);
                    }
                }
                else if (_unions.TryGetValue(name, out var union))
                {
                    foreach (var @case in union.Cases)
                    {
                        Add(@case.Type);
                    }
                }
            }
        }

        private void AddName(string name)
        {
            if (Names.Add(name))
            {
                _pending.Push(name);
            }
        }
    }
}
