using System;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// A record that keeps additional properties and is a discriminated case without declaring the discriminator skips
/// the discriminator on reading: otherwise it is kept as an additional value (and fails to read when those are typed),
/// and the union writes it back anyway. Reading such a record alone skips a member of that name too. A derived record
/// keeps additional properties in its base's dictionary (<see cref="HierarchyModel.Extra"/>). A pure step:
/// model in, model out.
/// </summary>
internal static class DiscriminatorSkipping
{
    /// <summary>The model with <see cref="RecordModel.SkippedMembers"/> set on every such record.</summary>
    public static SpecModel Apply(SpecModel model)
    {
        var skipped = model.Unions
            .Where(u => u.Discriminator is not null)
            .SelectMany(u => u.Cases.Where(c => c.WritesDiscriminator && c.Type.Kind == TypeKind.Object).Select(c => (Record: c.Type.Name!, Name: u.Discriminator!)))
            .GroupBy(x => x.Record, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(), StringComparer.Ordinal);
        return skipped.Count == 0
            ? model
            : model with { Records = model.Records.Select(r => (r.Extra ?? r.Hierarchy?.Extra) is not null && skipped.TryGetValue(r.Name, out var names) ? r with { SkippedMembers = names } : r).ToEquatableArray() };
    }
}
