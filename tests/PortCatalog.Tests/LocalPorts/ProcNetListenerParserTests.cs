using System.Net;

namespace PortCatalog.Tests.LocalPorts;

/// <summary>The /proc/net table reader on fixed lines written from the kernel's format (net/ipv4/tcp_ipv4.c, udp.c).</summary>
public sealed class ProcNetListenerParserTests
{
    private const string TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private const string Tail = " 00000000:00000000 00:00000000 00000000     0        0 21437 1 0000000000000000 100 0 0 10 0";

    [Theory]
    // Little-endian words, as an x86 or ARM kernel prints them.
    [InlineData("   0: 0100007F:0277 00000000:0000 0A" + Tail, true, "127.0.0.1", 631)]
    [InlineData("   1: 00000000:0016 00000000:0000 0A" + Tail, true, "0.0.0.0", 22)]
    [InlineData("  12: 0A02000A:FFFF 00000000:0000 0a" + Tail, true, "10.0.2.10", 65535)]
    [InlineData("   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A" + Tail, true, "::1", 631)]
    [InlineData("   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A" + Tail, true, "::", 80)]
    [InlineData("   3: B80D0120000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A" + Tail, true, "2001:db8::1", 8080)]
    [InlineData("   4: 0000000000000000FFFF00000100007F:0035 00000000000000000000000000000000:0000 0A" + Tail, true, "::ffff:127.0.0.1", 53)]
    // Big-endian words (s390x, some MIPS and PowerPC kernels) print the same addresses in reading order.
    [InlineData("   0: 7F000001:0277 00000000:0000 0A" + Tail, false, "127.0.0.1", 631)]
    [InlineData("   3: 20010DB8000000000000000000000001:1F90 00000000000000000000000000000000:0000 0A" + Tail, false, "2001:db8::1", 8080)]
    public void ListeningTcpLinesGiveTheirLocalAddressAndPort(string line, bool littleEndian, string address, int port)
    {
        Assert.True(ProcNetListenerParser.TryParseLine(line, Transport.Tcp, littleEndian, out var parsedAddress, out var parsedPort));
        Assert.Equal(IPAddress.Parse(address), parsedAddress);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("   5: 0100007F:0277 0100007F:A2C4 01" + Tail)] // ESTABLISHED
    [InlineData("   6: 0100007F:A2C4 0100007F:0277 06" + Tail)] // TIME_WAIT
    [InlineData("   7: 0100007F:A2C4 0100007F:0277 07" + Tail)] // CLOSE
    public void TcpSocketsThatAreNotListeningAreLeftOut(string line)
        => Assert.False(ProcNetListenerParser.TryParseLine(line, Transport.Tcp, littleEndian: true, out _, out _));

    [Theory]
    [InlineData("  123: 00000000:0044 00000000:0000 07" + Tail, true, "0.0.0.0", 68)]
    [InlineData("  124: 3500007F:0035 00000000:0000 07" + Tail, true, "127.0.0.53", 53)]
    [InlineData("  125: 00000000000000000000000000000000:0222 00000000000000000000000000000000:0000 07" + Tail, true, "::", 546)]
    public void BoundUnconnectedUdpSocketsAreListeners(string line, bool littleEndian, string address, int port)
    {
        Assert.True(ProcNetListenerParser.TryParseLine(line, Transport.Udp, littleEndian, out var parsedAddress, out var parsedPort));
        Assert.Equal(IPAddress.Parse(address), parsedAddress);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("  126: 0100007F:D431 0100007F:0035 01" + Tail)] // connected to 127.0.0.1:53: it talks to one peer only
    [InlineData("  127: 00000000000000000000000001000000:D431 00000000000000000000000001000000:0035 01" + Tail)]
    public void ConnectedUdpSocketsAreLeftOut(string line)
        => Assert.False(ProcNetListenerParser.TryParseLine(line, Transport.Udp, littleEndian: true, out _, out _));

    [Theory]
    [InlineData(TcpHeader)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("   0:")]
    [InlineData("   0: 0100007F:0277")]                                   // truncated
    [InlineData("   0: 0100007F:0277 00000000:0000")]                     // no state
    [InlineData("   0 0100007F:0277 00000000:0000 0A" + Tail)]            // slot without its colon
    [InlineData("   0: 0100007F0277 00000000:0000 0A" + Tail)]            // address without a port
    [InlineData("   0: 0100007:0277 00000000:0000 0A" + Tail)]            // 7 hex digits
    [InlineData("   0: 0100007G:0277 00000000:0000 0A" + Tail)]           // not hex
    [InlineData("   0: 0100007F:277 00000000:0000 0A" + Tail)]            // 3-digit port
    [InlineData("   0: 0100007F:-277 00000000:0000 0A" + Tail)]
    [InlineData("   0: 0100007F:0000 00000000:0000 0A" + Tail)]           // port 0: not a listener
    [InlineData("   0: 000000000000000000000000010000:0277 00000000000000000000000000000000:0000 0A" + Tail)] // 30 digits
    [InlineData("   0: 0100007F:0277 zzzzzzzz:0000 0A" + Tail)]
    public void MalformedLinesAreSkipped(string line)
    {
        Assert.False(ProcNetListenerParser.TryParseLine(line, Transport.Tcp, littleEndian: true, out _, out _));
        Assert.False(ProcNetListenerParser.TryParseLine(line, Transport.Udp, littleEndian: true, out _, out _));
    }

    [Fact]
    public void ATableKeepsItsListenersAndSkipsEverythingElse()
    {
        var table = string.Join("\n",
            TcpHeader,
            "   0: 0100007F:0277 00000000:0000 0A" + Tail,
            "   1: garbage",
            "   2: 0100007F:A2C4 0100007F:0277 01" + Tail,
            "   3: 00000000:0016 00000000:0000 0A" + Tail,
            "");

        var listeners = ProcNetListenerParser.Parse(new StringReader(table), Transport.Tcp, littleEndian: true).ToList();

        Assert.Equal(new[] { (IPAddress.Loopback, 631), (IPAddress.Any, 22) }, listeners);
    }

    [LinuxFact]
    public void TheMachinesOwnTablesParseWithoutSkippingAListener()
    {
        // Every line of the live tables after the header is a socket; each one that the kernel says is listening
        // (TCP state 0A) must come out of the parser.
        foreach (var name in new[] { "tcp", "tcp6" })
        {
            var path = $"/proc/net/{name}";
            if (!File.Exists(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path).Skip(1).ToArray();
            var listening = lines.Count(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 3 } f && f[3] == "0A");
            var parsed = lines.Count(l => ProcNetListenerParser.TryParseLine(l, Transport.Tcp, BitConverter.IsLittleEndian, out _, out _));
            Assert.Equal(listening, parsed);
        }
    }
}
