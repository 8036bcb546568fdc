using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Prints a record: immutable <c>init</c> members, <c>required</c> where the schema requires them.</summary>
internal static class RecordEmitter
{
    public static string Emit(RecordModel record)
    {
        var target = record.Target;
        var writer = FileHeader.Open(target);
        XmlDocs.Summary(writer, record.Description);
        if (record.IsDeprecated)
        {
            writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
        }

        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverter + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Object, record.Name), target) + "))]");
        writer.OpenBlock(target.Accessibility + " sealed partial record " + record.Name);
        var first = true;
        foreach (var property in record.Properties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            XmlDocs.Summary(writer, property.Description);
            if (property.IsDeprecated)
            {
                writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
            }

            var required = property.IsRequired ? "required " : string.Empty;
            writer.WriteLine("public " + required + TypeNames.Of(property.Type, target, property.IsNullable) + " " + property.Name + " { get; init; }");
        }

        if (record.Properties.Any(p => p.IsSecret))
        {
            writer.WriteLine();
            WriteRedactedPrintMembers(writer, record);
        }

        writer.CloseBlock();
        return FileHeader.Close(writer);
    }

    /// <summary>The record's <c>ToString()</c> body, with credentials shown as <c>***</c> (or <c>null</c> when unset).</summary>
    private static void WriteRedactedPrintMembers(SourceWriter writer, RecordModel record)
    {
        writer.WriteLine("/// <summary>Prints the members for <c>ToString()</c>, hiding credentials so they never reach a log.</summary>");
        writer.OpenBlock("private bool PrintMembers(" + KnownTypes.StringBuilder + " builder)");
        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            var separator = i == 0 ? string.Empty : ", ";
            var value = property.IsSecret
                ? "(" + property.Name + " is null ? \"null\" : \"***\")"
                : "(object?)" + property.Name;
            writer.WriteLine("builder.Append(\"" + separator + property.Name + " = \").Append(" + value + ");");
        }

        writer.WriteLine("return true;");
        writer.CloseBlock();
    }
}
