namespace Contracts.Generator.Emitting;

/// <summary>Fully qualified names used by generated code, so no user type can shadow them.</summary>
internal static class KnownTypes
{
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Obsolete = "global::System.Obsolete";
    public const string Type = "global::System.Type";
    public const string Uri = "global::System.Uri";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string StringBuilder = "global::System.Text.StringBuilder";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string List = "global::System.Collections.Generic.List";
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string JsonSerializerContext = "global::System.Text.Json.Serialization.JsonSerializerContext";
    public const string JsonConverter = "global::System.Text.Json.Serialization.JsonConverter";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    public const string IJsonTypeInfoResolver = "global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver";
    public const string JsonMetadataServices = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices";
    public const string JsonRead = "global::Contracts.Runtime.Json.JsonRead";
    public const string JsonErrors = "global::Contracts.Runtime.Json.JsonErrors";
    public const string JsonWrite = "global::Contracts.Runtime.Json.JsonWrite";
    public const string IsoDuration = "global::Contracts.Runtime.Json.IsoDuration";
    public const string IsoConverters = "global::Contracts.Runtime.Json.IsoConverters";
    public const string UnionJson = "global::Contracts.Runtime.Json.UnionJson";
    public const string ContractsHttp = "global::Contracts.Runtime.Http.ContractsHttp";
    public const string ParameterStyles = "global::Contracts.Runtime.Http.ParameterStyles";
    public const string ParameterStyle = "global::Contracts.Runtime.Http.ParameterStyle";
    public const string ParameterValue = "global::Contracts.Runtime.Http.ParameterValue";
    public const string FormBody = "global::Contracts.Runtime.Http.FormBody";
    public const string MultipartBody = "global::Contracts.Runtime.Http.MultipartBody";
    public const string MultipartFormDataContent = "global::System.Net.Http.MultipartFormDataContent";
    public const string FilePart = "global::Contracts.Runtime.Http.FilePart";
    public const string ErrorResponses = "global::Contracts.Runtime.Http.ErrorResponses";
    public const string Stream = "global::System.IO.Stream";
    public const string IEnumerable = "global::System.Collections.Generic.IEnumerable";
    public const string EnvelopeShape = "global::Contracts.Runtime.Http.EnvelopeShape";
    public const string HttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";
    public const string AwsProtocol = "global::Contracts.Runtime.Aws.AwsProtocol";
    public const string AwsClientSettings = "global::Contracts.Runtime.Aws.AwsClientSettings";
    public const string AwsCredentialsProvider = "global::Contracts.Runtime.Aws.IAwsCredentialsProvider";
    public const string AwsEnvironmentCredentials = "global::Contracts.Runtime.Aws.EnvironmentCredentialsProvider";
    public const string AwsEndpoint = "global::Contracts.Runtime.Aws.AwsEndpoint";
    public const string AwsErrorMapper = "global::Contracts.Runtime.Aws.AwsErrorMapper";
    public const string AwsErrorInfo = "global::Contracts.Runtime.Aws.AwsErrorInfo";
    public const string AwsServiceException = "global::Contracts.Runtime.Aws.AwsServiceException";
    public const string RetryPolicy = "global::Contracts.Runtime.Aws.RetryPolicy";
}
