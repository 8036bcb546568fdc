using System.Collections.Generic;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// One generated file of types: the records, enums and unions whose names start with the same letter, each with its
/// converter. Roslyn re-adds every generated file on every run, cached or not, checking each name against all the
/// names before it; one file per type made an unrelated C# edit cost 14 ms on Lightsail (911 files), and adding Stripe's
/// 6,190 files took 19% of a generator run in a profile. At most 27 type files per document keeps an edit under a millisecond,
/// and a spec edit re-emits only the letters that changed.
/// </summary>
internal sealed record TypeFileModel(
    EmitTarget Target, string Name, EquatableArray<RecordModel> Records, EquatableArray<EnumModel> Enums, EquatableArray<UnionModel> Unions)
{
    /// <summary>The files of a document's types, in ordinal order of their names; types keep the model's ordinal order.</summary>
    public static EquatableArray<TypeFileModel> Of(SpecModel model)
    {
        var groups = new SortedDictionary<string, (List<RecordModel> Records, List<EnumModel> Enums, List<UnionModel> Unions)>(System.StringComparer.Ordinal);
        foreach (var record in model.Records)
        {
            Group(groups, record.Name).Records.Add(record);
        }

        foreach (var item in model.Enums)
        {
            Group(groups, item.Name).Enums.Add(item);
        }

        foreach (var union in model.Unions)
        {
            Group(groups, union.Name).Unions.Add(union);
        }

        var files = new List<TypeFileModel>(groups.Count);
        foreach (var pair in groups)
        {
            files.Add(new TypeFileModel(model.Target, pair.Key, pair.Value.Records.ToEquatableArray(), pair.Value.Enums.ToEquatableArray(), pair.Value.Unions.ToEquatableArray()));
        }

        return files.ToEquatableArray();
    }

    /// <summary>The file a type goes in: its first letter (names are PascalCase identifiers), or <c>_</c> for anything else.</summary>
    public static string FileNameOf(string typeName)
    {
        var first = typeName.Length > 0 ? char.ToUpperInvariant(typeName[0]) : '_';
        return first is >= 'A' and <= 'Z' ? first.ToString() : "_";
    }

    private static (List<RecordModel> Records, List<EnumModel> Enums, List<UnionModel> Unions) Group(
        SortedDictionary<string, (List<RecordModel>, List<EnumModel>, List<UnionModel>)> groups, string typeName)
    {
        var name = FileNameOf(typeName);
        if (!groups.TryGetValue(name, out var group))
        {
            groups[name] = group = (new List<RecordModel>(), new List<EnumModel>(), new List<UnionModel>());
        }

        return group;
    }
}
