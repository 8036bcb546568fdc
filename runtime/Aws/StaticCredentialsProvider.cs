using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>Always supplies the same credentials, given up front.</summary>
public sealed class StaticCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Creates a provider of <paramref name="credentials"/>.</summary>
    public StaticCredentialsProvider(AwsCredentials credentials)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(_credentials);

    /// <inheritdoc />
    public override string ToString() => "StaticCredentialsProvider(" + _credentials + ")";
}
