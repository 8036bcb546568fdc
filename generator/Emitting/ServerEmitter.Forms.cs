using System.Globalization;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// What the endpoints bind from fields: object and map parameters and form bodies through the shapes of their types
/// (static fields of the endpoints class, built once), and multipart bodies part by part.
/// </summary>
internal static partial class ServerEmitter
{
    private const string FormShape = AspNetCoreRuntime + ".FormShape";

    /// <summary>One static field per shape the endpoints bind by, each after the shapes it uses (field initialisers run in order).</summary>
    private static void WriteFormShapes(SourceWriter writer, EndpointsModel model)
    {
        if (model.FormShapes.IsEmpty)
        {
            return;
        }

        foreach (var shape in model.FormShapes)
        {
            var create = shape.Kind switch
            {
                FormShapeKind.List => FormShape + ".ListOf(" + ShapeExpression(shape.Element!) + ")",
                FormShapeKind.Map => FormShape + ".MapOf(" + ShapeExpression(shape.Element!) + ")",
                FormShapeKind.Clearable => FormShape + ".Clearable(" + ShapeExpression(shape.Element!) + ")",
                _ => FormShape + ".Object(" + (shape.Members.IsEmpty
                    ? "global::System.Array.Empty<string>(), global::System.Array.Empty<" + FormShape + ">()"
                    : "new[] { " + string.Join(", ", shape.Members.Select(m => Literals.String(m.WireName))) + " }, new[] { " + string.Join(", ", shape.Members.Select(m => ShapeExpression(m.Shape))) + " }")
                    + (shape.Element is { } other ? ", " + ShapeExpression(other) : string.Empty) + ")",
            };
            writer.WriteLine("private static readonly " + FormShape + " " + ShapeField(shape.Key) + " = " + create + ";");
        }

        writer.WriteLine();
    }

    private static string ShapeField(string key) => "s_formShape" + key;

    /// <summary>A shape by its key: the runtime's scalar shapes by name, the others by their field.</summary>
    private static string ShapeExpression(string key) => key switch
    {
        nameof(FormShapeKind.Text) or nameof(FormShapeKind.Integer) or nameof(FormShapeKind.Number) or nameof(FormShapeKind.Boolean) or nameof(FormShapeKind.Any) => FormShape + "." + key,
        _ => ShapeField(key),
    };

    /// <summary>The statement binding an object or map parameter (or a deepObject list of objects) from its members' text.</summary>
    private static string ObjectBindStatement(OperationModel operation, ParameterModel parameter, string routeName, int segment, string local, string shape, EmitTarget target)
    {
        var name = Literals.String(parameter.WireName);
        var required = parameter.IsRequired ? "true" : "false";
        var style = KnownTypes.ParameterStyle + "." + parameter.Style;
        var explode = parameter.Explode ? "true" : "false";
        var typeInfo = "global::" + target.Namespace + "." + target.ContextName + ".Default." + parameter.TypeInfoProperty;
        var type = TypeNames.Of(parameter.Type, target);
        var arguments = ShapeExpression(shape) + ", " + typeInfo;

        // An exploded member is a parameter of its own: the operation's other parameters in that place are not members.
        string Others(ParameterLocation location) => string.Concat(operation.Parameters
            .Where(p => p.Location == location && p != parameter)
            .Select(p => ", " + Literals.String(p.WireName)));
        var call = parameter.Location switch
        {
            ParameterLocation.Path => "PathObject<" + type + ">(" + Literals.String(routeName) + ", " + name + ", " + segment.ToString(CultureInfo.InvariantCulture) + ", " + style + ", " + explode + ", " + arguments + ")",
            ParameterLocation.Query => "QueryObject<" + type + ">(" + name + ", " + style + ", " + explode + ", " + required + ", " + arguments + Others(ParameterLocation.Query) + ")",
            ParameterLocation.Header => "HeaderObject<" + type + ">(" + name + ", " + explode + ", " + required + ", " + arguments + ")",
            _ => "CookieObject<" + type + ">(" + name + ", " + explode + ", " + required + ", " + arguments + Others(ParameterLocation.Cookie) + ")",
        };
        return "var " + local + " = __binder." + call + ";";
    }

    /// <summary>The statement binding multipart part <paramref name="field"/>: a file, files, JSON, or text converted as a scalar parameter's.</summary>
    private static string PartBindStatement(MultipartFieldModel field, string local, EndpointsModel model)
    {
        var name = Literals.String(field.WireName);
        var required = field.IsRequired ? "true" : "false";
        var target = model.Target;
        switch (field.Kind)
        {
            case MultipartFieldKind.File:
                return "var " + local + " = __binder.FilePart(" + name + ", " + required + ");";
            case MultipartFieldKind.Files:
                return "var " + local + " = __binder.FileParts(" + name + ", " + required + ");";
            case MultipartFieldKind.Json:
                var json = "__binder.JsonPart(" + name + ", global::" + target.Namespace + "." + target.ContextName + ".Default." + field.TypeInfoProperty + ", " + required + ")";
                // Absent stays null; a value type's default would read as a value the client sent.
                return field.Type.IsValueType && !field.IsRequired
                    ? TypeNames.Of(field.Type, target, nullable: true) + " " + local + " = __binder.HasPart(" + name + ") ? " + json + " : null;"
                    : "var " + local + " = " + json + ";";
        }

        if (field.Type.Kind == TypeKind.Array)
        {
            var element = field.Type.Element!;
            return "var " + local + " = __binder.PartScalarList<" + TypeNames.Of(element, target) + ">(__binder.PartList(" + name + ", " + required + "), " + name + ", " + Parser(element, model) + ", " + Literals.String(Expected(element)) + ");";
        }

        string Scalar(string text) => "__binder.PartScalar<" + TypeNames.Of(field.Type, target) + ">(" + text + ", " + name + ", " + Parser(field.Type, model) + ", " + Literals.String(Expected(field.Type)) + ")";
        if (field.IsRequired)
        {
            return "var " + local + " = " + Scalar("__binder.Part(" + name + ", true)") + ";";
        }

        return TypeNames.Of(field.Type, target, nullable: true) + " " + local + " = __binder.Part(" + name + ", false) is { } " + local + "Text ? " + Scalar(local + "Text") + " : null;";
    }

    /// <summary>The handler's type of a multipart part: a file, a list of files, or the part's type.</summary>
    private static string PartType(MultipartFieldModel field, EmitTarget target) => field.Kind switch
    {
        MultipartFieldKind.File => KnownTypes.FilePart,
        MultipartFieldKind.Files => KnownTypes.IReadOnlyList + "<" + KnownTypes.FilePart + ">",
        _ => TypeNames.Of(field.Type, target),
    };

    /// <summary>A part the handler gets as a reference it may be given null for: every optional part, and required ones the binder could not read.</summary>
    private static bool PartIsReference(MultipartFieldModel field) => field.Kind is MultipartFieldKind.File or MultipartFieldKind.Files || !field.Type.IsValueType;
}
