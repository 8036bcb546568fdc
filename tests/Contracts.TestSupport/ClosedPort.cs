using System;
using System.Net;
using System.Net.Sockets;

namespace Contracts.TestSupport;

/// <summary>
/// An address on 127.0.0.1 where nothing listens, for tests of refused connections. The port stays bound (without
/// listening) until dispose, so no server of a test running in parallel can be given it meanwhile, as it could a port
/// that a stopped server released.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_socket.LocalEndPoint!).Port + "/");
    }

    /// <summary>Such as <c>http://127.0.0.1:54321/</c>; a connection to it is refused.</summary>
    public Uri BaseAddress { get; }

    public void Dispose() => _socket.Dispose();
}
