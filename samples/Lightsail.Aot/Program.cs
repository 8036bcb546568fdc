using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Lightsail.Aot.Contracts;

namespace Lightsail.Aot;

/// <summary>
/// The generated client and JSON context in a Native AOT app: calls GetBucketAccessKeys, prints the result,
/// then writes it back as JSON through the generated context.
/// </summary>
internal static class Program
{
    private const int Success = 0;
    private const int TransportError = 1;
    private const int ServiceError = 2;
    private const int UsageError = 64;

    public static async Task<int> Main(string[] args)
    {
        if (!AotArguments.TryParse(args, out var arguments, out var error))
        {
            Console.Error.WriteLine("error: " + error);
            Console.Error.WriteLine(AotArguments.Usage);
            return UsageError;
        }

        // SafeRedirectHandler follows redirects but never carries credentials to another host (.NET strips only Authorization).
        using var httpClient = new HttpClient(new SafeRedirectHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        var client = new LightsailClient(httpClient, new LightsailClientOptions { BaseAddress = arguments.Endpoint });
        BucketAccessKeys bucket;
        try
        {
            bucket = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = arguments.BucketName }).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            Console.Error.WriteLine("error: " + (exception.ErrorCode ?? exception.OperationName) + ": " + (exception.ErrorMessage ?? exception.Reason));
            return ServiceError;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // TaskCanceledException is HttpClient's timeout: nothing else cancels this call.
            Console.Error.WriteLine("error: could not reach " + arguments.Endpoint + ": " + exception.Message);
            return TransportError;
        }

        Print(arguments.BucketName, bucket);

        // The secret is dropped before writing: the record's JSON (like its ToString) would include it.
        var withoutSecrets = bucket with { AccessKeys = bucket.AccessKeys?.Select(key => key with { SecretAccessKey = null }).ToArray() };
        Console.WriteLine("json " + JsonSerializer.Serialize(withoutSecrets, LightsailJsonContext.Default.BucketAccessKeys));
        return Success;
    }

    private static void Print(string bucketName, BucketAccessKeys bucket)
    {
        Console.WriteLine("bucket " + bucketName);
        Console.WriteLine("  id:         " + bucket.Id);
        Console.WriteLine("  created_at: " + Format(bucket.CreatedAt, "(unknown)"));
        foreach (var key in bucket.AccessKeys ?? [])
        {
            Console.WriteLine("  - key " + key.AccessKeyId + " " + key.Status + ", created " + Format(key.CreatedAt, "(unknown)")
                + ", last used " + Format(key.LastUsed?.LastUsedDate, "never"));
        }
    }

    private static string Format(DateTimeOffset? value, string whenNull) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? whenNull;
}
