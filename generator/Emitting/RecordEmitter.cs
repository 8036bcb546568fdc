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
        writer.WriteLine("[" + KnownTypes.JsonConverterAttribute + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Object, record.Name), target) + "))]");
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

        writer.CloseBlock();
        return FileHeader.Close(writer);
    }
}
