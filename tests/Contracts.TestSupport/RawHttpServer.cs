using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.IntegrationTests.Infrastructure;

/// <summary>
/// A TcpListener on 127.0.0.1 that answers with bytes the test writes itself, for what Kestrel will not do on purpose:
/// a body cut short, a reset mid-body, a body that stalls. It reads the request head, then hands the connection over.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawConnection, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly System.Collections.Concurrent.ConcurrentBag<Socket> _sockets = new();
    private readonly TaskCompletionSource<RawConnection> _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RawHttpServer(Func<RawConnection, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The first connection, once its handler has finished (or failed).</summary>
    public Task<RawConnection> FirstConnection => _firstConnection.Task;

    public static RawHttpServer Start(Func<RawConnection, Task> handler) => new(handler);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _sockets.Add(socket);
            _ = ServeAsync(new RawConnection(socket));
        }
    }

    private async Task ServeAsync(RawConnection connection)
    {
        try
        {
            await connection.ReadRequestHeadAsync();
            await _handler(connection);
        }
        catch (Exception exception)
        {
            connection.HandlerError = exception;
        }
        finally
        {
            _firstConnection.TrySetResult(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception)
        {
            // The listener was stopped under the loop.
        }

        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }
}

/// <summary>One accepted connection: the request head as received, and ways to answer or misbehave.</summary>
public sealed class RawConnection(Socket socket)
{
    /// <summary>How long a test waits for the client at most; only a guard against hangs, never a measured time.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public Socket Socket { get; } = socket;

    public string RequestHead { get; private set; } = string.Empty;

    /// <summary>What the handler threw, if anything (a write to a connection the client closed, say).</summary>
    public Exception? HandlerError { get; set; }

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
