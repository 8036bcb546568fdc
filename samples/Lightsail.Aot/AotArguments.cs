using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lightsail.Aot;

/// <summary>The command line: <c>--endpoint URL [--bucket NAME]</c>.</summary>
internal sealed record AotArguments(Uri Endpoint, string BucketName)
{
    public const string Usage = "usage: Lightsail.Aot --endpoint URL [--bucket NAME]";

    private const string DefaultBucketName = "demo-bucket";

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out AotArguments? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        Uri? endpoint = null;
        var bucketName = DefaultBucketName;
        for (var index = 0; index < args.Count; index += 2)
        {
            if (index + 1 >= args.Count)
            {
                error = args[index] + " needs a value";
                return false;
            }

            var value = args[index + 1];
            switch (args[index])
            {
                case "--endpoint":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out endpoint)
                        || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                    {
                        error = "--endpoint '" + value + "' is not an absolute http or https URL";
                        return false;
                    }

                    break;
                case "--bucket":
                    bucketName = value;
                    break;
                default:
                    error = "unknown argument '" + args[index] + "'";
                    return false;
            }
        }

        if (endpoint is null)
        {
            // Unlike the demo there is no embedded endpoint: it would pull ASP.NET Core into the native binary.
            error = "--endpoint is required";
            return false;
        }

        result = new AotArguments(endpoint, bucketName);
        error = null;
        return true;
    }
}
