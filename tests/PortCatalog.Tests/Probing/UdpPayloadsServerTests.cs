using System.Diagnostics;
using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// Real servers on loopback answer the built-in payloads and ignore an empty datagram: the payload is what tells an
/// open port from a filtered one; and identification names each server from its answer, on a port the catalog gives to
/// none of them. Each test starts its server on a free loopback port and stops it again; it skips
/// when the server is not installed, and fails under CI=true (.ci/run installs dnsmasq-base, chrony and snmpd).
/// </summary>
public sealed class UdpPayloadsServerTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(2);

    [LinuxProgramFact("dnsmasq")]
    public Task DnsmasqAnswersTheDnsPayload()
        => AnswersOnlyThePayloadAsync(53, "domain", (port, _) => ("dnsmasq", $"-k -p {port} --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts --conf-file=/dev/null --pid-file= --user=root"));

    [LinuxProgramFact("chronyd")]
    public Task ChronyAnswersTheNtpPayload()
        => AnswersOnlyThePayloadAsync(123, "ntp", (port, directory) =>
        {
            var config = Path.Combine(directory, "chrony.conf");
            File.WriteAllText(config, $"port {port}\nbindaddress 127.0.0.1\nallow 127.0.0.1\nlocal stratum 10\ncmdport 0\n");
            return ("chronyd", $"-d -x -f {config}");
        });

    [LinuxProgramFact("snmpd")]
    public Task SnmpdAnswersTheSnmpPayload()
        => AnswersOnlyThePayloadAsync(161, "snmp", (port, directory) =>
        {
            var config = Path.Combine(directory, "snmpd.conf");
            File.WriteAllText(config, "rocommunity public 127.0.0.1\n");
            return ("snmpd", $"-f -Lo -C -c {config} udp:127.0.0.1:{port}");
        });

    private static async Task AnswersOnlyThePayloadAsync(int wellKnownPort, string service, Func<int, string, (string Command, string Arguments)> server)
    {
        var port = PortCatalog.LocalPorts.GetFreePort(Transport.Udp);
        var configDirectory = Directory.CreateTempSubdirectory("portcatalog-udp-server-");
        var (command, arguments) = server(port, configDirectory.FullName);
        using var process = Process.Start(new ProcessStartInfo(TestEnvironment.Locate(command)!, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var started = Stopwatch.StartNew();
            while (PortCatalog.LocalPorts.IsAvailable(port, Transport.Udp))
            {
                Assert.False(process.HasExited, $"{command} exited with {(process.HasExited ? process.ExitCode : 0)} before binding port {port}");
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"{command} did not bind port {port}");
                await Task.Delay(50);
            }

            using var engine = new PortableProbeEngine();
            var withPayload = await engine.ProbeUdpAsync(IPAddress.Loopback, port, UdpPayloads.ForPort(wellKnownPort), ReplyTimeout, CancellationToken.None);
            var empty = await engine.ProbeUdpAsync(IPAddress.Loopback, port, ReadOnlyMemory<byte>.Empty, ReplyTimeout, CancellationToken.None);

            Assert.Equal(new ProbeOutcome(PortState.Open, PortReason.UdpResponse), withPayload);
            Assert.Equal(new ProbeOutcome(PortState.OpenOrFiltered, PortReason.NoResponse), empty);

            // The port is a free ephemeral one, not the service's own: the answer alone names the service.
            var identity = await PortProbe.IdentifyUdpAsync(IPAddress.Loopback, port, TimeSpan.FromSeconds(3));
            Assert.True(identity.Service == service, identity.ToString());
            Assert.Equal(IdentificationMethod.Probe, identity.Method);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            configDirectory.Delete(recursive: true);
        }
    }
}
