using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Prints an enum; each member documents the JSON string it stands for.</summary>
internal static class EnumEmitter
{
    public static string Emit(EnumModel model)
    {
        var target = model.Target;
        var writer = FileHeader.Open(target);
        XmlDocs.Summary(writer, model.Description);
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverterAttribute + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Enum, model.Name), target) + "))]");
        writer.OpenBlock(target.Accessibility + " enum " + model.Name);
        foreach (var member in model.Members)
        {
            writer.WriteLine("/// <summary>The JSON value <c>" + XmlDocs.Text(member.JsonValue) + "</c>.</summary>");
            writer.WriteLine(member.Name + ",");
        }

        writer.CloseBlock();
        return FileHeader.Close(writer);
    }
}
