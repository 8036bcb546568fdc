using System;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints a <see cref="TypeFileModel"/>: one header, then each type's own output (its declaration, then its converter)
/// as the type's emitter prints it, without the header every one of them starts with.
/// </summary>
internal static class TypeFileEmitter
{
    public static string Emit(TypeFileModel file)
    {
        var builder = new StringBuilder(64 * 1024);
        builder.Append(FileHeader.Text);
        foreach (var record in file.Records)
        {
            Append(builder, RecordEmitter.Emit(record));
            Append(builder, ConverterEmitter.Emit(record));
        }

        foreach (var model in file.Enums)
        {
            Append(builder, EnumEmitter.Emit(model));
            Append(builder, ConverterEmitter.Emit(model));
        }

        foreach (var union in file.Unions)
        {
            Append(builder, UnionEmitter.Emit(union));
            Append(builder, UnionConverterEmitter.Emit(union));
        }

        return builder.ToString();
    }

    /// <summary>Appends the namespace block of one emitter's file, separated from the previous one by a blank line.</summary>
    private static void Append(StringBuilder builder, string source)
    {
        if (!source.StartsWith(FileHeader.Text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A generated type does not start with the file header.");
        }

        if (builder.Length > FileHeader.Text.Length)
        {
            builder.Append('\n');
        }

        builder.Append(source, FileHeader.Text.Length, source.Length - FileHeader.Text.Length);
    }
}
