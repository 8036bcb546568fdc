using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Lightsail.Demo.Contracts;

namespace Lightsail.Demo;

/// <summary>Calls GetBucketAccessKeys on a Lightsail endpoint (an embedded one by default) and prints the result.</summary>
internal static class Program
{
    private const int Success = 0;
    private const int TransportError = 1;
    private const int ServiceError = 2;
    private const int UsageError = 64;
    private const int Cancelled = 130;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        if (!DemoArguments.TryParse(args, out var arguments, out var error))
        {
            Console.Error.WriteLine("error: " + error);
            Console.Error.Write(DemoArguments.Usage);
            return UsageError;
        }

        if (arguments.ShowHelp)
        {
            Console.Out.Write(DemoArguments.Usage);
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

    private static async Task<int> RunAsync(DemoArguments arguments, CancellationToken cancellationToken)
    {
        EmbeddedLightsailEndpoint? embedded = null;
        if (arguments.Endpoint is null)
        {
            try
            {
                embedded = await EmbeddedLightsailEndpoint.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                Console.Error.WriteLine("error: could not start the embedded endpoint: " + OneLine(exception.Message));
                return TransportError;
            }
        }

        await using (embedded)
        {
            var endpoint = arguments.Endpoint ?? embedded!.BaseAddress;
            Console.Out.WriteLine("endpoint " + endpoint + (embedded is null ? string.Empty : " (embedded)"));
            return await CallAsync(endpoint, arguments.BucketName, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> CallAsync(Uri endpoint, string bucketName, CancellationToken cancellationToken)
    {
        // SafeRedirectHandler follows redirects but never carries credentials to another host (.NET strips only Authorization).
        using var httpClient = new HttpClient(new SafeRedirectHandler()) { Timeout = RequestTimeout };
        var client = new LightsailClient(httpClient, new LightsailClientOptions { BaseAddress = endpoint });
        try
        {
            var bucket = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
            AccessKeyPrinter.Print(Console.Out, bucketName, bucket);
            return Success;
        }
        catch (ApiException exception)
        {
            ReportServiceError(exception);
            return ServiceError;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine("error: could not reach " + endpoint + ": " + Describe(exception));
            return TransportError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its timeout as a cancellation that nobody asked for.
            Console.Error.WriteLine("error: " + endpoint + " did not answer within " + RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            return TransportError;
        }
    }

    private static void ReportServiceError(ApiException exception)
    {
        var status = "HTTP " + ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + exception.StatusCode;
        if (exception.ErrorCode is not null || exception.ErrorMessage is not null)
        {
            Console.Error.WriteLine("error: " + (exception.ErrorCode ?? "(no code)") + ": " + OneLine(exception.ErrorMessage ?? "(no message)") + " (" + status + ")");
            return;
        }

        // Not an error envelope: the service answered with something the contract does not describe.
        Console.Error.WriteLine("error: " + exception.OperationName + " failed with " + status + ": " + OneLine(exception.Reason));
        if (!string.IsNullOrEmpty(exception.ResponseExcerpt))
        {
            Console.Error.WriteLine("response starts with: " + OneLine(exception.ResponseExcerpt));
        }
    }

    /// <summary>The exception's message, plus its cause's when the message only points at it.</summary>
    private static string Describe(Exception exception)
    {
        var message = OneLine(exception.Message);
        return exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal)
            ? message + " (" + OneLine(inner.Message) + ")"
            : message;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
