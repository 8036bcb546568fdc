using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Decides which records get a check (<see cref="RecordModel.Validates"/>): those with constraints of their own and
/// those that hold such a record, through members, lists and maps at any depth. Then marks every member, parameter
/// and body that leads to a checked record (<see cref="ConstraintsModel.Nested"/>, <see cref="ConstraintsModel.Element"/>),
/// so the emitters only print the walk. Records with nothing to check are left as they are: no <c>Validate()</c>, no
/// cost. Values inside union cases and undeclared members (<c>additionalProperties</c> beside properties) are not walked.
/// A pure step: model in, model out.
/// </summary>
internal static class ValidationReach
{
    public static SpecModel Apply(SpecModel model)
    {
        var validating = Validating(model.Records);
        if (validating.Count == 0 && !model.Client.Operations.Any(o => o.Parameters.Any(p => p.Constraints is not null)))
        {
            return model;
        }

        var records = model.Records.Select(r => validating.Contains(r.Name)
            ? r with { Validates = true, Properties = r.Properties.Select(p => p with { Constraints = Walk(p.Type, p.Constraints, validating) }).ToEquatableArray() }
            : r).ToEquatableArray();
        var operations = model.Client.Operations.Select(o => o with
        {
            Parameters = o.Parameters.Select(p => p with { Constraints = Walk(p.Type, p.Constraints, validating) }).ToEquatableArray(),
            Body = o.Body is { Kind: BodyKind.Json or BodyKind.Form } body ? body with { Constraints = Walk(body.Type, null, validating) } : o.Body,
        }).ToEquatableArray();
        return model with { Records = records, Client = model.Client with { Operations = operations } };
    }

    /// <summary>The names of the records with something to check, found by growing the set until it stops changing.</summary>
    private static HashSet<string> Validating(EquatableArray<RecordModel> records)
    {
        var validating = new HashSet<string>(records.Where(r => r.Properties.Any(p => HasOwnChecks(p.Constraints))).Select(r => r.Name), StringComparer.Ordinal);
        var derived = records.Where(r => r.Base is not null).ToLookup(r => r.Base!, r => r.Name, StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var record in records)
            {
                if (!validating.Contains(record.Name) && (record.Properties.Any(p => Reaches(p.Type, validating)) || InCheckedHierarchy(record, derived, validating)))
                {
                    validating.Add(record.Name);
                    grew = true;
                }
            }
        }
        while (grew);

        return validating;
    }

    // A hierarchy is checked as a whole: a derived record's check extends its base's, and a value typed as the base that
    // is really a derived record must check the derived members too (a virtual call), so the base needs a check as well.
    private static bool InCheckedHierarchy(RecordModel record, ILookup<string, string> derived, HashSet<string> validating) =>
        (record.Base is { } baseName && validating.Contains(baseName)) || derived[record.Name].Any(validating.Contains);

    private static bool HasOwnChecks(ConstraintsModel? constraints) =>
        constraints is not null && (constraints.HasOwnChecks || HasOwnChecks(constraints.Element));

    private static bool Reaches(TypeRef type, HashSet<string> validating) => type.Kind switch
    {
        TypeKind.Object => validating.Contains(type.Name!),
        TypeKind.Array or TypeKind.Map => Reaches(type.Element!, validating),
        _ => false,
    };

    /// <summary>The constraints of a value of <paramref name="type"/> with the walk into checked records added; null when nothing is checked.</summary>
    private static ConstraintsModel? Walk(TypeRef type, ConstraintsModel? constraints, HashSet<string> validating)
    {
        var walked = type.Kind switch
        {
            TypeKind.Object when validating.Contains(type.Name!) => (constraints ?? new ConstraintsModel()) with { Nested = true },
            TypeKind.Array or TypeKind.Map when Walk(type.Element!, constraints?.Element, validating) is { } element =>
                (constraints ?? new ConstraintsModel()) with { Element = element },
            _ => constraints,
        };
        return walked is { IsEmpty: false } ? walked : null;
    }
}
