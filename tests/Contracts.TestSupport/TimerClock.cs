using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer the code under test starts (its due time), so a test waits
/// for the code to start waiting, checks how long it asked for, and moves the clock on by exactly that: time is
/// injected, never slept, and no assertion depends on how fast the machine is.
/// </summary>
public sealed class TimerClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Starts at 2025-01-01T00:00:00Z (HTTP-dates have whole seconds).</summary>
    public TimerClock()
        : base(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits (at most 30 s, so a missing wait fails rather than hangs) until a timer starts; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits until a timer starts, moves the clock on by its due time (firing it), and returns that time.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }

    /// <summary>True when no timer has started since the last one read.</summary>
    public bool NoTimerStarted => !_timers.Reader.TryPeek(out _);
}
