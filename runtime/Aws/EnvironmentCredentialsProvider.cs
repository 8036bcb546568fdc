using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Reads credentials from the standard environment variables <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>
/// and, for temporary credentials, <c>AWS_SESSION_TOKEN</c>. The variables are read on every call, so a rotated
/// key is picked up without restarting.
/// </summary>
public sealed class EnvironmentCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>The variable holding the access key id.</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>The variable holding the secret access key.</summary>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The variable holding the session token of temporary credentials (optional).</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates a provider that reads the process environment.</summary>
    public EnvironmentCredentialsProvider()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a provider that reads variables through <paramref name="getVariable"/> (for tests and hosts with their own environment).</summary>
    public EnvironmentCredentialsProvider(Func<string, string?> getVariable)
    {
        _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The access key id or the secret access key is not set.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AwsCredentials>(Read());
    }

    private AwsCredentials Read()
    {
        var accessKeyId = Get(AccessKeyIdVariable);
        var secretAccessKey = Get(SecretAccessKeyVariable);
        var sessionToken = Get(SessionTokenVariable);

        if (accessKeyId is null || secretAccessKey is null)
        {
            var missing = new List<string>(2);
            if (accessKeyId is null)
            {
                missing.Add(AccessKeyIdVariable);
            }

            if (secretAccessKey is null)
            {
                missing.Add(SecretAccessKeyVariable);
            }

            throw new AwsCredentialsException(
                "AWS credentials were not found in the environment: " + string.Join(" and ", missing) + (missing.Count == 1 ? " is" : " are") +
                " not set. Set " + AccessKeyIdVariable + " and " + SecretAccessKeyVariable + " (and " + SessionTokenVariable +
                " for temporary credentials), or configure the credentials explicitly.");
        }

        try
        {
            return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken);
        }
        catch (ArgumentException exception)
        {
            // Values are non-empty here, so a control character is the only possible fault. Say which variable
            // holds it in words of our own: the value itself is never repeated.
            throw new AwsCredentialsException(
                "The AWS credentials in the environment are not usable: " + VariableOf(exception.ParamName) + " contains a control character.");
        }
    }

    // Blank counts as unset; surrounding whitespace (such as a newline from `$(cat file)`) is not part of a key.
    private string? Get(string name)
    {
        var value = _getVariable(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string VariableOf(string? parameterName) => parameterName switch
    {
        "accessKeyId" => AccessKeyIdVariable,
        "secretAccessKey" => SecretAccessKeyVariable,
        _ => SessionTokenVariable,
    };
}
