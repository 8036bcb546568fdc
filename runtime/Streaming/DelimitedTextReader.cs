using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// Cuts a body into texts at a delimiter byte over one pooled buffer: JSON Lines at LF (a CR before it is whitespace),
/// JSON sequences (RFC 7464) at the record separator 0x1E that starts each text. Each text is trimmed of JSON
/// whitespace and handed out as a span of the buffer (no copy, no string); empty texts (blank lines) are skipped. A
/// text that grows past the cap fails as soon as it does, so nothing longer is ever buffered; the last text may end
/// with the body instead of a delimiter. The buffer is wiped when returned (bodies hold secrets).
/// </summary>
internal sealed class DelimitedTextReader : IDisposable
{
    private const int FirstBufferSize = 4 * 1024;
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] s_bom = { 0xEF, 0xBB, 0xBF };

    private readonly StreamBody _body;
    private readonly byte _delimiter;
    private readonly long _limit;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _searched;
    private bool _eof;
    private bool _started;
    private int _currentStart;
    private int _currentLength;

    public DelimitedTextReader(StreamBody body, StreamFormat format, long limit)
    {
        _body = body;
        _delimiter = format == StreamFormat.JsonSequence ? RecordSeparator : (byte)'\n';
        _limit = limit;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(FirstBufferSize, limit + 1));
    }

    /// <summary>The current text, valid until the next <see cref="MoveNextAsync"/>.</summary>
    public ReadOnlySpan<byte> Current => new(_buffer, _currentStart, _currentLength);

    /// <summary>The bytes of the text that crossed the cap, for the exception.</summary>
    public string? OverLimitExcerpt { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_started && TryCut(out var found))
            {
                if (found)
                {
                    return true;
                }

                continue;
            }

            if (_end - _start > _limit)
            {
                OverLimitExcerpt = ResponseText.Excerpt(new ReadOnlySpan<byte>(_buffer, _start, _end - _start));
                throw new StreamBody.EventTooLargeException();
            }

            if (_eof)
            {
                // The last text may end with the body.
                return _start < _end && Take(_start, _end, _end);
            }

            MakeRoom();
            var read = await _body.ReadAsync(new Memory<byte>(_buffer, _end, _buffer.Length - _end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
            if (!_started && (_end >= s_bom.Length || _eof))
            {
                _started = true;
                if (new ReadOnlySpan<byte>(_buffer, 0, _end).StartsWith(s_bom))
                {
                    _start = _searched = s_bom.Length;
                }
            }
        }
    }

    /// <summary>Looks for the next delimiter in what was read; true when one was found (<paramref name="found"/>: a text was taken), false when more must be read.</summary>
    private bool TryCut(out bool found)
    {
        var at = new ReadOnlySpan<byte>(_buffer, _searched, _end - _searched).IndexOf(_delimiter);
        if (at < 0)
        {
            _searched = _end;
            found = false;
            return false;
        }

        at += _searched;
        found = Take(_start, at, at + 1);
        return true;
    }

    /// <summary>Makes [from, to) trimmed the current text if it is not empty; what follows starts at <paramref name="next"/>.</summary>
    private bool Take(int from, int to, int next)
    {
        _start = _searched = next;
        while (from < to && IsWhitespace(_buffer[from]))
        {
            from++;
        }

        while (to > from && IsWhitespace(_buffer[to - 1]))
        {
            to--;
        }

        _currentStart = from;
        _currentLength = to - from;
        return _currentLength > 0;
    }

    // JSON's whitespace; the record separator too, where a JSON Lines body holds one (it is never part of a JSON text).
    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or RecordSeparator;

    /// <summary>Moves the unread bytes to the start of the buffer, or grows it (never past the cap and one read more) when they fill it.</summary>
    private void MakeRoom()
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            Array.Clear(_buffer, pending, _end - pending);
            _searched -= _start;
            _start = 0;
            _end = pending;
            return;
        }

        var size = (int)Math.Min(Math.Min((long)_buffer.Length * 2, _limit + 1), 0x7FFFFFC7);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, _buffer.Length + 1));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _currentStart = _currentLength = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
