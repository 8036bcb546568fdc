using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Keeps the credentials a provider resolved until shortly before they expire (forever when they do not), so that a
/// provider behind every signed request calls STS, SSO or a process once per expiry, not once per request; concurrent
/// callers share one resolution.
/// </summary>
internal sealed class RefreshingCredentials
{
    /// <summary>How long before their expiration credentials are replaced: signing with them must still succeed.</summary>
    internal static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<DateTimeOffset> _clock;
    private AwsCredentials? _current;

    public RefreshingCredentials(Func<DateTimeOffset> clock)
    {
        _clock = clock;
    }

    public async ValueTask<AwsCredentials> GetAsync(Func<CancellationToken, Task<AwsCredentials>> resolve, CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } resolvedMeanwhile)
            {
                return resolvedMeanwhile;
            }

            var resolved = await resolve(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, resolved);
            return resolved;
        }
        finally
        {
            _gate.Release();
        }
    }

    private AwsCredentials? Fresh(AwsCredentials? credentials) =>
        credentials is not null && (credentials.Expiration is not { } expiration || expiration - RefreshAhead > _clock()) ? credentials : null;
}
