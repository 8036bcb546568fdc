using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lightsail.Demo;

/// <summary>The command line of the demo: <c>[--endpoint URL] [--bucket NAME] [--help]</c>.</summary>
internal sealed record DemoArguments
{
    /// <summary>The bucket asked about when <c>--bucket</c> is not given.</summary>
    public const string DefaultBucketName = "demo-bucket";

    /// <summary>The usage text, printed by <c>--help</c> and after a bad argument.</summary>
    public const string Usage =
        """
        usage: Lightsail.Demo [--endpoint URL] [--bucket NAME]

        Calls Lightsail GetBucketAccessKeys through the generated LightsailClient and prints the bucket's access keys.

          --endpoint URL   the Lightsail-compatible endpoint to call (absolute http or https URL);
                           without it an embedded endpoint is started on 127.0.0.1 and called instead
          --bucket NAME    the bucket to ask about (default: demo-bucket; try missing-bucket for an error)
          -h, --help       print this text

        exit codes: 0 success, 1 transport error, 2 service error, 64 bad arguments, 130 cancelled

        """;

    /// <summary>The endpoint to call, or <see langword="null"/> to start the embedded one.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The name of the bucket whose access keys are listed.</summary>
    public string BucketName { get; init; } = DefaultBucketName;

    /// <summary>True when the usage text was asked for; the other values are then meaningless.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why in one line.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out DemoArguments? result,
        [NotNullWhen(false)] out string? error)
    {
        Uri? endpoint = null;
        string? bucketName = null;
        for (var index = 0; index < args.Count; index++)
        {
            var (name, inlineValue) = SplitOption(args[index]);
            switch (name)
            {
                case "-h" or "--help" when inlineValue is null:
                    result = new DemoArguments { ShowHelp = true };
                    error = null;
                    return true;

                case "--endpoint":
                    if (endpoint is not null)
                    {
                        return Fail("--endpoint is given more than once", out result, out error);
                    }

                    if (!TryTakeValue(args, ref index, inlineValue, out var endpointText))
                    {
                        return Fail("--endpoint needs a URL", out result, out error);
                    }

                    if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint)
                        || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                    {
                        return Fail("--endpoint '" + endpointText + "' is not an absolute http or https URL", out result, out error);
                    }

                    break;

                case "--bucket":
                    if (bucketName is not null)
                    {
                        return Fail("--bucket is given more than once", out result, out error);
                    }

                    if (!TryTakeValue(args, ref index, inlineValue, out bucketName) || string.IsNullOrWhiteSpace(bucketName))
                    {
                        return Fail("--bucket needs a bucket name", out result, out error);
                    }

                    break;

                default:
                    return Fail("unknown argument '" + args[index] + "'", out result, out error);
            }
        }

        result = new DemoArguments { Endpoint = endpoint, BucketName = bucketName ?? DefaultBucketName };
        error = null;
        return true;
    }

    /// <summary>Splits <c>--name=value</c> into its parts; other arguments have no inline value.</summary>
    private static (string Name, string? InlineValue) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    /// <summary>Takes an option's value: the inline one, else the next argument unless that is another option.</summary>
    private static bool TryTakeValue(IReadOnlyList<string> args, ref int index, string? inlineValue, [NotNullWhen(true)] out string? value)
    {
        if (inlineValue is not null)
        {
            value = inlineValue;
            return inlineValue.Length > 0;
        }

        if (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            index++;
            value = args[index];
            return true;
        }

        value = null;
        return false;
    }

    private static bool Fail(string message, out DemoArguments? result, [NotNull] out string? error)
    {
        result = null;
        error = message;
        return false;
    }
}
