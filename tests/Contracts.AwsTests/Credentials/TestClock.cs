using System;

namespace Contracts.AwsTests.Credentials;

/// <summary>A clock the test moves: credential expiry is checked against it, and requests are signed at its time.</summary>
public sealed class TestClock
{
    public DateTimeOffset Now { get; private set; } = new(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;
}
