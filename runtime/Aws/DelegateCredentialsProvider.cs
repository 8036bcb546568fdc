using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// A provider whose credentials come from a method: lets a provider hand its own uncached resolution to a
/// <see cref="CachingCredentialsProvider"/> it holds, without exposing that resolution as a second public provider.
/// </summary>
internal sealed class DelegateCredentialsProvider : IAwsCredentialsProvider
{
    private readonly Func<CancellationToken, Task<AwsCredentials>> _resolve;

    public DelegateCredentialsProvider(Func<CancellationToken, Task<AwsCredentials>> resolve)
    {
        _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));
    }

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(_resolve(cancellationToken));
}
