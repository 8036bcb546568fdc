using System;
using System.IO;

namespace Contracts.Runtime.Tests.Infrastructure;

/// <summary>
/// A response body as a connection delivers it: <c>Length</c> bytes in small reads, then the end, or a failure
/// (<see cref="FailWith"/>). Counts what was read, so a test sees whether a body was read at all.
/// </summary>
internal sealed class ScriptedBody(long length, byte fill = (byte)'x') : Stream
{
    public Exception? FailWith { get; init; }

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (BytesRead == length)
        {
            return FailWith is null ? 0 : throw FailWith;
        }

        var n = (int)Math.Min(Math.Min(count, 1000), length - BytesRead);
        buffer.AsSpan(offset, n).Fill(fill);
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
