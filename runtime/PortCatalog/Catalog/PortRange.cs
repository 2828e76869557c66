namespace PortCatalog;

/// <summary>A contiguous range of ports a catalog entry is registered for, such as X11's 6000 to 6063.</summary>
/// <param name="First">The first port of the range.</param>
/// <param name="Last">The last port of the range (inclusive).</param>
public readonly record struct PortRange(int First, int Last)
{
    /// <summary>The number of ports in the range.</summary>
    public int Count => Last - First + 1;

    /// <summary>Whether <paramref name="port"/> lies in the range.</summary>
    /// <param name="port">The port number.</param>
    /// <returns><see langword="true"/> when <see cref="First"/> &lt;= <paramref name="port"/> &lt;= <see cref="Last"/>.</returns>
    public bool Contains(int port) => port >= First && port <= Last;
}
