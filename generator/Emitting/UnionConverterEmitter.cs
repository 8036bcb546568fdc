using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the JsonConverter of a union. Reading picks the case by the discriminator (read from a copy of the reader)
/// or by the JSON token, then among object cases by required and known members; writing writes the case's value
/// as it came, adding the discriminator when the case's record does not declare it.
/// </summary>
internal static class UnionConverterEmitter
{
    private const string Token = KnownTypes.JsonTokenType;

    public static void Write(UnionModel union, SourceWriter writer)
    {
        var target = union.Target;
        var type = TypeNames.Of(new TypeRef(TypeKind.Union, union.Name), target);
        ConverterEmitter.OpenConverter(writer, target, union.Name, type);
        var reads = (union.Directions & JsonDirections.Read) != 0;
        var writes = (union.Directions & JsonDirections.Write) != 0;
        var objects = union.Cases.Where(c => c.Token == UnionToken.Object).ToList();
        var scored = objects.Count > 1 && (union.Discriminator is null || objects.All(o => o.DiscriminatorValues.IsEmpty));
        if (scored && reads)
        {
            for (var i = 0; i < union.Cases.Count; i++)
            {
                var @case = union.Cases[i];
                if (@case.Token == UnionToken.Object)
                {
                    writer.WriteLine("private static readonly string[] s_required" + i + " = " + StringArray(@case.Required) + ";");
                    writer.WriteLine("private static readonly string[] s_known" + i + " = " + StringArray(@case.Known) + ";");
                    writer.WriteLine("private static readonly " + KnownTypes.UnionMember + "[] s_members" + i + " = " + MemberArray(@case.Members) + ";");
                }
            }

            writer.WriteLine();
        }

        writer.WriteLine($$"""
            public override {{type}} Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => ReadValue(ref reader, options);

            public override void Write({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => WriteValue(writer, value, options);

            """);
        var size = union.Cases.Count + union.Cases.Sum(c => c.DiscriminatorValues.Count);
        NullableAnalysis.Suspend(writer, size);
        // A direction the client does not use (JsonDirections) is one line that throws.
        if (reads)
        {
            WriteRead(writer, union, type, scored);
        }
        else
        {
            ConverterEmitter.WriteNotRead(writer, union.Name, type, "ReadValue");
        }

        writer.WriteLine();
        if (writes)
        {
            WriteWrite(writer, union, type);
        }
        else
        {
            ConverterEmitter.WriteNotWritten(writer, union.Name, type, "WriteValue");
        }

        if (union.Cases.All(c => c.IsScalar))
        {
            writer.WriteLine();
            WriteToJsonValue(writer, union, type);
        }

        NullableAnalysis.Resume(writer, size);

        ConverterEmitter.CloseConverter(writer);
    }

    private static void WriteRead(SourceWriter writer, UnionModel union, string type, bool scored)
    {
        var cases = union.Cases;
        var unionName = Literals.String(union.Name);
        writer.OpenBlock("internal static " + type + " ReadValue(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options)");
        WriteTokenBranch(writer, union, type, UnionToken.String, Token + ".String");
        WriteNumberBranch(writer, union, type);
        WriteTokenBranch(writer, union, type, UnionToken.Boolean, Token + ".True or " + Token + ".False");
        WriteTokenBranch(writer, union, type, UnionToken.Array, Token + ".StartArray");
        var objects = Indexed(cases, UnionToken.Object).ToList();
        if (objects.Count > 0)
        {
            writer.OpenBlock("if (reader.TokenType == " + Token + ".StartObject)");
            if (!scored && union.Discriminator is { } discriminator && objects.Any(o => !o.Case.DiscriminatorValues.IsEmpty))
            {
                writer.WriteLine("// A copy of the reader finds the discriminator; the chosen case then reads the whole object.");
                writer.WriteLine("var discriminator = " + KnownTypes.UnionJson + ".Discriminator(reader, " + Literals.String(discriminator) + ");");
                // One test per value, not one pattern of a case's values ("a" or "b" or …), whose compile time grows with the square of their number.
                foreach (var (@case, _) in objects.Where(o => !o.Case.DiscriminatorValues.IsEmpty))
                {
                    foreach (var value in @case.DiscriminatorValues)
                    {
                        writer.OpenBlock("if (discriminator is " + Literals.String(value) + ")");
                        writer.WriteLine("return " + Create(union, type, @case) + ";");
                        writer.CloseBlock();
                        writer.WriteLine();
                    }
                }

                writer.WriteLine("throw " + KnownTypes.UnionJson + ".UnknownDiscriminator(" + unionName + ", " + Literals.String(discriminator) + ", discriminator);");
            }
            else if (scored)
            {
                writer.WriteLine("// A copy of the reader samples the members; the case whose required members are present, whose members hold what");
                writer.WriteLine("// it declares, and which knows the most members wins.");
                writer.WriteLine("var present = " + KnownTypes.UnionJson + ".Sample(reader);");
                writer.WriteLine("int best = -1, bestScore = -1, score;");
                foreach (var (_, index) in objects)
                {
                    writer.OpenBlock("if ((score = " + KnownTypes.UnionJson + ".Score(present, s_required" + index + ", s_known" + index + ", s_members" + index + ")) > bestScore)");
                    writer.WriteLine("(best, bestScore) = (" + index + ", score);");
                    writer.CloseBlock();
                    writer.WriteLine();
                }

                // Flat tests, not a switch: the compiler's time grows with the square of a switch's cases.
                foreach (var (@case, index) in objects)
                {
                    writer.OpenBlock("if (best == " + index + ")");
                    writer.WriteLine("return " + Create(union, type, @case) + ";");
                    writer.CloseBlock();
                    writer.WriteLine();
                }
            }
            else
            {
                writer.WriteLine("return " + Create(union, type, objects[0].Case) + ";");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        // Free-form JSON (or a nested union) takes whatever no other case did.
        var fallback = cases.FirstOrDefault(c => c.Token == UnionToken.Any);
        writer.WriteLine(fallback is null
            ? "throw " + KnownTypes.UnionJson + ".NoMatch(" + unionName + ", reader.TokenType);"
            : "return " + Create(union, type, fallback) + ";");
        writer.CloseBlock();
    }

    private static void WriteTokenBranch(SourceWriter writer, UnionModel union, string type, UnionToken token, string tokens)
    {
        // The first declared case of a token kind wins; a second one was reported as ambiguous (CTR113).
        var @case = union.Cases.FirstOrDefault(c => c.Token == token);
        if (@case is null)
        {
            return;
        }

        writer.OpenBlock("if (reader.TokenType is " + tokens + ")");
        writer.WriteLine("return " + Create(union, type, @case) + ";");
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>Integers go to an integer case when they fit it, everything else to a number case.</summary>
    private static void WriteNumberBranch(SourceWriter writer, UnionModel union, string type)
    {
        var integer = union.Cases.FirstOrDefault(c => c.Token == UnionToken.Integer);
        var number = union.Cases.FirstOrDefault(c => c.Token == UnionToken.Number);
        if (integer is null && number is null)
        {
            return;
        }

        writer.OpenBlock("if (reader.TokenType == " + Token + ".Number)");
        if (integer is not null && number is not null)
        {
            var fits = integer.Type.Kind == TypeKind.Int32 ? "reader.TryGetInt32(out _)" : "reader.TryGetInt64(out _)";
            writer.WriteLine("return " + fits + " ? " + Create(union, type, integer) + " : " + Create(union, type, number) + ";");
        }
        else
        {
            writer.WriteLine("return " + Create(union, type, (integer ?? number)!) + ";");
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>An expression writing a discriminated case's object to <c>inner</c> (a record's converter, or a free-form object as it came).</summary>
    private static string WriteInner(TypeRef type, EmitTarget target, string value) => type.Kind switch
    {
        TypeKind.Any => value + ".WriteTo(inner)",
        TypeKind.Map => "Write_" + type.Moniker + "(inner, " + value + ", options)",
        _ => TypeNames.Converter(type, target) + ".WriteValue(inner, " + value + ", options)",
    };

    private static void WriteWrite(SourceWriter writer, UnionModel union, string type)
    {
        var target = union.Target;
        writer.OpenBlock("internal static void WriteValue(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options)");
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            var value = "case" + i + ".Value";
            writer.OpenBlock("if (value is " + type + "." + @case.Name + " case" + i + ")");
            if (@case.WritesDiscriminator)
            {
                // The case's record does not declare the discriminator: it is added so the JSON round-trips.
                writer.WriteLine(KnownTypes.UnionJson + ".WriteWithDiscriminator(writer, " + Literals.String(union.Discriminator!) + ", " + Literals.String(@case.DiscriminatorValues[0])
                    + ", inner => " + WriteInner(@case.Type, target, value) + ");");
            }
            else
            {
                writer.WriteLine(JsonCode.WriteValue(@case.Type, target, value));
            }

            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("throw new global::System.InvalidOperationException(" + Literals.String("Unknown case of " + union.Name + ".") + ");");
        writer.CloseBlock();
    }

    private static void WriteToJsonValue(SourceWriter writer, UnionModel union, string type)
    {
        writer.WriteLine("/// <summary>The value of the case as a string, for parameters sent in URLs and headers.</summary>");
        writer.OpenBlock("internal static string ToJsonValue(" + type + " value)");
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            writer.OpenBlock("if (value is " + type + "." + @case.Name + " case" + i + ")");
            writer.WriteLine("return " + ParameterCode.Format(@case.Type, union.Target, "case" + i + ".Value") + ";");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("throw new global::System.InvalidOperationException(" + Literals.String("Unknown case of " + union.Name + ".") + ");");
        writer.CloseBlock();
    }

    private static string Create(UnionModel union, string type, UnionCaseModel @case) =>
        "new " + type + "." + @case.Name + "(" + JsonCode.Read(@case.Type, union.Target, Literals.String(union.Name), "null") + ")";

    private static IEnumerable<(UnionCaseModel Case, int Index)> Indexed(IReadOnlyList<UnionCaseModel> cases, UnionToken token) =>
        cases.Select((c, i) => (c, i)).Where(p => p.c.Token == token);

    private static string MemberArray(EquatableArray<UnionMemberModel> members)
    {
        if (members.IsEmpty)
        {
            return "global::System.Array.Empty<" + KnownTypes.UnionMember + ">()";
        }

        var items = members.Select(m => "new(" + Literals.String(m.Name) + ", " + Kinds(m.Kinds) + ", " + Kinds(m.ItemKinds)
            + (m.Values.IsEmpty ? string.Empty : ", " + StringArray(m.Values)) + ")");
        return "new " + KnownTypes.UnionMember + "[] { " + string.Join(", ", items) + " }";
    }

    private static readonly string[] s_kindNames = { "String", "Number", "Boolean", "Object", "Array", "Null" };

    /// <summary><c>JsonKinds.String | JsonKinds.Null</c> for the flags of <see cref="UnionMemberModel"/>.</summary>
    private static string Kinds(int flags)
    {
        var names = s_kindNames.Where((_, bit) => (flags & (1 << bit)) != 0).Select(name => KnownTypes.JsonKinds + "." + name).ToList();
        return names.Count == 0 ? KnownTypes.JsonKinds + ".None" : string.Join(" | ", names);
    }

    private static string StringArray(IEnumerable<string> values)
    {
        var items = values.Select(Literals.String).ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", items) + " }";
    }
}
