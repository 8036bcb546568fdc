using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The streaming methods: an operation whose success response is offered as server-sent events, JSON Lines or a JSON
/// text sequence returns a <c>StreamingResponse&lt;TItem&gt;</c> that sends the request when enumerated (a request
/// factory, so enumerating twice sends twice) and yields each item as it arrives.
/// </summary>
internal static partial class ClientEmitter
{
    private const string StreamReturns = "The items of the stream, read as they arrive; each enumeration sends the request again.";

    /// <summary>One static <c>EventTypeMap</c> per stream whose event names choose the case of its union.</summary>
    private static void WriteEventTypeMaps(SourceWriter writer, ClientModel client, string context)
    {
        var target = client.Target;
        foreach (var stream in client.Operations.Select(o => o.Stream).Where(s => s is { EventTypesFieldName: not null }).Select(s => s!))
        {
            var map = KnownTypes.EventTypeMap + "<" + TypeNames.Of(stream.ItemType, target) + ">";
            writer.WriteLine("private static readonly " + map + " " + stream.EventTypesFieldName + " = new " + map + "()");
            writer.Indentation++;
            for (var i = 0; i < stream.EventTypes.Count; i++)
            {
                var streamEvent = stream.EventTypes[i];
                var member = TypeNames.Of(streamEvent.MemberType, target);
                writer.WriteLine(".Add<" + member + ">(" + Literals.String(streamEvent.EventName) + ", " + context + "." + streamEvent.TypeInfoProperty
                    + ", static value => new " + TypeNames.Of(stream.ItemType, target) + "." + streamEvent.CaseName + "(value))" + (i == stream.EventTypes.Count - 1 ? ";" : string.Empty));
            }

            writer.Indentation--;
            writer.WriteLine();
        }
    }

    private static void WriteStreamDeclaration(SourceWriter writer, OperationModel operation, EmitTarget target)
    {
        var stream = operation.Stream!;
        if (stream.IsOnlyResult)
        {
            WriteMethodDocs(writer, operation);
        }
        else
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Calls " + XmlDocs.Text(operation.OperationId) + " and reads its <c>" + XmlDocs.Text(stream.MediaType) + "</c> response item by item, each as it arrives");
            writer.WriteLine("/// (<see cref=\"" + operation.MethodName + "\"/> reads the whole response)." + (stream.FlagProperty is null ? string.Empty
                : " The body is sent with <c>" + stream.FlagProperty + "</c> set to <c>true</c>."));
            writer.WriteLine("/// </summary>");
            WriteParameterDocs(writer, operation);
            XmlDocs.Block(writer, "returns", stream.Description, StreamReturns);
            writer.WriteLine("/// <exception cref=\"global::Contracts.Runtime.ApiException\">While enumerating: the service answered with an error, or an item cannot be read.</exception>");
        }

        WriteObsolete(writer, operation);
        writer.WriteLine(StreamSignature(operation, target) + ";");
    }

    private static void WriteStreamMethod(SourceWriter writer, OperationModel operation, EmitTarget target, string context)
    {
        var stream = operation.Stream!;
        writer.WriteLine("/// <inheritdoc/>");
        WriteObsolete(writer, operation);
        writer.OpenBlock("public " + StreamSignature(operation, target));
        WriteNullChecks(writer, operation);
        ValidationEmitter.WriteRequestCheck(writer, operation);
        var body = operation.Body;
        if (stream.FlagProperty is { } flag && body is not null)
        {
            // The streaming method asks for the stream: the caller's body with its flag set, the caller's own unchanged.
            var flagged = body.ParameterName + " with { " + flag + " = true }";
            writer.WriteLine("var __streamBody = " + (body.IsRequired ? flagged : body.ParameterName + " is null ? null : " + flagged) + ";");
            body = body with { ParameterName = "__streamBody" };
        }

        WriteRequest(writer, operation, target, context, factory: true, body, stream.MediaType);
        writer.WriteLine("return __request;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return " + KnownTypes.ContractsHttp + ".StreamAsync(_httpClient, __CreateRequest, " + Literals.String(operation.OperationId) + ", "
            + KnownTypes.StreamFormat + "." + stream.Format + ", " + context + "." + stream.ItemTypeInfoProperty + ", " + (stream.EventTypesFieldName ?? "null") + ", "
            + (operation.ErrorsFieldName ?? "null") + ", _requestDefaults, " + operation.RequestOptionsName + ", " + operation.CancellationTokenName + ");");
        writer.CloseBlock();
    }

    private static string StreamSignature(OperationModel operation, EmitTarget target) =>
        KnownTypes.StreamingResponse + "<" + TypeNames.Of(operation.Stream!.ItemType, target) + "> " + operation.Stream.MethodName
        + "(" + string.Join(", ", operation.MethodParameters.Select(parameter => Declaration(operation, parameter, target))) + ")";
}
