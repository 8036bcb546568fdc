using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints a <see cref="TypeFileModel"/>: one header, then each type's namespace block (its declaration, then its
/// converter), every type's emitter writing into the file's one writer, a blank line between blocks.
/// </summary>
internal static class TypeFileEmitter
{
    // In a hierarchy every record is checked (ValidationReach), so a derived record's check can always extend its base's.
    private static ValidationInheritance InheritanceOf(RecordModel record) =>
        record.Base is not null ? ValidationInheritance.Derived
        : record.Hierarchy is { IsSealed: false } ? ValidationInheritance.Base
        : ValidationInheritance.None;

    public static void Write(TypeFileModel file, SourceWriter writer)
    {
        FileHeader.Write(writer);
        var first = true;
        foreach (var record in file.Records)
        {
            Separate(writer, ref first);
            RecordEmitter.Write(record, writer);
            if (record.Validates)
            {
                Separate(writer, ref first);
                ValidationEmitter.Write(record, writer, InheritanceOf(record));
            }

            Separate(writer, ref first);
            ConverterEmitter.Write(record, writer);
        }

        foreach (var model in file.Enums)
        {
            Separate(writer, ref first);
            EnumEmitter.Write(model, writer);
            Separate(writer, ref first);
            EnumConverterEmitter.Write(model, writer);
        }

        foreach (var union in file.Unions)
        {
            Separate(writer, ref first);
            UnionEmitter.Write(union, writer);
            Separate(writer, ref first);
            UnionConverterEmitter.Write(union, writer);
        }
    }

    /// <summary>A blank line before every block but the first.</summary>
    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.WriteLine();
        }

        first = false;
    }
}
