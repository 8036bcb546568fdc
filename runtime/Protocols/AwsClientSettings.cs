using System;
using System.ComponentModel;

namespace Contracts.Runtime.Aws;

/// <summary>What a generated AWS client needs on every call: who signs, where, how errors map and how it retries.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsClientSettings
{
    /// <summary>Creates the settings.</summary>
    /// <exception cref="ArgumentException">The region is empty or not a host label (<c>us-east-1</c>), or the service is empty.</exception>
    public AwsClientSettings(IAwsCredentialsProvider credentials, string region, string service, AwsErrorMapper errors, RetryPolicy? retry = null)
    {
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        Region = string.IsNullOrEmpty(region) ? throw new ArgumentException("A region is required to sign requests.", nameof(region))
            : Http.ServerVariables.IsHostLabel(region, 0, region.Length) ? region
            : throw new ArgumentException(
                "The region " + Http.ServerVariables.Shown(region) + " is not a region name (letters, digits and hyphens, such as us-east-1): it is the signing region and a label of the endpoint's host.",
                nameof(region));
        Service = string.IsNullOrEmpty(service) ? throw new ArgumentException("A service signing name is required.", nameof(service)) : service;
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        Retry = retry ?? RetryPolicy.Default;
    }

    /// <summary>Supplies the signing credentials.</summary>
    internal IAwsCredentialsProvider Credentials { get; }

    /// <summary>The signing region.</summary>
    internal string Region { get; }

    /// <summary>The service signing name.</summary>
    internal string Service { get; }

    /// <summary>Maps error responses to exceptions.</summary>
    internal AwsErrorMapper Errors { get; }

    /// <summary>The retry policy.</summary>
    internal RetryPolicy Retry { get; }

    /// <summary>The current time, for signing; replaceable in tests.</summary>
    internal Func<DateTimeOffset> Clock { get; init; } = static () => DateTimeOffset.UtcNow;
}
