using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints an open enum: a string-backed struct with one static member per value the document lists. Values the
/// service adds later are kept (and written back unchanged) instead of failing deserialization.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EnumModel model)
    {
        var target = model.Target;
        var name = model.Name;
        var writer = FileHeader.Open(target);
        XmlDocs.Summary(writer, model.Description);
        writer.WriteLine("/// <remarks>An open set: <see cref=\"IsKnown\"/> is false for a value this version of the document does not list.</remarks>");
        if (model.IsDeprecated)
        {
            writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
        }

        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverter + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Enum, name), target) + "))]");
        writer.OpenBlock(target.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        if (model.IsInteger)
        {
            WriteIntegerBody(writer, model);
            writer.CloseBlock();
            return FileHeader.Close(writer);
        }

        foreach (var member in model.Members)
        {
            writer.WriteLine("/// <summary>The JSON value <c>" + XmlDocs.Text(member.JsonValue) + "</c>.</summary>");
            writer.WriteLine("public static " + name + " " + member.Name + " { get; } = new(" + Literals.String(member.JsonValue) + ");");
            writer.WriteLine();
        }

        var known = string.Join(" or ", model.Members.Select(m => Literals.String(m.JsonValue)));
        writer.WriteLine($$"""
            private readonly string? _value;

            /// <summary>Creates a value; any string is accepted, so values added by the service later are kept.</summary>
            public {{name}}(string value) => _value = value ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(value));

            /// <summary>Every value the OpenAPI document lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues { get; } = new[] { {{string.Join(", ", model.Members.Select(m => m.Name))}} };

            /// <summary>The value as it appears in JSON.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>True when the OpenAPI document lists this value.</summary>
            public bool IsKnown => {{(model.Members.Count == 0 ? "false" : "Value is " + known)}};

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
            """);
        writer.CloseBlock();
        return FileHeader.Close(writer);
    }
    /// <summary>The members of an integer-backed enum: the same API as the string one, over a <c>long</c>.</summary>
    private static void WriteIntegerBody(SourceWriter writer, EnumModel model)
    {
        var name = model.Name;
        foreach (var member in model.Members)
        {
            writer.WriteLine("/// <summary>The JSON value <c>" + XmlDocs.Text(member.JsonValue) + "</c>.</summary>");
            writer.WriteLine("public static " + name + " " + member.Name + " { get; } = new(" + Literals.Int64(member.JsonValue) + ");");
            writer.WriteLine();
        }

        var known = string.Join(" or ", model.Members.Select(m => Literals.Int64(m.JsonValue)));
        writer.WriteLine($$"""
            /// <summary>Creates a value; any integer is accepted, so values added by the service later are kept.</summary>
            public {{name}}(long value) => Value = value;

            /// <summary>Every value the OpenAPI document lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues { get; } = new[] { {{string.Join(", ", model.Members.Select(m => m.Name))}} };

            /// <summary>The value as it appears in JSON.</summary>
            public long Value { get; }

            /// <summary>True when the OpenAPI document lists this value.</summary>
            public bool IsKnown => {{(model.Members.Count == 0 ? "false" : "Value is " + known)}};

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
