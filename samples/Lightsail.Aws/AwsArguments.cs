using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lightsail.Aws;

/// <summary>The command line: <c>[--endpoint URL] [--bucket NAME] [--region R] [--help]</c>.</summary>
internal sealed record AwsArguments
{
    public const string DefaultBucketName = "demo-bucket";

    public const string Usage =
        """
        usage: Lightsail.Aws [--endpoint URL] [--bucket NAME] [--region R]

        Lists a Lightsail bucket's access keys through the generated, SigV4-signing LightsailClient.

          --endpoint URL   the Lightsail endpoint, such as https://lightsail.us-east-1.amazonaws.com; requests are
                           signed with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN).
                           Without it, an embedded endpoint on 127.0.0.1 that verifies signatures is started,
                           the sample creates an access key there with the example credentials, and lists the keys.
          --bucket NAME    the bucket (default: demo-bucket; any other name is missing on the embedded endpoint)
          --region R       the signing region (default: read from the endpoint's host, else us-east-1)
          -h, --help       print this text

        exit codes: 0 success, 1 transport error, 2 service error (such as NotFoundException),
                    3 no credentials, 64 bad arguments, 130 cancelled

        """;

    /// <summary>The endpoint to call, or null to start the embedded one.</summary>
    public Uri? Endpoint { get; init; }

    public string BucketName { get; init; } = DefaultBucketName;

    /// <summary>The region given on the command line, or null to infer it.</summary>
    public string? Region { get; init; }

    public bool ShowHelp { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out AwsArguments? result, [NotNullWhen(false)] out string? error)
    {
        var parsed = new AwsArguments();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index++)
        {
            var (name, inline) = Split(args[index]);
            if (name is "-h" or "--help" && inline is null)
            {
                result = new AwsArguments { ShowHelp = true };
                error = null;
                return true;
            }

            if (name is not ("--endpoint" or "--bucket" or "--region"))
            {
                return Fail("unknown argument '" + args[index] + "'", out result, out error);
            }

            if (!seen.Add(name))
            {
                return Fail(name + " is given more than once", out result, out error);
            }

            var value = inline ?? (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[++index] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Fail(name + " needs a value", out result, out error);
            }

            switch (name)
            {
                case "--endpoint":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                    {
                        return Fail("--endpoint '" + value + "' is not an absolute http or https URL", out result, out error);
                    }

                    parsed = parsed with { Endpoint = endpoint };
                    break;
                case "--bucket":
                    parsed = parsed with { BucketName = value };
                    break;
                default:
                    // It becomes part of the credential scope, where a '/' would shift the other parts.
                    if (value.Contains('/', StringComparison.Ordinal))
                    {
                        return Fail("--region '" + value + "' is not a region name", out result, out error);
                    }

                    parsed = parsed with { Region = value };
                    break;
            }
        }

        result = parsed;
        error = null;
        return true;
    }

    private static (string Name, string? Inline) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (argument[..equals], argument[(equals + 1)..]) : (argument, null);
    }

    private static bool Fail(string message, out AwsArguments? result, out string error)
    {
        result = null;
        error = message;
        return false;
    }
}
