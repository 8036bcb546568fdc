using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints a closed union: an abstract record whose private constructor admits only its nested sealed case records,
/// exhaustive <c>Match</c>/<c>Switch</c>, and implicit conversions from the member types C# allows.
/// </summary>
internal static class UnionEmitter
{
    public static void Write(UnionModel union, SourceWriter writer)
    {
        var target = union.Target;
        var name = union.Name;
        var self = TypeNames.Of(new TypeRef(TypeKind.Union, name), target);
        FileHeader.OpenNamespace(writer, target);
        XmlDocs.Summary(writer, union.Description);
        writer.WriteLine("/// <remarks>Exactly one of: " + string.Join(", ", union.Cases.Select(c => "<see cref=\"" + c.Name + "\"/>")) + ". Use <see cref=\"Match\"/> or <see cref=\"Switch\"/> to handle every case.</remarks>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.WriteLine("[" + KnownTypes.JsonConverter + "(typeof(" + TypeNames.Converter(new TypeRef(TypeKind.Union, name), target) + "))]");
        writer.OpenBlock(target.Accessibility + " abstract partial record " + name);
        writer.WriteLine("// Private: the nested cases are the only subtypes, so Match and Switch are exhaustive.");
        writer.OpenBlock("private " + name + "()");
        writer.CloseBlock();
        foreach (var @case in union.Cases)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The case holding a <c>" + XmlDocs.Text(Display(@case.Type)) + "</c>.</summary>");
            writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
            writer.WriteLine("public sealed record " + @case.Name + "(" + TypeNames.Of(@case.Type, target) + " Value) : " + name + ";");
        }

        writer.WriteLine();
        NullableAnalysis.Suspend(writer, union.Cases.Count);
        writer.WriteLine("/// <summary>Returns the result of the function for the case this value holds.</summary>");
        writer.OpenBlock("public TResult Match<TResult>(" + string.Join(", ", union.Cases.Select(c => "global::System.Func<" + TypeNames.Of(c.Type, target) + ", TResult> " + c.ParameterName)) + ")");
        WriteDispatch(writer, union, self, c => "return " + c.ParameterName + "(");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Calls the action for the case this value holds.</summary>");
        writer.OpenBlock("public void Switch(" + string.Join(", ", union.Cases.Select(c => "global::System.Action<" + TypeNames.Of(c.Type, target) + "> " + c.ParameterName)) + ")");
        WriteDispatch(writer, union, self, c => c.ParameterName + "(");
        writer.CloseBlock();
        NullableAnalysis.Resume(writer, union.Cases.Count);
        foreach (var @case in union.Cases.Where(c => c.HasConversion))
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>Wraps a value in the <see cref=\"" + @case.Name + "\"/> case.</summary>");
            writer.WriteLine("public static implicit operator " + name + "(" + TypeNames.Of(@case.Type, target) + " value) => new " + @case.Name + "(value);");
        }

        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>
    /// One flat <c>if (this is Case caseN)</c> per case, not a <c>switch</c>: the compiler's time grows with the square of
    /// a switch's cases (type patterns or constants alike), and linearly with flat statements.
    /// </summary>
    private static void WriteDispatch(SourceWriter writer, UnionModel union, string self, System.Func<UnionCaseModel, string> call)
    {
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            writer.OpenBlock("if (this is " + self + "." + @case.Name + " case" + i + ")");
            writer.WriteLine(call(@case) + "case" + i + ".Value);");
            if (!call(@case).StartsWith("return", System.StringComparison.Ordinal))
            {
                writer.WriteLine("return;");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("throw new global::System.InvalidOperationException(" + Literals.String("Unknown case of " + union.Name + ".") + ");");
    }

    private static string Display(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "list of " + Display(type.Element!),
        TypeKind.Map => "map of " + Display(type.Element!),
        TypeKind.Any => "JSON value",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union or TypeKind.External => type.Name!,
        _ => type.Kind.ToString(),
    };
}
