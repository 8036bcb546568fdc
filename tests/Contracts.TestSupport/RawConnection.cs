using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.TestSupport;

/// <summary>One accepted connection: the request head as received, and ways to answer or misbehave.</summary>
public sealed class RawConnection(Socket socket)
{
    /// <summary>How long a test waits for the client at most; only a guard against hangs, never a measured time.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public Socket Socket { get; } = socket;

    public string RequestHead { get; private set; } = string.Empty;

    internal async Task ReadRequestHeadAsync()
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await Socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        RequestHead = head.ToString();
    }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes) => await Socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>Closes the connection cleanly (FIN): the client sees the end of the stream.</summary>
    public void CloseGracefully()
    {
        Socket.Shutdown(SocketShutdown.Send);
        Socket.Close();
    }

    /// <summary>Resets the connection (RST): linger 0 makes the close abortive.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>
    /// Waits until the client closes or aborts the connection (a read returns 0 or fails); true if it did within
    /// <see cref="Patience"/>. This is how the tests see that a socket was released.
    /// </summary>
    public async Task<bool> ClientClosedAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (await Socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
