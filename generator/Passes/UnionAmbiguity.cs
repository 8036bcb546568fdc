using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>Two cases of a union that accept the same JSON: on reading, the first declared wins.</summary>
internal sealed record AmbiguousCases(UnionModel Union, UnionCaseModel First, UnionCaseModel Second);

/// <summary>
/// Finds the union cases that cannot be told apart when JSON is read. Ambiguity only matters when JSON is read into
/// the union: a union the client only ever writes (Stripe's request bodies) knows its case; every other one counts,
/// including unused components a caller may read. A pure step: it reads the model and changes nothing.
/// </summary>
internal static class UnionAmbiguity
{
    /// <summary>The ambiguous pairs, union by union in the model's order, each union's pairs in case order.</summary>
    public static IReadOnlyList<AmbiguousCases> Find(SpecModel model)
    {
        var client = model.Client;
        var records = model.Records.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var unions = model.Unions.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var read = Reachable(records, unions, client.Operations.SelectMany(o => new[] { o.Response.Type }.Concat(o.Errors.Select(e => (TypeRef?)e.Type)))
            .Concat(client.Envelopes.Select(e => (TypeRef?)e.ErrorType))
            .Concat(client.Aws is null ? Enumerable.Empty<TypeRef?>() : client.Aws.Errors.Select(e => e.Details)));
        var written = Reachable(records, unions, client.Operations.SelectMany(o => o.Parameters.Select(p => (TypeRef?)p.Type)
            .Concat(new[] { o.Body?.Type })
            .Concat(o.Body is null ? Enumerable.Empty<TypeRef?>() : o.Body.Fields.Select(f => (TypeRef?)f.Type))));
        var result = new List<AmbiguousCases>();
        foreach (var union in model.Unions)
        {
            if (read.Contains(union.Name) || !written.Contains(union.Name))
            {
                AddAmbiguousCases(union, result);
            }
        }

        return result;
    }

    /// <summary>The names of the records and unions reachable from <paramref name="roots"/> through members, items and cases.</summary>
    private static HashSet<string> Reachable(Dictionary<string, RecordModel> records, Dictionary<string, UnionModel> unions, IEnumerable<TypeRef?> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(roots.Where(t => t is not null)!);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }
            else if (type.Kind == TypeKind.Object && seen.Add(type.Name!) && records.TryGetValue(type.Name!, out var record))
            {
                foreach (var property in record.Members)
                {
                    pending.Push(property.Type);
                }

                if (record.Extra is { } extra)
                {
                    pending.Push(extra.ValueType);
                }
            }
            else if (type.Kind == TypeKind.Union && seen.Add(type.Name!) && unions.TryGetValue(type.Name!, out var union))
            {
                foreach (var @case in union.Cases)
                {
                    pending.Push(@case.Type);
                }
            }
        }

        return seen;
    }

    private static void AddAmbiguousCases(UnionModel union, List<AmbiguousCases> result)
    {
        var cases = union.Cases;
        for (var i = 0; i < cases.Count; i++)
        {
            for (var j = i + 1; j < cases.Count; j++)
            {
                var (a, b) = (cases[i], cases[j]);
                if (a.Token != b.Token)
                {
                    continue;
                }

                var ambiguous = a.Token != UnionToken.Object
                    || (union.Discriminator is null || a.DiscriminatorValues.IsEmpty || b.DiscriminatorValues.IsEmpty)
                        && a.Required.SequenceEqual(b.Required) && new HashSet<string>(a.Known).SetEquals(b.Known)
                        && !HaveContradictingMember(a, b);
                if (ambiguous)
                {
                    result.Add(new AmbiguousCases(union, a, b));
                }
            }
        }
    }

    /// <summary>
    /// Two object cases with the same member names are still told apart at run time when a shared member cannot hold the
    /// same JSON in both (a list of objects against a list of strings, <c>object: card</c> against <c>object: bank_account</c>).
    /// </summary>
    private static bool HaveContradictingMember(UnionCaseModel a, UnionCaseModel b)
    {
        foreach (var x in a.Members)
        {
            var y = b.Members.FirstOrDefault(m => m.Name == x.Name);
            if (y is null)
            {
                continue;
            }

            var kindsDiffer = x.Kinds != 0 && y.Kinds != 0 && (x.Kinds & y.Kinds & ~JsonKindFlags.Null) == 0;
            var itemsDiffer = x.ItemKinds != 0 && y.ItemKinds != 0 && (x.ItemKinds & y.ItemKinds & ~JsonKindFlags.Null) == 0;
            var valuesDiffer = !x.Values.IsEmpty && !y.Values.IsEmpty && !x.Values.Any(v => y.Values.Contains(v));
            if (kindsDiffer || itemsDiffer || valuesDiffer)
            {
                return true;
            }
        }

        return false;
    }
}
