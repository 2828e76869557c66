using System.Globalization;
using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// The behaviour every probe engine must have, run once per engine by a subclass that says which engine to create
/// (<see cref="LinuxProbeEngineBehaviorTests"/>, <see cref="PortableProbeEngineBehaviorTests"/>). All traffic stays on loopback or in
/// a network namespace the test creates. Subclasses must carry <c>[Collection(ProbeCollection.Name)]</c>.
/// </summary>
public abstract class ProbeEngineBehaviorTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    protected ProbeEngineBehaviorTests()
    {
        Engine = CreateEngine();
    }

    private protected IProbeEngine Engine { get; }

    private protected abstract IProbeEngine CreateEngine();

    /// <summary>
    /// Whether the engine reads ICMP type and code from the socket error queue (Linux engine). The portable engine sees
    /// only errno: an IPv4 admin-prohibited is EHOSTUNREACH to it (host-unreach), and an ICMPv6 error during a TCP
    /// connect only surfaces after the SYN retransmission.
    /// </summary>
    private protected virtual bool ReadsIcmpTypeAndCode => false;

    public void Dispose()
    {
        Engine.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected async Task<PortState> TcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => (await Engine.ProbeTcpAsync(address, port, timeout, cancellationToken)).State;

    private protected async Task<PortState> UdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => (await Engine.ProbeUdpAsync(address, port, payload, timeout, cancellationToken)).State;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task TcpListeningPortIsOpen(string address)
    {
        var ip = IPAddress.Parse(address);
        using var listener = new AcceptingListener(ip);

        Assert.Equal(PortState.Open, await TcpAsync(ip, listener.Port, Quick, CancellationToken.None));
    }

    [LinuxFact]
    public async Task OpenProbesResetTheirConnectionsAndLeaveNoTimeWait()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(PortState.Open, await TcpAsync(IPAddress.Loopback, listener.Port, Quick, CancellationToken.None));
        }

        // A probe that closed with FIN would leave its connection in the FIN/TIME_WAIT states for up to a minute; a reset
        // removes both ends at once. Give the accepting thread a moment to close its side, then look for leftovers.
        await Task.Delay(200);
        var leftovers = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] != "0A" && (PortOf(fields[1]) == listener.Port || PortOf(fields[2]) == listener.Port))
            .Select(fields => $"{fields[1]} -> {fields[2]} state {fields[3]}")
            .ToList();
        Assert.Empty(leftovers);

        static int PortOf(string endpoint) => int.Parse(endpoint.Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task TcpPortWithoutListenerIsClosed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(PortState.Closed, await TcpAsync(ip, ProbeTargets.FreeTcpPort(ip), Quick, CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task TcpPortThatNeverAnswersIsFilteredAfterTheTimeout(string address)
    {
        var ip = IPAddress.Parse(address);
        using var silent = new SilentTcpListener(ip);
        var timeout = TimeSpan.FromMilliseconds(200);

        var started = DateTime.UtcNow;
        var state = await TcpAsync(ip, silent.Port, timeout, CancellationToken.None);

        Assert.Equal(PortState.Filtered, state);
        Assert.True(DateTime.UtcNow - started >= timeout - TimeSpan.FromMilliseconds(20), "answered before the timeout");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task UdpEchoPortIsOpen(string address)
    {
        var ip = IPAddress.Parse(address);
        using var echo = new UdpEchoServer(ip);

        Assert.Equal(PortState.Open, await UdpAsync(ip, echo.Port, "ping"u8.ToArray(), Quick, CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task UdpPortWithoutSocketIsClosed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(PortState.Closed, await UdpAsync(ip, ProbeTargets.FreeUdpPort(ip), "ping"u8.ToArray(), Quick, CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task UdpPortThatStaysSilentIsOpenOrFiltered(string address)
    {
        var ip = IPAddress.Parse(address);
        using var silent = new System.Net.Sockets.Socket(ip.AddressFamily, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new IPEndPoint(ip, 0));

        var state = await UdpAsync(ip, ((IPEndPoint)silent.LocalEndPoint!).Port, "ping"u8.ToArray(), TimeSpan.FromMilliseconds(150), CancellationToken.None);

        Assert.Equal(PortState.OpenOrFiltered, state);
    }

    [NetworkNamespaceFact]
    public void DroppedAndRejectedPortsInANetworkNamespaceAreClassified()
    {
        const int DroppedTcp = 7001, DroppedUdp = 7002, Unfiltered = 7003, UnreachableTcp = 7004, ProhibitedUdp = 7005;
        using var ns = NetworkNamespace.Create(
                $"tcp dport {DroppedTcp} drop",
                $"udp dport {DroppedUdp} drop",
                $"tcp dport {UnreachableTcp} reject with icmpx type host-unreachable",
                $"udp dport {ProhibitedUdp} reject with icmpx type admin-prohibited");
        var shortWait = TimeSpan.FromMilliseconds(300);

        var states = ns.RunInside(() => new[]
        {
            Engine.ProbeTcpAsync(IPAddress.Loopback, DroppedTcp, shortWait, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
            Engine.ProbeUdpAsync(IPAddress.Loopback, DroppedUdp, "ping"u8.ToArray(), shortWait, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
            Engine.ProbeTcpAsync(IPAddress.Loopback, Unfiltered, Quick, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
            Engine.ProbeUdpAsync(IPAddress.Loopback, Unfiltered, "ping"u8.ToArray(), Quick, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
            Engine.ProbeTcpAsync(IPAddress.Loopback, UnreachableTcp, Quick, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
            Engine.ProbeUdpAsync(IPAddress.Loopback, ProhibitedUdp, "ping"u8.ToArray(), Quick, CancellationToken.None).AsTask().GetAwaiter().GetResult().State,
        });

        // Silence: filtered (TCP) or open|filtered (UDP). The port without a rule answers "closed", which proves the probes
        // ran inside the namespace. ICMP host-unreachable / admin-prohibited (EHOSTUNREACH) are filtered.
        Assert.Equal(
            new[] { PortState.Filtered, PortState.OpenOrFiltered, PortState.Closed, PortState.Closed, PortState.Filtered, PortState.Filtered },
            states);
    }

    // ---- Network edges (issue 10): each scenario in a namespace of its own, probed from a thread inside it. ----

    private ProbeOutcome TcpIn(IPAddress address, int port, TimeSpan timeout)
        => Engine.ProbeTcpAsync(address, port, timeout, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private ProbeOutcome UdpIn(IPAddress address, int port, TimeSpan timeout)
        => Engine.ProbeUdpAsync(address, port, "ping"u8.ToArray(), timeout, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [NetworkNamespaceFact]
    public void IcmpProtocolUnreachableIsFilteredProtoUnreachNotAnException()
    {
        const int Port = 7101;
        using var ns = NetworkNamespace.Create(
            $"meta nfproto ipv4 tcp dport {Port} reject with icmp type prot-unreachable",
            $"meta nfproto ipv4 udp dport {Port} reject with icmp type prot-unreachable");

        var outcomes = ns.RunInside(() => new[] { TcpIn(IPAddress.Loopback, Port, Quick), UdpIn(IPAddress.Loopback, Port, Quick) });

        Assert.All(outcomes, outcome => Assert.Equal(new ProbeOutcome(PortState.Filtered, PortReason.ProtoUnreach), outcome));
    }

    [NetworkNamespaceFact]
    public void UdpHostAndNetworkUnreachableAreFilteredWithTheirReason()
    {
        const int HostPort = 7111, NetPort = 7112, ProhibitedPort = 7113;
        using var ns = NetworkNamespace.Create(
            $"udp dport {HostPort} reject with icmpx type host-unreachable",
            $"meta nfproto ipv4 udp dport {NetPort} reject with icmp type net-unreachable",
            $"meta nfproto ipv6 udp dport {NetPort} reject with icmpv6 type no-route",
            $"udp dport {ProhibitedPort} reject with icmpx type admin-prohibited");

        var outcomes = ns.RunInside(() => new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }
            .SelectMany(address => new[] { UdpIn(address, HostPort, Quick), UdpIn(address, NetPort, Quick), UdpIn(address, ProhibitedPort, Quick) })
            .ToArray());

        Assert.Equal(
            new[]
            {
                new ProbeOutcome(PortState.Filtered, PortReason.HostUnreach), new ProbeOutcome(PortState.Filtered, PortReason.NetUnreach), new ProbeOutcome(PortState.Filtered, ReadsIcmpTypeAndCode ? PortReason.AdminProhibited : PortReason.HostUnreach),
                new ProbeOutcome(PortState.Filtered, PortReason.HostUnreach), new ProbeOutcome(PortState.Filtered, PortReason.NetUnreach), new ProbeOutcome(PortState.Filtered, PortReason.AdminProhibited),
            },
            outcomes);
    }

    [NetworkNamespaceFact]
    public void TcpAnsweredByIcmpPortUnreachableIsDecidedAtOnceOverBothFamilies()
    {
        // Over IPv6 the kernel keeps an ICMPv6 error that arrives during connect() as a "soft" error until the SYN is
        // retransmitted (about 1 s); the error queue has it at once. The timeout is shorter than that retransmission.
        // nmap (-sS) reports a TCP port answered by ICMP port unreachable as filtered (port-unreach), over both families.
        const int Port = 7121;
        using var ns = NetworkNamespace.Create($"tcp dport {Port} reject with icmpx type port-unreachable");
        var timeout = TimeSpan.FromMilliseconds(700);

        var outcomes = ns.RunInside(() => new[] { TcpIn(IPAddress.Loopback, Port, timeout), TcpIn(IPAddress.IPv6Loopback, Port, timeout) });

        if (ReadsIcmpTypeAndCode)
        {
            Assert.Equal(new ProbeOutcome(PortState.Filtered, PortReason.PortUnreach), outcomes[0]);
            Assert.Equal(new ProbeOutcome(PortState.Filtered, PortReason.PortUnreach), outcomes[1]);
        }
        else
        {
            // errno alone: ECONNREFUSED over IPv4 (what nmap -sT says too: closed, conn-refused); nothing in time over IPv6.
            Assert.Equal(OutcomeClassifier.Refused, outcomes[0]);
        }
    }

    [NetworkNamespaceFact]
    public void AUdpProbeThatHearsItsOwnDatagramIsClosedSelfConnect()
    {
        // With a one-port ephemeral range P, a UDP socket connected to 127.0.0.1:P is bound to P itself and receives its
        // own datagram: nothing else holds the port.
        const int Port = 40000;
        using var ns = NetworkNamespace.Create();
        ns.Exec("sysctl", "-q", "-w", $"net.ipv4.ip_local_port_range={Port} {Port}");

        var outcomes = ns.RunInside(() => new[] { UdpIn(IPAddress.Loopback, Port, Quick), UdpIn(IPAddress.IPv6Loopback, Port, Quick) });

        Assert.All(outcomes, outcome => Assert.Equal(OutcomeClassifier.ConnectedToItself, outcome));
    }

    [Fact]
    public async Task Ipv4MappedAddressesAreProbedOverIpv4AndLeaveNativeIpv6ProbesAlone()
    {
        using var listener4 = new AcceptingListener(IPAddress.Loopback);
        using var listener6 = new AcceptingListener(IPAddress.IPv6Loopback);
        var closed4 = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(PortState.Open, await TcpAsync(IPAddress.Loopback.MapToIPv6(), listener4.Port, Quick, CancellationToken.None));
            Assert.Equal(PortState.Closed, await TcpAsync(IPAddress.Loopback.MapToIPv6(), closed4, Quick, CancellationToken.None));
            Assert.Equal(PortState.Open, await TcpAsync(IPAddress.IPv6Loopback, listener6.Port, Quick, CancellationToken.None));
        }
    }

    [LinuxFact]
    public async Task AFinishedScanLeavesNoSocketOpenNotEvenASpare()
    {
        using var scanner = new PortScanner(new PortScanOptions { Window = 64, Timeout = TimeSpan.FromSeconds(1) }, Engine);
        await scanner.RunAsync(IPAddress.Loopback, PortSet.Range(20_000, 20_200));
        var baseline = OpenSockets.WhenIdle();

        await scanner.RunAsync(IPAddress.Loopback, PortSet.Range(20_000, 21_000));

        // Looked at the moment the scan returns, without the grace period OpenSockets.OpenedSince allows.
        Assert.Empty(OpenSockets.Now().Except(baseline));
    }

    [LinuxFact]
    public async Task ThousandsOfProbesWithMillisecondTimeoutsStillSeeTheAnswersThatCame()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() =>
            TcpAsync(IPAddress.Loopback, i % 4 == 0 ? listener.Port : closed, TimeSpan.FromMilliseconds(1 + (i % 5)), CancellationToken.None))));

        var filtered = outcomes.Count(state => state == PortState.Filtered);
        Assert.True(filtered == 0, $"{filtered} of {outcomes.Length} answered loopback probes were reported Filtered");
    }

    [Fact]
    public async Task CancellingAProbeInFlightThrowsAndClosesItsSocket()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        await TcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(20), CancellationToken.None); // warm
        var baseline = OpenSockets.WhenIdle();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var probe = Engine.ProbeTcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromSeconds(30), cts.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }

    [Fact]
    public async Task TheLongestTimeoutWaitsUntilCancelled()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var probe = Engine.ProbeTcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.MaxValue, cts.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenThrowsWithoutProbing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine.ProbeTcpAsync(IPAddress.Loopback, 9, Quick, cts.Token).AsTask());
    }

    [NetworkNamespaceFact]
    public void AConnectionToItselfIsNotAnOpenPort()
    {
        // In a namespace whose ephemeral range is the single port P, a connect to 127.0.0.1:P must use P as its source
        // port too: the SYN meets its own socket and the kernel completes a simultaneous open with itself.
        const int Port = 40000;
        using var ns = NetworkNamespace.Create();
        ns.Exec("sysctl", "-q", "-w", $"net.ipv4.ip_local_port_range={Port} {Port}");

        var states = ns.RunInside(() => new[] { IPAddress.Loopback, IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.IPv6Loopback }
            .Select(address => Engine.ProbeTcpAsync(address, Port, Quick, CancellationToken.None).AsTask().GetAwaiter().GetResult().State)
            .ToArray());

        Assert.All(states, state => Assert.Equal(PortState.Closed, state));
    }

    [LinuxFact]
    public async Task ScanningTheEphemeralRangeFindsNoOpenPortWhereNothingListens()
    {
        // On loopback the kernel may choose the destination port as a probe's source port, and the SYN then "connects"
        // to itself. Every port reported open must be a real listener.
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var ports = PortSet.Range(int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture));
        using var scanner = new PortScanner(new PortScanOptions { Window = 256, Timeout = TimeSpan.FromSeconds(1) }, Engine);

        for (var round = 0; round < 3; round++)
        {
            var listenersBefore = ListeningPorts.Read();
            var open = new List<int>();
            var summary = await scanner.RunAsync(IPAddress.Loopback, ports, r => open.Add(r.Port));
            var listeners = listenersBefore.Union(ListeningPorts.Read()).ToHashSet();

            Assert.Equal(ports.Count, summary.Probes);
            Assert.All(open, port => Assert.Contains(port, listeners));
        }
    }

    [LinuxFact]
    public async Task NoDescriptorLeaksAfter100000Probes()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var closedPort = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        await TcpAsync(IPAddress.Loopback, listener.Port, Quick, CancellationToken.None);
        var baseline = OpenSockets.WhenIdle();

        var counts = new int[4];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 100_000 / 8; i++)
            {
                var port = (i % 10 == 0) ? listener.Port : closedPort;
                var state = await TcpAsync(IPAddress.Loopback, port, Quick, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref counts[(int)state - 1]);
            }
        })));

        Assert.Equal(10_000, counts[(int)PortState.Open - 1]);
        Assert.Equal(90_000, counts[(int)PortState.Closed - 1]);
        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }

    [LinuxFact]
    public async Task NoDescriptorLeaksAfterTimeouts()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        await TcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(10), CancellationToken.None);
        var baseline = OpenSockets.WhenIdle();

        var states = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            TcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(100), CancellationToken.None)));

        Assert.All(states, state => Assert.Equal(PortState.Filtered, state));
        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }

    [LinuxFact]
    public async Task NoDescriptorLeaksAfterACancelledScan()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Window = 128, Timeout = TimeSpan.FromSeconds(10), ReportAllStates = true }, Engine);
        await TcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(10), CancellationToken.None);
        var baseline = OpenSockets.WhenIdle();
        using var cts = new CancellationTokenSource();

        // The silent port keeps a probe in flight (10 s timeout) when the scan is cancelled; the rest are refused at once.
        var ports = PortSet.Of(new[] { silent.Port }.Concat(Enumerable.Range(20_000, 20_000)));
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in scanner.ScanAsync(IPAddress.Loopback, ports, cancellationToken: cts.Token))
            {
                if (++seen == 1_000)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.True(seen >= 1_000);
        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }

    [LinuxFact]
    public async Task SocketDescriptorsReturnToTheirStartingCountAfterManyProbesTimeoutsAndCancellations()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var openPort = listener.Port;
        using var bound = ProbeTargets.BoundTcpSocket(IPAddress.IPv6Loopback, out var closedPort);
        using var silent = ProbeTargets.SilentUdpSocket(IPAddress.Loopback, out var silentPort);
        using var echo = new UdpEchoServer(IPAddress.Loopback);

        async Task MixedRoundAsync(int probes)
        {
            using var cts = new CancellationTokenSource();
            var inFlight = new List<Task>();
            for (var i = 0; i < probes; i++)
            {
                inFlight.Add(Engine.ProbeTcpAsync(IPAddress.Loopback, openPort, Patient, CancellationToken.None).AsTask());
                inFlight.Add(Engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None).AsTask());
                inFlight.Add(Engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[] { 1 }, Patient, CancellationToken.None).AsTask());
                inFlight.Add(Engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 1 }, TimeSpan.FromMilliseconds(5), CancellationToken.None).AsTask());
                inFlight.Add(Engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 1 }, Patient, cts.Token).AsTask());
            }

            cts.Cancel();
            await Task.WhenAll(inFlight.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }

        // Warm up: the runtime opens its socket engine's epoll descriptors and the pool fills on first use.
        await MixedRoundAsync(50);
        for (var i = 0; i < 50; i++)
        {
            _ = await Engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None);
        }

        var before = OpenSockets.Now();
        for (var round = 0; round < 40; round++)
        {
            await MixedRoundAsync(50);
        }

        // Sequential closed-port probes make up the bulk, the common case of a scan.
        for (var i = 0; i < 4000; i++)
        {
            Assert.Equal(PortState.Closed, (await Engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None)).State);
        }

        Assert.Empty(OpenSockets.OpenedSince(before));
    }
}
