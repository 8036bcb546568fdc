using System;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The twin of each method that returns the response with its result (<c>GetPetWithResponseAsync</c>), and the response
/// classes of operations that declare headers. The twin calls the method with a capturing copy of the call's options,
/// so the method itself stays as light as it was.
/// </summary>
internal static partial class ClientEmitter
{
    private static void WriteTwinDeclaration(SourceWriter writer, OperationModel operation, EmitTarget target)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>Calls <see cref=\"" + operation.MethodName + "\"/> and returns its result with the response's status code and headers.</summary>");
        WriteObsolete(writer, operation);
        writer.WriteLine(TwinSignature(operation, target) + ";");
    }

    private static void WriteTwinMethod(SourceWriter writer, OperationModel operation, EmitTarget target)
    {
        var twin = Twin(operation);
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        WriteObsolete(writer, operation);
        var arguments = operation.MethodParameters.Select(p => p.Source == MethodParameterSource.RequestOptions
            ? KnownTypes.RequestOptions + ".Capturing(" + p.Name + ", __capture)"
            : p.Name);
        var call = operation.MethodName + "(" + string.Join(", ", arguments) + ")";
        if (twin.ClassName is null)
        {
            // Not async either: the capture wraps the method's task (no state machine to compile).
            writer.OpenBlock("public " + TwinSignature(operation, target));
            writer.WriteLine("var __capture = new " + KnownTypes.ResponseCapture + "();");
            writer.WriteLine("return __capture.ToResponseAsync(" + call + ");");
            writer.CloseBlock();
            return;
        }

        writer.OpenBlock("public async " + TwinSignature(operation, target));
        writer.WriteLine("var __capture = new " + KnownTypes.ResponseCapture + "();");
        var awaited = "await " + call + ".ConfigureAwait(false)";
        if (operation.Response.Kind == ResponseKind.None)
        {
            writer.WriteLine(awaited + ";");
            writer.WriteLine("return new(__capture);");
        }
        else
        {
            writer.WriteLine("return new(__capture, " + awaited + ");");
        }

        writer.CloseBlock();
    }

    /// <summary>One class per operation whose success responses declare headers: <c>ApiResponse&lt;T&gt;</c> with a typed property per header.</summary>
    private static void WriteResponseClasses(SourceWriter writer, ClientModel client)
    {
        var target = client.Target;
        foreach (var operation in client.Operations.Where(o => o.Response.Kind != ResponseKind.EventStream))
        {
            if (Twin(operation) is not { ClassName: { } className } twin)
            {
                continue;
            }

            var value = ResultType(operation.Response, target);
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The response of <see cref=\"" + target.InterfaceName + "." + operation.MethodName + "\"/>: its result, status code and headers, with a property");
            writer.WriteLine("/// per header the document declares, null (a list: empty) when the response does not carry it (a value not of its type throws <see cref=\"global::System.FormatException\"/>).");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
            writer.OpenBlock(target.Accessibility + " sealed class " + className + " : " + KnownTypes.ApiResponse + (value is null ? string.Empty : "<" + value + ">"));
            writer.WriteLine("internal " + className + "(" + KnownTypes.ResponseCapture + " capture" + (value is null ? string.Empty : ", " + value + " value")
                + ") : base(capture.StatusCode, capture.Headers" + (value is null ? string.Empty : ", value") + ") { }");
            foreach (var header in twin.Headers)
            {
                writer.WriteLine();
                XmlDocs.Summary(writer, header.Description, "The '" + header.WireName + "' header.");
                writer.WriteLine("public " + HeaderType(header.Kind) + " " + header.PropertyName + " => Headers." + HeaderGetter(header.Kind) + "(" + Literals.String(header.WireName) + ");");
            }

            writer.CloseBlock();
        }
    }

    private static ResponseMethodModel Twin(OperationModel operation) =>
        operation.WithResponse is { MethodName.Length: > 0 } twin
            ? twin
            : throw new InvalidOperationException("The twin's name is decided by the MethodSignatures pass, which has not run on this model.");

    private static string TwinSignature(OperationModel operation, EmitTarget target) =>
        KnownTypes.Task + "<" + TwinResult(operation, target) + "> " + Twin(operation).MethodName
        + "(" + string.Join(", ", operation.MethodParameters.Select(parameter => Declaration(operation, parameter, target))) + ")";

    /// <summary>What the twin returns: the response class, else <c>ApiResponse&lt;T&gt;</c>, or <c>ApiResponse</c> without a body.</summary>
    private static string TwinResult(OperationModel operation, EmitTarget target)
    {
        if (Twin(operation).ClassName is { } className)
        {
            return "global::" + target.Namespace + "." + className;
        }

        return ResultType(operation.Response, target) is { } value ? KnownTypes.ApiResponse + "<" + value + ">" : KnownTypes.ApiResponse;
    }

    /// <summary>The type of the method's result, as its <c>Task</c> holds it; null without a body.</summary>
    private static string? ResultType(ResponseModel response, EmitTarget target) => response.Kind switch
    {
        ResponseKind.None => null,
        ResponseKind.Text => "string",
        ResponseKind.Stream => KnownTypes.Stream,
        _ => TypeNames.Of(response.Type!, target, nullable: response.AllowsEmpty && !response.Type!.IsValueType),
    };

    private static string HeaderType(ResponseHeaderKind kind) => kind switch
    {
        ResponseHeaderKind.Int32 => "int?",
        ResponseHeaderKind.Int64 => "long?",
        ResponseHeaderKind.DateTimeOffset => "global::System.DateTimeOffset?",
        ResponseHeaderKind.List => KnownTypes.IReadOnlyList + "<string>",
        _ => "string?",
    };

    private static string HeaderGetter(ResponseHeaderKind kind) => kind switch
    {
        ResponseHeaderKind.Int32 => "GetInt32",
        ResponseHeaderKind.Int64 => "GetInt64",
        ResponseHeaderKind.DateTimeOffset => "GetDateTimeOffset",
        ResponseHeaderKind.List => "GetList",
        _ => "GetString",
    };
}
