using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The endpoints class: <c>Map{Base}</c> maps one <c>RequestDelegate</c> per operation with its name, tags and the
/// responses and body it declares as metadata; each delegate binds every parameter and the body (all problems reported
/// at once as a 400, the handler never called), then calls the handler and writes its result.
/// </summary>
internal static partial class ServerEmitter
{
    private const string RouteGroupBuilder = "global::Microsoft.AspNetCore.Routing.RouteGroupBuilder";
    private const string IEndpointRouteBuilder = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    private const string EndpointRouteBuilderExtensions = "global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
    private const string RoutingConventions = "global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions";
    private const string OpenApiConventions = "global::Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions";
    private const string AuthorizationConventions = "global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions";
    private const string ContractOperation = AspNetCoreRuntime + ".ContractOperation";
    private const string ContractParameter = AspNetCoreRuntime + ".ContractParameter";
    private const string ContractRequestBody = AspNetCoreRuntime + ".ContractRequestBody";
    private const string ContractResponse = AspNetCoreRuntime + ".ContractResponse";
    private const string ServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

    private static void WriteEndpoints(SourceWriter writer, EndpointsModel model)
    {
        var target = model.Target;
        var methods = model.Endpoints.Where(e => e.AwsTarget is null).Select(e => e.Operation.HttpMethod).Distinct(StringComparer.Ordinal).OrderBy(m => m, StringComparer.Ordinal).ToList();
        writer.WriteLine("/// <summary>Maps the endpoints of the OpenAPI document onto <see cref=\"" + model.HandlerName + "\"/>.</summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " static partial class " + model.EndpointsName);
        foreach (var method in methods)
        {
            writer.WriteLine("private static readonly string[] " + MethodsField(method) + " = { " + Literals.String(method) + " };");
        }

        if (methods.Count > 0)
        {
            writer.WriteLine();
        }

        WriteFormShapes(writer, model);

        writer.WriteLine($$"""
            /// <summary>
            /// Maps one endpoint per operation of the document, each calling the <see cref="{{model.HandlerName}}"/> registered in
            /// the service container. A request whose parameters or body cannot be read is answered with a 400 problem naming
            /// each, and never reaches the handler.
            /// </summary>
            /// <param name="endpoints">The application or group to map onto.</param>
            /// <returns>The group of the endpoints, to add conventions (authorization, rate limiting) to all of them.</returns>
            """);
        writer.OpenBlock("public static " + RouteGroupBuilder + " " + model.MapMethodName + "(this " + IEndpointRouteBuilder + " endpoints)");
        writer.WriteLine("if (endpoints is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(endpoints));");
        writer.WriteLine("var group = " + EndpointRouteBuilderExtensions + ".MapGroup(endpoints, \"\");");
        foreach (var endpoint in model.Endpoints)
        {
            WriteMapping(writer, endpoint, target);
        }

        if (model.Endpoints.Any(e => e.AwsTarget is not null))
        {
            WriteUnknownTargets(writer);
        }

        WriteSchemasMetadata(writer, model);
        writer.WriteLine();
        writer.WriteLine("return group;");
        writer.CloseBlock();
        foreach (var endpoint in model.Endpoints)
        {
            writer.WriteLine();
            WriteHandle(writer, model, endpoint, target);
        }

        writer.CloseBlock();
    }

    private static string MethodsField(string method) => "s_" + method.ToLowerInvariant();

    /// <summary><c>HandleGetPet</c>: the client method's name without <c>Async</c>, unique as the method names are.</summary>
    private static string HandleName(EndpointModel endpoint) => "Handle" + (endpoint.Operation.MethodName.EndsWith("Async", StringComparison.Ordinal)
        ? endpoint.Operation.MethodName.Substring(0, endpoint.Operation.MethodName.Length - "Async".Length)
        : endpoint.Operation.MethodName);

    private static void WriteMapping(SourceWriter writer, EndpointModel endpoint, EmitTarget target)
    {
        // Extension calls written as static calls: generated code names every type in full and adds no using.
        var operation = endpoint.Operation;
        var local = "__" + HandleName(endpoint).Substring("Handle".Length);
        writer.WriteLine();
        writer.WriteLine("var " + local + " = " + (endpoint.AwsTarget is { } awsTarget
            ? AwsMapTarget(awsTarget, HandleName(endpoint))
            : EndpointRouteBuilderExtensions + ".MapMethods(group, " + Literals.String(endpoint.RouteTemplate) + ", " + MethodsField(operation.HttpMethod) + ", static context => " + HandleName(endpoint) + "(context))") + ";");
        writer.WriteLine(RoutingConventions + ".WithName(" + local + ", " + Literals.String(operation.OperationId) + ");");
        if (!operation.Tags.IsEmpty)
        {
            writer.WriteLine(OpenApiConventions + ".WithTags(" + local + ", " + string.Join(", ", operation.Tags.Select(Literals.String)) + ");");
        }

        if (endpoint.Authorization is { } authorization)
        {
            writer.WriteLine(authorization.AllowsAnonymous
                ? AuthorizationConventions + ".AllowAnonymous(" + local + ");"
                : AuthorizationConventions + ".RequireAuthorization(" + local + ", " + string.Join(", ", authorization.Policies.Select(Literals.String)) + ");");
        }

        // The operation as the app's own OpenAPI document describes it (AddContractEndpointDescriptions). No
        // AcceptsMetadata: routing would answer a wrong Content-Type with a bare 415 before the binder's problem.
        writer.WriteLine(RoutingConventions + ".WithMetadata(");
        writer.Indentation++;
        writer.WriteLine(local + ",");
        WriteContractOperation(writer, endpoint, target, ");");
        writer.Indentation--;
    }

    private static void WriteContractOperation(SourceWriter writer, EndpointModel endpoint, EmitTarget target, string suffix)
    {
        var operation = endpoint.Operation;
        var inits = new List<string>();
        if (operation.Summary is { Length: > 0 } summary)
        {
            inits.Add("Summary = " + Literals.String(summary) + ",");
        }

        if (operation.Description is { Length: > 0 } text)
        {
            inits.Add("Description = " + Literals.String(text) + ",");
        }

        if (!operation.Tags.IsEmpty)
        {
            inits.Add("Tags = new[] { " + string.Join(", ", operation.Tags.Select(Literals.String)) + " },");
        }

        var responsesEnd = ")" + (inits.Count > 0 ? string.Empty : suffix);
        writer.WriteLine("new " + ContractOperation + "(");
        writer.Indentation++;
        writer.WriteLine(Literals.String(operation.OperationId) + ",");
        var parameters = operation.MethodParameters.Where(p => p.Source == MethodParameterSource.Parameter).ToList();
        if (parameters.Count == 0)
        {
            writer.WriteLine("global::System.Array.Empty<" + ContractParameter + ">(),");
        }
        else
        {
            writer.WriteLine("new " + ContractParameter + "[]");
            writer.WriteLine("{");
            writer.Indentation++;
            foreach (var parameter in parameters)
            {
                var declared = operation.Parameters[parameter.Index];
                var routeName = endpoint.RouteNames[parameter.Index];
                var line = "new " + ContractParameter + "(" + Literals.String(declared.WireName) + ", " + ParameterSource + "." + declared.Location + ", typeof(" + DescribedType(declared.Type, parameter.IsRequired, target) + "), " + (declared.IsRequired ? "true" : "false") + ")";
                if (declared.Location == ParameterLocation.Path && routeName.Length > 0 && routeName != declared.WireName)
                {
                    line += " { RouteName = " + Literals.String(routeName) + " }";
                }

                writer.WriteLine(line + ",");
            }

            writer.Indentation--;
            writer.WriteLine("},");
        }

        if (operation.Body is { } body)
        {
            writer.WriteLine("new " + ContractRequestBody + "(typeof(" + (body.Kind == BodyKind.Multipart ? "global::Microsoft.AspNetCore.Http.IFormCollection" : BodyType(body, target)) + "), new[] { " + Literals.String(body.MediaType) + " }, " + (body.IsRequired ? "true" : "false") + "),");
        }
        else
        {
            writer.WriteLine("null,");
        }

        if (endpoint.Cases.IsEmpty)
        {
            writer.WriteLine("global::System.Array.Empty<" + ContractResponse + ">()" + responsesEnd);
        }
        else
        {
            writer.WriteLine("new " + ContractResponse + "[]");
            writer.WriteLine("{");
            writer.Indentation++;
            foreach (var @case in endpoint.Cases)
            {
                var response = @case.Response;
                var status = Literals.String(response.StatusPattern);
                var type = response.Kind switch
                {
                    ResponseKind.Json => "typeof(" + TypeNames.Of(response.Type!, target) + ")",
                    ResponseKind.Text => "typeof(string)",
                    ResponseKind.Stream => "typeof(" + KnownTypes.Stream + ")",
                    _ => "null",
                };
                var line = response.Kind == ResponseKind.None || response.MediaType is null
                    ? "new " + ContractResponse + "(" + status + ")"
                    : "new " + ContractResponse + "(" + status + ", " + type + ", new[] { " + Literals.String(response.MediaType) + " })";
                if (response.Description is { Length: > 0 } description)
                {
                    line += " { Description = " + Literals.String(description) + " }";
                }

                writer.WriteLine(line + ",");
            }

            writer.Indentation--;
            writer.WriteLine("}" + responsesEnd);
        }

        writer.Indentation--;
        if (inits.Count > 0)
        {
            writer.WriteLine("{");
            writer.Indentation++;
            foreach (var init in inits)
            {
                writer.WriteLine(init);
            }

            writer.Indentation--;
            writer.WriteLine("}" + suffix);
        }
    }

    /// <summary>The handler parameter's type as <c>typeof</c> takes it: an optional value type is nullable, a reference type is not annotated.</summary>
    private static string DescribedType(TypeRef type, bool required, EmitTarget target) =>
        TypeNames.Of(type, target, nullable: !required && type.IsValueType);

    private static void WriteHandle(SourceWriter writer, EndpointsModel model, EndpointModel endpoint, EmitTarget target)
    {
        var operation = endpoint.Operation;
        var context = "global::" + target.Namespace + "." + target.ContextName + ".Default";
        writer.OpenBlock("private static async " + KnownTypes.Task + " " + HandleName(endpoint) + "(" + HttpContext + " __context)");
        writer.WriteLine("var __binder = new " + RequestBinder + "(__context, " + Literals.String(operation.OperationId) + (endpoint.AwsTarget is null ? string.Empty : ", " + AspNetCoreRuntime + ".ProblemFormat.AwsJson") + ");");
        var arguments = new List<string>();
        var locals = new string?[operation.Parameters.Count];
        if (operation.Body is { Kind: BodyKind.Multipart } multipart)
        {
            writer.WriteLine("await __binder.MultipartAsync(" + (multipart.IsRequired ? "true" : "false") + ");");
        }

        foreach (var parameter in operation.MethodParameters)
        {
            switch (parameter.Source)
            {
                case MethodParameterSource.Parameter:
                    var declared = operation.Parameters[parameter.Index];
                    var local = "__" + parameter.Name.TrimStart('@');
                    locals[parameter.Index] = local;
                    var shape = endpoint.ParameterShapes.Count > parameter.Index ? endpoint.ParameterShapes[parameter.Index] : string.Empty;
                    writer.WriteLine(shape.Length > 0
                        ? ObjectBindStatement(operation, declared, endpoint.RouteNames[parameter.Index], endpoint.PathSegments[parameter.Index], local, shape, target)
                        : BindStatement(declared, endpoint.RouteNames[parameter.Index], endpoint.PathSegments[parameter.Index], local, model));
                    arguments.Add(local + ((IsReferenceList(declared) || shape.Length > 0) && declared.IsRequired ? "!" : string.Empty));
                    break;
                case MethodParameterSource.Body:
                    var body = operation.Body!;
                    var required = body.IsRequired ? "true" : "false";
                    writer.WriteLine("var __body = " + body.Kind switch
                    {
                        BodyKind.Text => "await __binder.TextBodyAsync(" + required + ")",
                        BodyKind.Binary => "__binder.StreamBody(" + required + ")",
                        BodyKind.Form => "await __binder.FormBodyAsync(" + context + "." + body.TypeInfoProperty + ", " + ShapeExpression(endpoint.BodyShape!) + ", " + required + ")",
                        _ => "await __binder.JsonBodyAsync(" + context + "." + body.TypeInfoProperty + ", " + required + ")",
                    } + ";");
                    arguments.Add(body.IsRequired && !(body.Kind == BodyKind.Json && body.Type.IsValueType) ? "__body!" : "__body");
                    break;
                case MethodParameterSource.Field:
                    var part = operation.Body!.Fields[parameter.Index];
                    var partLocal = "__" + parameter.Name.TrimStart('@');
                    writer.WriteLine(PartBindStatement(part, partLocal, model));
                    arguments.Add(partLocal + (PartIsReference(part) && parameter.IsRequired ? "!" : string.Empty));
                    break;
                case MethodParameterSource.CancellationToken:
                    arguments.Add("__context.RequestAborted");
                    break;
            }
        }

        // Checked only once everything bound: a value that failed to bind is its type's default, not what was sent.
        ValidationEmitter.WriteServerRequestCheck(writer, operation, locals, "__body", "__binder");
        writer.OpenBlock("if (__binder.HasErrors)");
        writer.WriteLine("await __binder.WriteProblemAsync();");
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("var __handler = " + ServiceProviderExtensions + ".GetRequiredService<" + model.HandlerName + ">(__context.RequestServices);");
        // A deprecated operation's call raises nothing: the file header turns CS0612/CS0618 off for the whole file.
        writer.WriteLine("var __result = await __handler." + operation.MethodName + "(" + string.Join(", ", arguments) + ");");

        writer.WriteLine("await __result.WriteAsync(__context);");
        writer.CloseBlock();
    }

    private static bool IsReferenceList(ParameterModel parameter) => parameter.Type.Kind == TypeKind.Array;

    /// <summary>The statement that declares <paramref name="local"/> with the parameter's value, its problems recorded by the binder.</summary>
    private static string BindStatement(ParameterModel parameter, string routeName, int segment, string local, EndpointsModel model)
    {
        var name = Literals.String(parameter.WireName);
        var required = parameter.IsRequired ? "true" : "false";
        var source = ParameterSource + "." + parameter.Location;
        var style = KnownTypes.ParameterStyle + "." + parameter.Style;
        var explode = parameter.Explode ? "true" : "false";
        if (parameter.Type.Kind == TypeKind.Array)
        {
            var element = parameter.Type.Element!;
            var items = parameter.Location switch
            {
                ParameterLocation.Path => "__binder.PathList(" + Literals.String(routeName) + ", " + name + ", " + segment.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + style + ", " + explode + ")",
                ParameterLocation.Query => "__binder.QueryList(" + name + ", " + style + ", " + explode + ", " + required + ")",
                ParameterLocation.Header => "__binder.HeaderList(" + name + ", " + required + ")",
                _ => "__binder.CookieList(" + name + ", " + explode + ", " + required + ")",
            };
            return "var " + local + " = __binder.List<" + TypeNames.Of(element, model.Target) + ">(" + items + ", " + name + ", " + source + ", " + Parser(element, model) + ", " + Literals.String(Expected(element)) + ");";
        }

        var text = parameter.Location switch
        {
            ParameterLocation.Path => "__binder.Path(" + Literals.String(routeName) + ", " + name + ", " + segment.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + style + ", " + explode + ")",
            ParameterLocation.Query => "__binder.Query(" + name + ", " + required + ")",
            ParameterLocation.Header => "__binder.Header(" + name + ", " + required + ")",
            _ => "__binder.Cookie(" + name + ", " + required + ")",
        };
        // A parser method group gives its type only through an out parameter, which C# does not infer from.
        string Scalar(string value) => "__binder.Scalar<" + TypeNames.Of(parameter.Type, model.Target) + ">(" + value + ", " + name + ", " + source + ", " + Parser(parameter.Type, model) + ", " + Literals.String(Expected(parameter.Type)) + ")";
        if (parameter.IsRequired)
        {
            return "var " + local + " = " + Scalar(text) + ";";
        }

        // Absent stays null; a value type's default would read as a value the client sent.
        var type = TypeNames.Of(parameter.Type, model.Target, nullable: true);
        return type + " " + local + " = " + text + " is { } " + local + "Text ? " + Scalar(local + "Text") + " : null;";
    }

    /// <summary>The parser of a scalar type: the runtime's, or for an enum one built on its generated type.</summary>
    private static string Parser(TypeRef type, EndpointsModel model)
    {
        if (type.Kind == TypeKind.Enum)
        {
            var enumType = TypeNames.Of(type, model.Target);
            return "static (string text, out " + enumType + " value) => " + (model.IntegerEnums.Contains(type.Name!)
                ? "{ var parsed = " + ScalarParsers + ".Int64(text, out var number); value = new " + enumType + "(number); return parsed; }"
                : "{ value = new " + enumType + "(text); return true; }");
        }

        return ScalarParsers + "." + type.Kind switch
        {
            TypeKind.String => "String",
            TypeKind.Boolean => "Boolean",
            TypeKind.Int32 => "Int32",
            TypeKind.Int64 => "Int64",
            TypeKind.Single => "Single",
            TypeKind.Double => "Double",
            TypeKind.Decimal => "Decimal",
            TypeKind.Guid => "Guid",
            TypeKind.DateTimeOffset => "DateTimeOffset",
            TypeKind.Date => "Date",
            TypeKind.Duration => "Duration",
            TypeKind.UnixTime => "UnixTime",
            TypeKind.Bytes => "Bytes",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Structured parameters are left out of the server (ServerNaming)."),
        };
    }

    /// <summary>What the binder's message says a malformed value should have been.</summary>
    private static string Expected(TypeRef type) => type.Kind switch
    {
        TypeKind.Boolean => "true or false",
        TypeKind.Int32 or TypeKind.Int64 => "an integer",
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "a number",
        TypeKind.Guid => "a UUID",
        TypeKind.DateTimeOffset => "a date-time (RFC 3339)",
        TypeKind.Date => "a date (yyyy-mm-dd)",
        TypeKind.Duration => "an ISO 8601 duration",
        TypeKind.UnixTime => "a Unix time in seconds",
        TypeKind.Bytes => "base64",
        TypeKind.Enum => "one of the allowed values",
        _ => "a string",
    };
}
