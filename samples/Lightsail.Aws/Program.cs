using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Contracts.Runtime.Aws;
using Lightsail.Aws.Contracts;

namespace Lightsail.Aws;

/// <summary>Lists a bucket's access keys through the generated client, signed with SigV4, against AWS or an embedded endpoint.</summary>
internal static class Program
{
    private const int Success = 0;
    private const int TransportError = 1;
    private const int ServiceError = 2;
    private const int NoCredentials = 3;
    private const int UsageError = 64;
    private const int Cancelled = 130;

    private const string DefaultRegion = "us-east-1";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        if (!AwsArguments.TryParse(args, out var arguments, out var error))
        {
            Console.Error.WriteLine("error: " + error);
            Console.Error.Write(AwsArguments.Usage);
            return UsageError;
        }

        if (arguments.ShowHelp)
        {
            Console.Out.Write(AwsArguments.Usage);
            return Success;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(arguments, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(AwsArguments arguments, CancellationToken cancellationToken)
    {
        // A real endpoint's host names its region; the embedded one signs for whatever it is told.
        var region = arguments.Region
            ?? (arguments.Endpoint is { } endpoint ? AwsEndpoint.RegionFromHost(endpoint) : null)
            ?? DefaultRegion;
        if (arguments.Endpoint is not null)
        {
            Console.Out.WriteLine("endpoint " + arguments.Endpoint + " (region " + region + ", credentials from the environment)");
            return await CallAsync(arguments.Endpoint, region, new EnvironmentCredentialsProvider(), arguments.BucketName, createKey: false, cancellationToken).ConfigureAwait(false);
        }

        FakeLightsail embedded;
        try
        {
            embedded = await EmbeddedLightsail.StartAsync(region, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine("error: could not start the embedded endpoint: " + exception.Message);
            return TransportError;
        }

        await using (embedded.ConfigureAwait(false))
        {
            Console.Out.WriteLine("endpoint " + embedded.BaseAddress + " (embedded, verifies SigV4; region " + region + ", signing as " + TestCredentials.AccessKeyId + ")");
            var credentials = new StaticCredentialsProvider(TestCredentials.Create());
            return await CallAsync(embedded.BaseAddress, region, credentials, arguments.BucketName, createKey: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> CallAsync(Uri endpoint, string region, IAwsCredentialsProvider credentials, string bucketName, bool createKey, CancellationToken cancellationToken)
    {
        // SafeRedirectHandler keeps the signature, session token and body from following a redirect to another host.
        using var http = new HttpClient(new SafeRedirectHandler()) { Timeout = RequestTimeout };
        var client = new LightsailClient(http, new LightsailClientOptions { BaseAddress = endpoint, Region = region, Credentials = credentials });
        try
        {
            if (createKey)
            {
                // Only on the embedded endpoint: a sample must not change a real account unasked.
                var created = await client.CreateBucketAccessKeyAsync(new CreateBucketAccessKeyRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
                AccessKeyPrinter.PrintCreated(Console.Out, bucketName, created.AccessKey!);
            }

            var keys = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
            AccessKeyPrinter.Print(Console.Out, bucketName, keys);
            return Success;
        }
        catch (NotFoundException exception)
        {
            Console.Error.WriteLine("error: NotFoundException: " + OneLine(exception.ErrorMessage ?? "the bucket was not found") + RequestId(exception));
            return ServiceError;
        }
        catch (LightsailException exception)
        {
            // Refused signatures, throttling that outlasted the retries, access denied, …
            Console.Error.WriteLine("error: " + exception.ErrorType + ": " + OneLine(exception.ErrorMessage ?? exception.Reason) + " (HTTP " + ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture) + ")" + RequestId(exception));
            return ServiceError;
        }
        catch (ApiException exception)
        {
            // A success status with a body that is not the declared result.
            Console.Error.WriteLine("error: " + OneLine(exception.Message));
            return ServiceError;
        }
        catch (AwsCredentialsException exception)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return NoCredentials;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine("error: could not reach " + endpoint + ": " + OneLine(exception.InnerException?.Message ?? exception.Message));
            return TransportError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its timeout as a cancellation nobody asked for.
            Console.Error.WriteLine("error: " + endpoint + " did not answer within " + RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            return TransportError;
        }
    }

    private static string RequestId(AwsServiceException exception) =>
        exception.RequestId is null ? string.Empty : " [request id " + exception.RequestId + "]";

    // Service messages may span lines (a refused signature goes on to list the canonical request); the first says what happened.
    private static string OneLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0].Trim();
}
