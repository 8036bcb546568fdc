using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>Supplies the credentials that sign each request; called once per request, so it may rotate them.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Returns the current credentials.</summary>
    /// <exception cref="AwsCredentialsException">No credentials are available.</exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
