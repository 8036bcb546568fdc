using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// Bodies are read into pooled buffers and under a reused timeout source: nothing of one call (its bytes, its timer,
/// its cancellation) may reach the next.
/// </summary>
public sealed class BodyReuseTests
{
    [Fact]
    public async Task A_short_body_after_a_long_one_is_only_itself()
    {
        Assert.Equal(new string('a', 5000), await SendTextAsync(new StringContent(new string('a', 5000))));
        Assert.Equal("bb", await SendTextAsync(new StringContent("bb")));
        Assert.Equal("bb", await SendTextAsync(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("bb")))));
    }

    [Fact]
    public async Task A_timed_out_or_cancelled_read_leaves_nothing_behind_for_the_next_calls()
    {
        for (var round = 0; round < 3; round++)
        {
            // A stalled body times out the .NET way.
            var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => SendTextAsync(new StreamContent(new DelayedBody(string.Empty, Timeout.InfiniteTimeSpan)), TimeSpan.FromMilliseconds(200)));
            Assert.IsType<TimeoutException>(timedOut.InnerException);

            // The caller's cancellation stays the caller's, not a timeout.
            using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
            {
                var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendTextAsync(new StreamContent(new DelayedBody(string.Empty, Timeout.InfiniteTimeSpan)), TimeSpan.FromSeconds(30), cancellation.Token));
                Assert.IsNotType<TimeoutException>(cancelled.InnerException);
            }

            // A quick call under a short timeout, then a slow one under a long timeout: the first timer must not fire
            // into the second read, whose body outlasts the first timeout twice over.
            var shortTimeout = await QuickCallUnderAShortTimeoutAsync();
            Assert.Equal("slow", await SendTextAsync(new StreamContent(new DelayedBody("slow", shortTimeout * 2)), TimeSpan.FromSeconds(30)));
        }
    }

    /// <summary>
    /// Completes a call under a short timeout and returns that timeout. It starts at 150 ms and doubles whenever the
    /// machine was too busy to finish the call within it, so a loaded machine makes the test slower, never red.
    /// </summary>
    private static async Task<TimeSpan> QuickCallUnderAShortTimeoutAsync()
    {
        for (var timeout = TimeSpan.FromMilliseconds(150); ; timeout *= 2)
        {
            try
            {
                Assert.Equal("ok", await SendTextAsync(new StringContent("ok"), timeout));
                return timeout;
            }
            catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException && timeout < TimeSpan.FromSeconds(10))
            {
                // Too busy this time: again, with twice the time.
            }
        }
    }

    private static async Task<string> SendTextAsync(HttpContent content, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.OK, content))) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/notes/a");
        return await ContractsHttp.SendTextAsync(http, request, "GetNote", errors: null, cancellationToken);
    }

    /// <summary>A body that arrives whole after <paramref name="delay"/>; with an infinite delay, a body that stalls until the read is cancelled.</summary>
    private sealed class DelayedBody(string text, TimeSpan delay) : Stream
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent)
            {
                return 0;
            }

            await Task.Delay(delay, cancellationToken);
            _bytes.CopyTo(buffer);
            _sent = true;
            return _bytes.Length;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
