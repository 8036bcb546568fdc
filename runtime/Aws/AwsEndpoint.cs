using System;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Reads the SigV4 service signing name and region from an AWS endpoint host, such as
/// <c>lightsail.us-east-1.amazonaws.com</c>. For most services the endpoint prefix is the signing name; where it is
/// not (a few older services), configure the name explicitly.
/// </summary>
public static class AwsEndpoint
{
    // The partitions' DNS suffixes: commercial (and GovCloud), China, and the dual-stack "api.aws" form.
    private static readonly string[] Suffixes = { ".amazonaws.com", ".amazonaws.com.cn", ".api.aws" };

    /// <summary>
    /// The service signing name of an AWS endpoint: <c>lightsail</c> for <c>lightsail.us-east-1.amazonaws.com</c>,
    /// <c>s3</c> for <c>bucket.s3.dualstack.eu-west-1.amazonaws.com</c>, <c>dynamodb</c> for
    /// <c>dynamodb-fips.us-west-2.amazonaws.com</c>, <c>iam</c> for <c>iam.amazonaws.com</c>; <see langword="null"/>
    /// when the host is not an AWS endpoint (such as <c>localhost</c>).
    /// </summary>
    public static string? ServiceFromHost(Uri endpoint) => Parse(endpoint).Service;

    /// <summary>
    /// The region of an AWS endpoint: <c>us-east-1</c> for <c>lightsail.us-east-1.amazonaws.com</c>,
    /// <c>cn-north-1</c> for <c>ec2.cn-north-1.amazonaws.com.cn</c>; <see langword="null"/> for global endpoints
    /// (such as <c>iam.amazonaws.com</c>) and for hosts that are not AWS endpoints.
    /// </summary>
    public static string? RegionFromHost(Uri endpoint) => Parse(endpoint).Region;

    private static (string? Service, string? Region) Parse(Uri endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint URI is not absolute.", nameof(endpoint));
        }

        var labels = ServiceLabels(endpoint.IdnHost.TrimEnd('.').ToLowerInvariant());
        if (labels is null)
        {
            return (null, null);
        }

        // service.region (with optional "dualstack" between them) is the common shape; take the last region label
        // so that a bucket or resource prefix in front does not matter.
        for (var i = labels.Length - 1; i > 0; i--)
        {
            if (IsRegion(labels[i]))
            {
                var service = i - 1;
                if (labels[service] == "dualstack" && service > 0)
                {
                    service--;
                }

                return (SigningName(labels[service]), labels[i]);
            }
        }

        // Legacy "service-region" labels, such as s3-us-west-2.amazonaws.com.
        var last = labels[labels.Length - 1];
        var dash = last.IndexOf('-');
        if (dash > 0 && IsRegion(last.Substring(dash + 1)))
        {
            return (SigningName(last.Substring(0, dash)), last.Substring(dash + 1));
        }

        // A global endpoint: service.amazonaws.com (or bucket.s3.amazonaws.com).
        return IsRegion(last) ? (null, last) : (SigningName(last), null);
    }

    // The labels in front of a known suffix, or null when the host is not under one.
    private static string[]? ServiceLabels(string host)
    {
        foreach (var suffix in Suffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return host.Substring(0, host.Length - suffix.Length).Split('.');
            }
        }

        return null;
    }

    // FIPS endpoints carry the suffix in the host only; the signing name is the plain one.
    private static string SigningName(string label) =>
        label.EndsWith("-fips", StringComparison.Ordinal) ? label.Substring(0, label.Length - "-fips".Length) : label;

    // Region names look like "us-east-1", "us-gov-west-1", "cn-north-1": a two-letter area, words, a number.
    private static bool IsRegion(string label)
    {
        var parts = label.Split('-');
        if (parts.Length < 3 || parts[0].Length != 2 || !AllLetters(parts[0]) || !AllDigits(parts[parts.Length - 1]))
        {
            return false;
        }

        for (var i = 1; i < parts.Length - 1; i++)
        {
            if (!AllLetters(parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllLetters(string text)
    {
        foreach (var c in text)
        {
            if (c < 'a' || c > 'z')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
