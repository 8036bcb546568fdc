using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Prints a record: immutable <c>init</c> members, <c>required</c> where the schema requires them.</summary>
internal static partial class RecordEmitter
{
    public static void Write(RecordModel record, SourceWriter writer)
    {
        var target = record.Target;
        FileHeader.OpenNamespace(writer, target);
        XmlDocs.Summary(writer, record.Description);
        if (record.IsDeprecated)
        {
            writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
        }

        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverter + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Object, record.Name), target) + "))]");
        writer.OpenBlock(target.Accessibility + " " + Declaration(record));
        var first = true;
        foreach (var property in record.Properties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            XmlDocs.Summary(writer, property.Description);
            WriteRemarks(writer, property);
            // C# forbids [Obsolete] on a required member (CS9042): there the remarks say it instead.
            if (property.IsDeprecated && !property.IsRequired)
            {
                writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
            }

            // A member with one possible value is set for the user, so it is not required of them.
            var required = property.IsRequired && property.ConstantValue is null ? "required " : string.Empty;
            var initializer = property.ConstantValue is { } constant ? " = " + LiteralCode.Of(constant, property.Type, target) + ";" : string.Empty;
            writer.WriteLine("public " + required + TypeNames.Of(property.Type, target, property.IsNullable) + " " + property.Name + " { get; init; }" + initializer);
        }

        if (record.Extra is { } extra)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>JSON members the document does not declare (<c>additionalProperties</c>), kept as they came and written back after the declared ones.</summary>");
            writer.WriteLine("public " + TypeNames.Of(extra.Map, target, nullable: true) + " " + extra.Name + " { get; init; }");
        }

        if (record.Properties.Any(p => p.IsSecret))
        {
            writer.WriteLine();
            WriteRedactedPrintMembers(writer, record);
        }

        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>Which way the member travels, the service's default, the one value it may hold and a deprecation <c>[Obsolete]</c> cannot carry, as the schema says.</summary>
    private static void WriteRemarks(SourceWriter writer, PropertyModel property)
    {
        var remarks = property.Access switch
        {
            MemberAccess.ReadOnly => "Set by the service (<c>readOnly</c>): leave it unset in requests, and it is not sent.",
            MemberAccess.WriteOnly => "Sent to the service only (<c>writeOnly</c>): responses leave it unset.",
            _ => null,
        };
        if (property.IsDeprecated && property.IsRequired)
        {
            remarks = "Deprecated in the OpenAPI document." + (remarks is null ? string.Empty : " " + remarks);
        }

        if (property.DefaultJson is { } json)
        {
            var text = OneLine(json);
            remarks = (remarks is null ? string.Empty : remarks + " ") + "When unset, the service uses the default <c>" + text + "</c>."
                + (property.DefaultValue is null ? string.Empty : " A response without it reads as this default.");
        }

        if (property.ConstantValue is { } constant)
        {
            remarks = (remarks is null ? string.Empty : remarks + " ") + "The only value the document allows, <c>" + OneLine(constant.Json) + "</c>: set for you.";
        }

        if (property.DeclaredValue is { } declared)
        {
            remarks = (remarks is null ? string.Empty : remarks + " ") + "The document declares one value: <c>\"" + OneLine(declared) + "\"</c>.";
        }

        if (remarks is not null)
        {
            writer.WriteLine("/// <remarks>" + remarks + "</remarks>");
        }
    }

    /// <summary>Escaped XML text on one line whatever the value holds: a line terminator would end the comment.</summary>
    private static string OneLine(string json) =>
        XmlDocs.Text(json).Replace('\r', ' ').Replace('\n', ' ').Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    /// <summary>The record's <c>ToString()</c> body, with credentials shown as <c>***</c> (or <c>null</c> when unset).</summary>
    private static void WriteRedactedPrintMembers(SourceWriter writer, RecordModel record)
    {
        writer.WriteLine("/// <summary>Prints the members for <c>ToString()</c>, hiding credentials so they never reach a log.</summary>");
        writer.OpenBlock(PrintMembersSignature(record) + "(" + KnownTypes.StringBuilder + " builder)");
        WritePrintBaseMembers(writer, record);
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
