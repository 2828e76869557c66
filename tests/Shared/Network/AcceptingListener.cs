using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

/// <summary>A TCP listener that accepts and closes every connection (from a native loop: no managed allocation).</summary>
internal sealed class AcceptingListener : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _thread;

    public AcceptingListener(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(address, 0));
        _socket.Listen(4096); // room for connections the accept thread has not reached yet on a busy machine
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        var fd = (int)_socket.Handle;
        _thread = new Thread(() =>
        {
            while (true)
            {
                var client = Native.Accept(fd, IntPtr.Zero, IntPtr.Zero);
                if (client < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Native.EINTR)
                    {
                        continue;
                    }

                    return;
                }

                Native.Close(client);
            }
        })
        { IsBackground = true, Name = "AcceptingListener" };
        _thread.Start();
    }

    public int Port { get; }

    public void Dispose()
    {
        // close() does not wake a thread blocked in accept() on Linux; shutdown() does.
        Native.Shutdown((int)_socket.Handle, Native.SHUT_RDWR);
        _thread.Join();
        _socket.Dispose();
    }
}
