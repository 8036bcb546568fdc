using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The AWS JSON parts of the server: each operation mapped at <c>POST /</c> for its <c>X-Amz-Target</c> (so its name,
/// authorization and description are its own endpoint's), the endpoint refusing other targets, and the factories of
/// the service's declared errors, which write them as AWS does (<c>X-Amzn-ErrorType</c> and <c>__type</c>).
/// </summary>
internal static partial class ServerEmitter
{
    private const string AwsJsonDispatch = AspNetCoreRuntime + ".AwsJsonDispatch";

    /// <summary>The expression mapping an AWS JSON operation's endpoint onto <c>group</c>.</summary>
    private static string AwsMapTarget(string awsTarget, string handleName) =>
        AwsJsonDispatch + ".MapTarget(group, " + Literals.String(awsTarget) + ", static context => " + handleName + "(context))";

    private static void WriteUnknownTargets(SourceWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("// A POST / whose X-Amz-Target no operation above serves is refused as AWS refuses it (UnknownOperationException).");
        writer.WriteLine(AwsJsonDispatch + ".MapUnknownTargets(group);");
    }

    /// <summary>What a declared AWS error's factory takes: its details record, or the message when the error has no members.</summary>
    private static string AwsErrorBodyType(ResultCaseModel @case, AwsErrorModel error, EmitTarget target) =>
        error.Details is not null && @case.Response.Type is { } type ? TypeNames.Of(type, target) : "string";

    private static string AwsErrorWrite(ResultCaseModel @case, AwsErrorModel error, int index, string context) =>
        error.Details is not null && @case.Response.Type is not null
            ? ResultWriter + ".WriteAwsErrorAsync(context, _statusCode, " + Literals.String(error.ErrorType) + ", _body" + index + ", " + context + "." + @case.Response.TypeInfoProperty + ")"
            : ResultWriter + ".WriteAwsErrorAsync(context, _statusCode, " + Literals.String(error.ErrorType) + ", _body" + index + ")";

    private static void WriteAwsErrorFactory(SourceWriter writer, EmitTarget target, EndpointModel endpoint, int index, AwsErrorModel error)
    {
        var @case = endpoint.Cases[index];
        var status = @case.AwsStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = @case.Response.StatusPattern == status ? string.Empty : " (declared as " + XmlDocs.Text(@case.Response.StatusPattern) + ")";
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The service's <c>" + XmlDocs.Text(error.ErrorType) + "</c> error" + declared + ": status " + status + ", its type in the");
        writer.WriteLine("/// <c>X-Amzn-ErrorType</c> header and as <c>__type</c>, as AWS writes it and the AWS clients read it.");
        writer.WriteLine("/// </summary>");
        var create = "new " + endpoint.ResultName + "(" + (index + 1) + ", " + status;
        if (error.Details is not null && @case.Response.Type is not null)
        {
            writer.WriteLine("/// <param name=\"body\">The error's members, written beside <c>__type</c>.</param>");
            writer.OpenBlock("public static " + endpoint.ResultName + " " + @case.FactoryName + "(" + AwsErrorBodyType(@case, error, target) + " body)");
            writer.WriteLine("if (body is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(body));");
            writer.WriteLine("return " + create + ", body" + index + ": body);");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("/// <param name=\"message\">The error's <c>message</c>; none when null.</param>");
        writer.WriteLine("public static " + endpoint.ResultName + " " + @case.FactoryName + "(string? message = null) => " + create + ", body" + index + ": message);");
    }
}
