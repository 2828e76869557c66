using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Portable;

/// <summary>
/// Filtered ports, made honestly: a private network namespace whose nftables input chain drops or rejects probes to
/// one loopback port. Nothing leaves the namespace; it has no interface but its own loopback.
/// </summary>
public sealed class PortableProbeEngineFilterTests
{
    private const int Port = 40200;
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [NetworkNamespaceFirewallFact]
    public void TcpProbeDroppedByAFirewallIsFilteredAtTheTimeout()
    {
        var (state, elapsed) = InNamespaceWithRule($"tcp dport {Port} drop", engine =>
            engine.ProbeTcpAsync(IPAddress.Loopback, Port, ShortTimeout, CancellationToken.None));

        Assert.Equal(PortState.Filtered, state);
        Assert.True(elapsed >= ShortTimeout - TimeSpan.FromMilliseconds(20), $"answered after {elapsed}, before the timeout");
    }

    [NetworkNamespaceFirewallFact]
    public void TcpProbeDroppedOverIPv6IsFilteredToo()
    {
        var (state, _) = InNamespaceWithRule($"tcp dport {Port} drop", engine =>
            engine.ProbeTcpAsync(IPAddress.IPv6Loopback, Port, ShortTimeout, CancellationToken.None));

        Assert.Equal(PortState.Filtered, state);
    }

    [NetworkNamespaceFirewallFact]
    public void TcpProbeRejectedWithAnUnreachableIsFilteredWithoutWaiting()
    {
        foreach (var (rejection, family) in new[]
        {
            ("host-unreachable", IPAddress.Loopback), ("no-route", IPAddress.Loopback), ("admin-prohibited", IPAddress.Loopback),
            ("host-unreachable", IPAddress.IPv6Loopback), ("admin-prohibited", IPAddress.IPv6Loopback),
        })
        {
            var (state, elapsed) = InNamespaceWithRule($"tcp dport {Port} reject with icmpx type {rejection}", engine =>
                engine.ProbeTcpAsync(family, Port, TimeSpan.FromSeconds(10), CancellationToken.None));

            Assert.True(state == PortState.Filtered, $"{rejection} over {family}: {state}");
            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{rejection} over {family}: waited {elapsed} instead of reading the ICMP error");
        }
    }

    [NetworkNamespaceFirewallFact]
    public void TcpProbeRejectedWithAResetIsClosed()
    {
        var (state, _) = InNamespaceWithRule($"tcp dport {Port} reject with tcp reset", engine =>
            engine.ProbeTcpAsync(IPAddress.Loopback, Port, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal(PortState.Closed, state);
    }

    [NetworkNamespaceFirewallFact]
    public void UdpProbeOfAClosedPortBehindADropIsOpenOrFiltered()
    {
        // Without the rule the same closed port answers ICMP port unreachable (Closed); the drop hides it.
        var (withoutRule, _) = InNamespaceWithRule("udp dport 1 drop", engine =>
            engine.ProbeUdpAsync(IPAddress.Loopback, Port, new byte[] { 0 }, ShortTimeout, CancellationToken.None));
        var (withRule, elapsed) = InNamespaceWithRule($"udp dport {Port} drop", engine =>
            engine.ProbeUdpAsync(IPAddress.Loopback, Port, new byte[] { 0 }, ShortTimeout, CancellationToken.None));

        Assert.Equal(PortState.Closed, withoutRule);
        Assert.Equal(PortState.OpenOrFiltered, withRule);
        Assert.True(elapsed >= ShortTimeout - TimeSpan.FromMilliseconds(20), $"answered after {elapsed}, before the timeout");
    }

    [NetworkNamespaceFirewallFact]
    public void CancellingAConnectThatHangsBehindADropThrowsPromptly()
    {
        var (outcome, elapsed) = NetworkNamespaceThread.Run(() =>
        {
            AddInputRule($"tcp dport {Port} drop");
            using var engine = new PortableProbeEngine();
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            var stopwatch = Stopwatch.StartNew();
            var probe = engine.ProbeTcpAsync(IPAddress.Loopback, Port, TimeSpan.FromMinutes(5), cts.Token).AsTask();
            try
            {
                probe.GetAwaiter().GetResult();
                return ("completed", stopwatch.Elapsed);
            }
            catch (OperationCanceledException e) when (e.CancellationToken == cts.Token)
            {
                return ("canceled", stopwatch.Elapsed);
            }
        });

        Assert.Equal("canceled", outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"cancellation took {elapsed}");
    }

    private static (PortState State, TimeSpan Elapsed) InNamespaceWithRule(string rule, Func<PortableProbeEngine, ValueTask<PortState>> probe)
        => NetworkNamespaceThread.Run(() =>
        {
            AddInputRule(rule);
            using var engine = new PortableProbeEngine();
            var stopwatch = Stopwatch.StartNew();
            // Blocking on this thread keeps the socket creation inside the namespace (it happens before the first await).
            var state = probe(engine).AsTask().GetAwaiter().GetResult();
            return (state, stopwatch.Elapsed);
        });

    private static void AddInputRule(string rule)
    {
        NetworkNamespaceThread.Exec("nft", "add table inet probe_test");
        NetworkNamespaceThread.Exec("nft", "add chain inet probe_test input { type filter hook input priority 0 ; policy accept ; }");
        NetworkNamespaceThread.Exec("nft", $"add rule inet probe_test input {rule}");
    }
}
