using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.TestSupport;

/// <summary>
/// A TcpListener on 127.0.0.1 (port 0, the bound port read back) that answers with bytes the test writes itself, for
/// what Kestrel will not do on purpose: a body cut short, a reset mid-body, a body that stalls. It reads the request
/// head, then hands the connection over. A handler that throws fails the test: <see cref="DisposeAsync"/> rethrows
/// what the handlers threw, except the socket errors of connections it closed itself.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawConnection, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentBag<Socket> _sockets = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly ConcurrentQueue<Exception> _handlerErrors = new();

    private RawHttpServer(Func<RawConnection, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

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
            _connections.Add(ServeAsync(new RawConnection(socket)));
        }
    }

    private async Task ServeAsync(RawConnection connection)
    {
        try
        {
            await connection.ReadRequestHeadAsync();
            await _handler(connection);
        }
        catch (Exception exception) when (!ClosedByDispose(exception))
        {
            // Kept for DisposeAsync: a handler that fails (a wait that gave up, a write that broke) must fail the test,
            // even when the client's side of it looked as expected.
            _handlerErrors.Enqueue(exception);
        }
        catch (Exception)
        {
            // The server is being stopped under the handler: its sockets are closed on purpose.
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the server's own doing: a socket it closed while stopping.</summary>
    private bool ClosedByDispose(Exception exception) =>
        _stop.IsCancellationRequested && exception is SocketException or ObjectDisposedException or IOException or OperationCanceledException;

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

        await Task.WhenAll(_connections);
        _stop.Dispose();
        if (!_handlerErrors.IsEmpty)
        {
            throw new AggregateException("A connection handler of the raw HTTP server failed.", _handlerErrors);
        }
    }
}
