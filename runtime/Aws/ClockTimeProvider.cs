using System;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The time of an <see cref="AwsEnvironment.Clock"/> as a <see cref="TimeProvider"/>, so that the providers configured
/// by an environment cache their credentials through <see cref="CachingCredentialsProvider"/> on the environment's
/// clock (which tests move) rather than on the system's.
/// </summary>
internal sealed class ClockTimeProvider : TimeProvider
{
    private readonly Func<DateTimeOffset> _clock;

    public ClockTimeProvider(Func<DateTimeOffset> clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public override DateTimeOffset GetUtcNow() => _clock().ToUniversalTime();
}
