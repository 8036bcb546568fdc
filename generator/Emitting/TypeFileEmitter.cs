using System;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints a <see cref="TypeFileModel"/>: one header, then each type's namespace block (its declaration, then its
/// converter) as the type's emitter prints it, appended straight into the file (<see cref="SourceWriter.AppendTo"/>).
/// </summary>
internal static class TypeFileEmitter
{
    public static string Emit(TypeFileModel file)
    {
        var builder = new StringBuilder(64 * 1024);
        builder.Append(FileHeader.Text);
        using (SourceWriter.AppendTo(builder))
        {
            foreach (var record in file.Records)
            {
                Part(builder, () => RecordEmitter.Emit(record));
                Part(builder, () => ConverterEmitter.Emit(record));
            }

            foreach (var model in file.Enums)
            {
                Part(builder, () => EnumEmitter.Emit(model));
                Part(builder, () => ConverterEmitter.Emit(model));
            }

            foreach (var union in file.Unions)
            {
                Part(builder, () => UnionEmitter.Emit(union));
                Part(builder, () => UnionConverterEmitter.Emit(union));
            }
        }

        return builder.ToString();
    }

    /// <summary>Runs one emitter into the file, after a blank line when a block came before.</summary>
    private static void Part(StringBuilder builder, Func<string> emit)
    {
        if (builder.Length > FileHeader.Text.Length)
        {
            builder.Append('\n');
        }

        if (emit().Length != 0)
        {
            throw new InvalidOperationException("A type's emitter wrote a file of its own instead of appending to its letter's file.");
        }
    }
}
