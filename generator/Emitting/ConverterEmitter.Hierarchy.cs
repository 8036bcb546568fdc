using System;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The converter of a record in an <c>allOf</c> hierarchy (<see cref="HierarchyModel"/>): <c>ReadValue</c> peeks at the
/// discriminator with a copy of the reader and hands the object to the derived record it names (<c>ReadExact</c>),
/// <c>WriteValue</c> writes a derived value as what it is (<c>WriteExact</c>), and the discriminator is written first.
/// </summary>
internal static partial class ConverterEmitter
{
    /// <summary>
    /// The record as it travels: inherited members first and the discriminator before them all, the base's dictionary
    /// of undeclared members, and an undeclared discriminator skipped on reading (the record writes its own value).
    /// </summary>
    private static RecordModel WireView(RecordModel record)
    {
        if (record.Hierarchy is not { } hierarchy)
        {
            return record;
        }

        var members = record.Members.ToList();
        var discriminator = members.FindIndex(p => p.JsonName == hierarchy.Discriminator);
        if (discriminator > 0)
        {
            var member = members[discriminator];
            members.RemoveAt(discriminator);
            members.Insert(0, member);
        }

        var skipped = discriminator < 0 && hierarchy.Discriminator is { } name && hierarchy.DiscriminatorValue is not null && !record.SkippedMembers.Contains(name)
            ? record.SkippedMembers.Concat(new[] { name }).ToEquatableArray()
            : record.SkippedMembers;
        return record with { Properties = members.ToEquatableArray(), Extra = hierarchy.Extra, SkippedMembers = skipped };
    }

    /// <summary>The value written for an unset discriminator member of a derived record, or null for any other member.</summary>
    private static string? DiscriminatorValueOf(PropertyModel property, HierarchyModel? hierarchy) =>
        hierarchy is { Discriminator: { } name, DiscriminatorValue: { } value } && string.Equals(property.JsonName, name, StringComparison.Ordinal) ? value : null;

    /// <summary>A discriminator no record of the chain declares is written from the record's type, first.</summary>
    private static void WriteUndeclaredDiscriminator(SourceWriter writer, RecordModel record, HierarchyModel? hierarchy)
    {
        if (hierarchy is { Discriminator: { } name, DiscriminatorValue: { } value } && !record.Properties.Any(p => p.JsonName == name))
        {
            writer.WriteLine("writer.WriteString(" + Literals.String(name) + ", " + Literals.String(value) + ");");
        }
    }

    /// <summary>
    /// <c>ReadValue</c> and <c>WriteValue</c> of a hierarchy's record: they choose the derived record, then read or write it
    /// exactly. A direction the client does not use throws instead (its derived records are not used in it either).
    /// </summary>
    private static void WriteDispatch(SourceWriter writer, RecordModel record, HierarchyModel hierarchy, string type, bool reads, bool writes)
    {
        var target = record.Target;
        var read = "internal static " + type + " ReadValue(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options)";
        if (!reads)
        {
            WriteNotRead(writer, record.Name, type, "ReadValue");
        }
        else if (hierarchy.Discriminator is { } discriminator && !hierarchy.Cases.IsEmpty)
        {
            writer.OpenBlock(read);
            writer.OpenBlock("if (reader.TokenType == " + KnownTypes.JsonTokenType + ".StartObject)");
            writer.WriteLine("// A copy of the reader finds the discriminator; the derived record it names reads the whole object. An unknown value reads as this record.");
            writer.WriteLine("var discriminator = " + KnownTypes.UnionJson + ".Discriminator(reader, " + Literals.String(discriminator) + ");");
            foreach (var @case in hierarchy.Cases)
            {
                writer.OpenBlock("if (discriminator is " + Literals.String(@case.Value) + ")");
                writer.WriteLine("return " + TypeNames.Converter(new TypeRef(TypeKind.Object, @case.Record), target) + ".ReadExact(ref reader, options);");
                writer.CloseBlock();
            }

            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return ReadExact(ref reader, options);");
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine(read + " => ReadExact(ref reader, options);");
        }

        writer.WriteLine();
        var write = "internal static void WriteValue(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options)";
        if (!writes)
        {
            WriteNotWritten(writer, record.Name, type, "WriteValue");
            writer.WriteLine();
            return;
        }

        if (hierarchy.Descendants.IsEmpty)
        {
            writer.WriteLine(write + " => WriteExact(writer, value, options);");
            writer.WriteLine();
            return;
        }

        writer.OpenBlock(write);
        writer.WriteLine("// A derived value is written as what it is, the most derived record first.");
        for (var i = 0; i < hierarchy.Descendants.Count; i++)
        {
            var derived = new TypeRef(TypeKind.Object, hierarchy.Descendants[i]);
            writer.OpenBlock("if (value is " + TypeNames.Of(derived, target) + " derived" + i + ")");
            writer.WriteLine(TypeNames.Converter(derived, target) + ".WriteExact(writer, derived" + i + ", options);");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("WriteExact(writer, value, options);");
        writer.CloseBlock();
        writer.WriteLine();
    }
}
