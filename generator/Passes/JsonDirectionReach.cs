using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Decides which halves of each record's and union's converter the generated code needs (<see cref="JsonDirections"/>),
/// from what the generated sides move: for the client, request bodies (JSON, form fields, JSON parts of multipart
/// bodies) and parameters sent as JSON are written; success and error responses, envelope errors, AWS error details,
/// stream items and events, and paging items are read. A direction reaches everything the type holds: its members
/// (inherited ones too), undeclared members, list items and map values, union cases, and, in a hierarchy, the derived
/// records (reading a base may read any derived record, writing it writes what the value is). Enums and the JSON
/// context keep both halves. With <c>JsonDirections="Both"</c> every converter keeps both. A pure step: model in, model out.
/// </summary>
internal static class JsonDirectionReach
{
    /// <summary>The model with <see cref="RecordModel.Directions"/> and <see cref="UnionModel.Directions"/> set.</summary>
    /// <param name="sides">The code generated from the model that moves its types; each side adds the directions it needs (a
    /// server-only document still has its client model: the server mirrors its sends and receipts).</param>
    /// <param name="both">The user asked for both halves of every converter (<c>JsonDirections="Both"</c>).</param>
    public static SpecModel Apply(SpecModel model, GeneratedSides sides, bool both)
    {
        if (both)
        {
            return model;
        }

        var reach = new Reach(model);
        if ((sides & GeneratedSides.Client) != 0)
        {
            // The client writes what it sends and reads what it receives; a server would do the opposite.
            foreach (var type in ClientTypeRoots.Sent(model.Client, asJson: true))
            {
                reach.Add(type, JsonDirections.Write);
            }

            foreach (var type in ClientTypeRoots.Received(model.Client, asJson: true))
            {
                reach.Add(type, JsonDirections.Read);
            }
        }

        if ((sides & GeneratedSides.Server) != 0)
        {
            // The server reads what a client sends and writes what it receives (every declared response among them).
            foreach (var type in ClientTypeRoots.Sent(model.Client, asJson: true))
            {
                reach.Add(type, JsonDirections.Read);
            }

            foreach (var type in ClientTypeRoots.Received(model.Client, asJson: true))
            {
                reach.Add(type, JsonDirections.Write);
            }
        }

        return model with
        {
            Records = model.Records.Select(r => reach.Of(r.Name, reach.Records) is var found && found != r.Directions ? r with { Directions = found } : r).ToEquatableArray(),
            Unions = model.Unions.Select(u => reach.Of(u.Name, reach.Unions) is var found && found != u.Directions ? u with { Directions = found } : u).ToEquatableArray(),
        };
    }

    /// <summary>The directions found so far, by record and union name; a worklist, not recursion, for deep documents.</summary>
    private sealed class Reach
    {
        private readonly Dictionary<string, RecordModel> _records;
        private readonly Dictionary<string, UnionModel> _unions;
        private readonly Stack<(TypeRef Type, JsonDirections Direction)> _pending = new();

        public Reach(SpecModel model)
        {
            _records = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
            foreach (var record in model.Records)
            {
                _records[record.Name] = record;
            }

            _unions = new Dictionary<string, UnionModel>(StringComparer.Ordinal);
            foreach (var union in model.Unions)
            {
                _unions[union.Name] = union;
            }
        }

        public Dictionary<string, JsonDirections> Records { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonDirections> Unions { get; } = new(StringComparer.Ordinal);

        public JsonDirections Of(string name, Dictionary<string, JsonDirections> found) =>
            found.TryGetValue(name, out var directions) ? directions : JsonDirections.None;

        public void Add(TypeRef root, JsonDirections direction)
        {
            _pending.Push((root, direction));
            while (_pending.Count > 0)
            {
                var (type, dir) = _pending.Pop();
                switch (type.Kind)
                {
                    case TypeKind.Object when type.Name is { } name && _records.TryGetValue(name, out var record) && Mark(Records, name, dir):
                        foreach (var member in record.Members)
                        {
                            _pending.Push((member.Type, dir));
                        }

                        if ((record.Extra ?? record.Hierarchy?.Extra) is { } extra)
                        {
                            _pending.Push((extra.ValueType, dir));
                        }

                        if (record.Hierarchy is { } hierarchy)
                        {
                            foreach (var derived in hierarchy.Descendants)
                            {
                                _pending.Push((new TypeRef(TypeKind.Object, derived), dir));
                            }

                            foreach (var @case in hierarchy.Cases)
                            {
                                _pending.Push((new TypeRef(TypeKind.Object, @case.Record), dir));
                            }
                        }

                        break;
                    case TypeKind.Union when type.Name is { } name && _unions.TryGetValue(name, out var union) && Mark(Unions, name, dir):
                        foreach (var @case in union.Cases)
                        {
                            _pending.Push((@case.Type, dir));
                        }

                        break;
                    case TypeKind.Array or TypeKind.Map or TypeKind.Clearable when type.Element is { } element:
                        _pending.Push((element, dir));
                        break;
                }
            }
        }

        /// <summary>Adds <paramref name="direction"/> to the type's; false when it had it already (nothing new to reach).</summary>
        private static bool Mark(Dictionary<string, JsonDirections> found, string name, JsonDirections direction)
        {
            found.TryGetValue(name, out var had);
            if ((had & direction) == direction)
            {
                return false;
            }

            found[name] = had | direction;
            return true;
        }
    }
}
