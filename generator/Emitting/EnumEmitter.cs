using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints an open enum: a string-backed struct with one static member per value the document lists. Values the
/// service adds later are kept (and written back unchanged) instead of failing deserialization.
/// </summary>
internal static class EnumEmitter
{
    // What every string enum shares lives in the runtime: the table of its values (KnownValues, IsKnown, the converter's
    // read) and the interface its converter reads and writes it through.
    internal const string OpenEnumValues = "global::Contracts.Runtime.Json.OpenEnumValues";
    internal const string IOpenEnum = "global::Contracts.Runtime.Json.IOpenEnum";

    public static void Write(EnumModel model, SourceWriter writer)
    {
        var target = model.Target;
        var name = model.Name;
        FileHeader.OpenNamespace(writer, target);
        XmlDocs.Summary(writer, model.Description);
        writer.WriteLine("/// <remarks>An open set: <see cref=\"IsKnown\"/> is false for a value this version of the document does not list.</remarks>");
        if (model.IsDeprecated)
        {
            writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
        }

        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverter + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Enum, name), target) + "))]");
        if (model.IsInteger)
        {
            writer.OpenBlock(target.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
            WriteIntegerBody(writer, model);
            writer.CloseBlock();
            FileHeader.CloseNamespace(writer);
            return;
        }

        writer.OpenBlock(target.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, " + IOpenEnum + "<" + name + ">");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        WriteListedValues(writer, model, Literals.String);
        writer.WriteLine($$"""
            /// <summary>Creates a value; any string is accepted, so values added by the service later are kept.</summary>
            public {{name}}(string value) => _value = value ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(value));

            /// <summary>Every value the OpenAPI document lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues => s_values;

            /// <summary>The value as it appears in JSON.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>True when the OpenAPI document lists this value.</summary>
            public bool IsKnown => s_values.Contains(Value);

            /// <inheritdoc/>
            public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            /// <summary>The JSON value.</summary>
            public override string ToString() => Value;

            /// <summary>Compares two values by their JSON string.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares two values by their JSON string.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>Wraps a JSON string. Explicit: an implicit conversion would also accept a null literal.</summary>
            public static explicit operator {{name}}(string value) => new(value);

            {{OpenEnumValues}}<{{name}}> {{IOpenEnum}}<{{name}}>.Known => s_values;

            {{name}} {{IOpenEnum}}<{{name}}>.Create(string value) => new(value);
            """);
        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>
    /// One static member per listed value and the table of them (for a string enum the runtime's <c>OpenEnumValues</c>,
    /// which <c>KnownValues</c> returns and <c>IsKnown</c> and the converter ask; for an integer one the array and the set
    /// <c>IsKnown</c> builds), in a region without nullable analysis (structs need no annotations). The compiler's time for a struct grows with the
    /// square of its static members in two places, and the layout here avoids both: nullable analysis walks every member
    /// of the struct for each static initializer, and writing the metadata looks for the first instance field once per
    /// field (so the instance field is declared first). A 50,000-value enum took minutes to compile before.
    /// </summary>
    private static void WriteListedValues(SourceWriter writer, EnumModel model, System.Func<string, string> literal)
    {
        var name = model.Name;
        writer.WriteLine("// Without nullable analysis, whose time grows with the square of a struct's static members (structs need no annotations).");
        writer.WriteLine("#nullable disable");
        foreach (var member in model.Members)
        {
            writer.WriteLine("/// <summary>The JSON value <c>" + XmlDocs.Text(member.JsonValue) + "</c>.</summary>");
            writer.WriteLine("public static " + name + " " + member.Name + " { get; } = new(" + literal(member.JsonValue) + ");");
            writer.WriteLine();
        }

        // After the members: static initializers run in the order they are written.
        var values = model.Members.Count == 0
            ? "global::System.Array.Empty<" + name + ">()"
            : "new " + name + "[] { " + string.Join(", ", model.Members.Select(m => m.Name)) + " }";
        if (model.IsInteger)
        {
            writer.WriteLine("private static readonly " + name + "[] s_knownValues = " + values + ";");
            if (model.Members.Count > 0)
            {
                writer.WriteLine("private static " + KnownTypes.HashSet + "<long> s_known;");
            }
        }
        else
        {
            writer.WriteLine("private static readonly " + OpenEnumValues + "<" + name + "> s_values = new(" + Literals.String(name) + ", " + values + ");");
        }

        writer.WriteLine(FileHeader.NullableState);
        writer.WriteLine();
    }

    /// <summary>
    /// <c>IsKnown</c>: a set of the listed values, built from <c>KnownValues</c> on first use. Not one pattern of every value
    /// (<c>Value is "a" or "b" or …</c>): the compiler's time grows with the square of a pattern's alternatives (and of a
    /// switch's cases), so a 5,000-value enum took minutes to compile and a 50,000-value one exhausted its stack.
    /// </summary>
    private static void WriteIsKnown(SourceWriter writer, EnumModel model, string newSet)
    {
        writer.WriteLine();
        if (model.Members.Count == 0)
        {
            writer.WriteLine("""
                /// <summary>True when the OpenAPI document lists this value.</summary>
                public bool IsKnown => false;
                """);
            return;
        }

        writer.WriteLine($$"""
            /// <summary>True when the OpenAPI document lists this value.</summary>
            public bool IsKnown
            {
                get
                {
                    var known = s_known;
                    if (known is null)
                    {
                        known = {{newSet}};
                        foreach (var listed in s_knownValues)
                        {
                            known.Add(listed.Value);
                        }

                        // Another thread may build its own set meanwhile: they are equal, and either one is kept.
                        s_known = known;
                    }

                    return known.Contains(Value);
                }
            }
            """);
    }

    /// <summary>The members of an integer-backed enum: the same API as the string one, over a <c>long</c>.</summary>
    private static void WriteIntegerBody(SourceWriter writer, EnumModel model)
    {
        var name = model.Name;
        writer.WriteLine("""
            /// <summary>The value as it appears in JSON.</summary>
            public long Value { get; }

            """);
        WriteListedValues(writer, model, Literals.Int64);
        writer.WriteLine($$"""
            /// <summary>Creates a value; any integer is accepted, so values added by the service later are kept.</summary>
            public {{name}}(long value) => Value = value;

            /// <summary>Every value the OpenAPI document lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues => s_knownValues;
            """);
        WriteIsKnown(writer, model, "new " + KnownTypes.HashSet + "<long>()");
        writer.WriteLine($$"""

            /// <inheritdoc/>
            public bool Equals({{name}} other) => Value == other.Value;

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => Value.GetHashCode();

            /// <summary>The JSON value, in invariant digits.</summary>
            public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>Compares two values by their number.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares two values by their number.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>Wraps a JSON integer.</summary>
            public static explicit operator {{name}}(long value) => new(value);

            /// <summary>The JSON integer.</summary>
            public static explicit operator long({{name}} value) => value.Value;
            """);
    }
}
