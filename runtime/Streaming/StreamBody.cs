using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// The response body of a stream as its reader sees it. Each read that waits on the connection runs under the idle
/// timeout (the timer starts when the read waits and stops when bytes arrive, so the time the caller spends between
/// items never counts). For
/// server-sent events it also counts the bytes of the current event, from the blank line that ended the previous
/// one: System.Net.ServerSentEvents 10 grows its line and data buffers without a bound, so an event longer than the
/// cap fails here, after at most the cap and one read more were buffered, rather than being read whole into memory.
/// </summary>
internal sealed class StreamBody : Stream
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private readonly Stream _inner;
    private readonly CancellationTokenSource _reading;
    private readonly TimeSpan _idleTimeout;
    private readonly long _eventLimit;

    // SSE line state, kept across reads: the bytes of the current line so far, whether the last byte was a CR (so that
    // an LF right after it ends nothing more), and the bytes of the current event.
    private readonly bool _countEvents;
    private long _lineLength;
    private bool _afterCR;
    private long _eventBytes;

    // Whether the body was read to its end (then the connection goes back to the pool when the response is disposed).
    private bool _ended;

    /// <param name="inner">The response's content stream.</param>
    /// <param name="reading">Cancelled by the caller's tokens; the idle timer cancels it too.</param>
    /// <param name="idleTimeout">The longest wait for the next bytes, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="eventLimit">The most bytes one server-sent event may span, or -1 to count nothing (the other formats cap their items themselves).</param>
    public StreamBody(Stream inner, CancellationTokenSource reading, TimeSpan idleTimeout, long eventLimit)
    {
        _inner = inner;
        _reading = reading;
        _idleTimeout = idleTimeout;
        _eventLimit = eventLimit;
        _countEvents = eventLimit >= 0;
    }

    /// <summary>The excerpt of the bytes that crossed the cap, for the exception that names the event.</summary>
    public string? OverLimitExcerpt { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A stream is read asynchronously.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(new Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

#if NET5_0_OR_GREATER
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
#else
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
#endif
    {
        // The token the reader passes is _reading's own (or a link to it): reads always run under _reading.
        _ = cancellationToken;
#if NET5_0_OR_GREATER
        var pending = _inner.ReadAsync(buffer, _reading.Token);
#else
        var pending = System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment)
            ? new ValueTask<int>(_inner.ReadAsync(segment.Array!, segment.Offset, segment.Count, _reading.Token))
            : throw new NotSupportedException("Reads go to an array.");
#endif

        // The timer runs only while a read waits on the connection: bytes already received complete it at once, and
        // the time the caller spends between items never counts.
        var timed = !pending.IsCompleted && _idleTimeout != Timeout.InfiniteTimeSpan;
        if (timed)
        {
            _reading.CancelAfter(_idleTimeout);
        }

        int read;
        try
        {
            read = await pending.ConfigureAwait(false);
        }
        finally
        {
            if (timed && !_reading.IsCancellationRequested)
            {
                _reading.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }

        if (read == 0)
        {
            _ended = true;
        }

        if (_countEvents && read > 0)
        {
            Count(buffer.Span.Slice(0, read));
        }

        return read;
    }

    /// <summary>Adds <paramref name="chunk"/> to the current event's count, restarting it after each blank line; throws when an event crosses the cap.</summary>
    private void Count(ReadOnlySpan<byte> chunk)
    {
        var eventStart = -1;
        var position = 0;
        while (position < chunk.Length)
        {
            var found = chunk.Slice(position).IndexOfAny(CR, LF);
            if (found < 0)
            {
                _lineLength += chunk.Length - position;
                _afterCR = false;
                break;
            }

            if (found > 0)
            {
                _lineLength += found;
                _afterCR = false;
            }

            var at = position + found;
            var newline = chunk[at];
            position = at + 1;
            if (newline == LF && _afterCR)
            {
                // The LF of a CRLF: the CR already ended the line.
                _afterCR = false;
                continue;
            }

            if (_lineLength == 0)
            {
                // A blank line ends the event (dispatched, or dropped when it had no data): the next one starts here.
                eventStart = position;
            }

            _lineLength = 0;
            _afterCR = newline == CR;
        }

        _eventBytes = eventStart < 0 ? _eventBytes + chunk.Length : chunk.Length - eventStart;
        if (_eventBytes > _eventLimit)
        {
            OverLimitExcerpt = ResponseText.Excerpt(chunk.Slice(Math.Max(eventStart, 0)));
            throw new EventTooLargeException();
        }
    }

    /// <summary>
    /// Ends reading before the body did (the caller left the loop, <c>[DONE]</c>, an error) so that the connection
    /// closes now. Disposing a response mid-body would make SocketsHttpHandler drain it first, for up to two seconds
    /// and a megabyte, to reuse the connection: a generating server would go on generating. A read cancelled while it
    /// waits on the connection aborts the connection instead. A read that completes at once with the end of the body
    /// (a server that ended the body right after its last event) leaves the connection to be reused.
    /// </summary>
    public async ValueTask CloseAsync()
    {
        if (_ended)
        {
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            // Bytes already received complete a read at once: a few reads reach the connection itself.
            for (var attempt = 0; attempt < 8; attempt++)
            {
                using var abort = new CancellationTokenSource();
#if NET5_0_OR_GREATER
                var read = _inner.ReadAsync(scratch, abort.Token);
#else
                var read = new ValueTask<int>(_inner.ReadAsync(scratch, 0, scratch.Length, abort.Token));
#endif
                if (read.IsCompleted)
                {
                    if (await read.ConfigureAwait(false) == 0)
                    {
                        return;
                    }

                    continue;
                }

                abort.Cancel();
                try
                {
                    await read.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The cancellation (or the abort it caused): what was wanted.
                }

                return;
            }
        }
        catch (Exception)
        {
            // A body that fails now is closing anyway.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch, clearArray: true);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Raised through the parser when an event crosses the cap; the enumeration turns it into an <see cref="ApiException"/> that names the event.</summary>
    internal sealed class EventTooLargeException : Exception
    {
    }
}
