using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the exceptions of an AWS service: a base exception for the service, and one per error type its
/// description declares, carrying the error body as <c>Details</c>.
/// </summary>
internal static class ErrorsEmitter
{
    public static void Write(ClientModel client, SourceWriter writer)
    {
        var target = client.Target;
        var aws = client.Aws!;
        FileHeader.Write(writer);
        FileHeader.OpenNamespace(writer, target);
        writer.WriteLine($$"""
            /// <summary>An error returned by the service; the base of its declared error types.</summary>
            {{FileHeader.GeneratedCodeAttribute(target)}}
            {{target.Accessibility}} partial class {{aws.ServiceExceptionName}} : {{KnownTypes.AwsServiceException}}
            {
                /// <summary>Creates the exception from the parsed error response.</summary>
                public {{aws.ServiceExceptionName}}({{KnownTypes.AwsErrorInfo}} error)
                    : base(error)
                {
                }
            }
            """);
        foreach (var error in aws.Errors)
        {
            writer.WriteLine();
            if (error.Details is null)
            {
                writer.WriteLine($$"""
                    /// <summary>The service's <c>{{XmlDocs.Text(error.ErrorType)}}</c> error.</summary>
                    {{FileHeader.GeneratedCodeAttribute(target)}}
                    {{target.Accessibility}} sealed partial class {{error.ExceptionName}} : {{aws.ServiceExceptionName}}
                    {
                        /// <summary>Creates the exception from the parsed error response.</summary>
                        public {{error.ExceptionName}}({{KnownTypes.AwsErrorInfo}} error)
                            : base(error)
                        {
                        }
                    }
                    """);
                continue;
            }

            var details = TypeNames.Of(error.Details, target);
            writer.WriteLine($$"""
                /// <summary>The service's <c>{{XmlDocs.Text(error.ErrorType)}}</c> error.</summary>
                {{FileHeader.GeneratedCodeAttribute(target)}}
                {{target.Accessibility}} sealed partial class {{error.ExceptionName}} : {{aws.ServiceExceptionName}}
                {
                    /// <summary>Creates the exception from the parsed error response and its body.</summary>
                    public {{error.ExceptionName}}({{KnownTypes.AwsErrorInfo}} error, {{details}}? details)
                        : base(error)
                    {
                        Details = details;
                    }

                    /// <summary>The error body, when it could be read as the description declares it.</summary>
                    public {{details}}? Details { get; }
                }
                """);
        }

        FileHeader.CloseNamespace(writer);
    }
}
