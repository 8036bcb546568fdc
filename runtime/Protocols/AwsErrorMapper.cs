using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Aws;

/// <summary>Turns an AWS error response into the exception type the client's description declares for it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AwsErrorMapper
{
    /// <summary>Returns the exception for <paramref name="error"/>; unknown error types get the service's base exception.</summary>
    public abstract AwsServiceException Map(AwsErrorInfo error);

    /// <summary>Reads the error body as its declared type; null when the body does not match it (the exception still carries type and message).</summary>
    protected static T? ReadDetails<T>(AwsErrorInfo error, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return error.Body.Length == 0 ? null : JsonSerializer.Deserialize(error.Body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
