using System.Globalization;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// Over a real link the kernel sends at most a burst of ICMP errors and then about one a second per destination, so a
/// fast UDP scan hears "port unreachable" from only a few of many closed ports. The scanner must notice that answers
/// stopped and ask again slowly, as nmap does; <see cref="PortScanOptions.AdaptToIcmpRateLimit"/> = false opts out.
/// </summary>
[Collection(ProbeCollection.Name)]
public sealed class IcmpRateLimitTests
{
    private const string ScannerAddress = "10.210.0.1", TargetAddress = "10.210.0.2";
    private const int First = 7001, Count = 20;

    [NetworkNamespaceFact("nmap")]
    public void ClosedUdpPortsBehindARateLimitedLinkAreAllClosedAsNmapSays()
    {
        var (scanner, target) = NetworkNamespace.CreateLinked(ScannerAddress, TargetAddress);
        using (scanner)
        using (target)
        {
            var ports = $"{First}-{First + Count - 1}";

            // The control: without adapting, the limit hides most closed ports (else this test would prove nothing).
            var fast = ProbeHost.RunIn(scanner, TimeSpan.FromMinutes(2), null, "scan", TargetAddress, ports, "--udp", "--timeout-ms", "1000", "--no-adapt");
            Assert.True(int.Parse(fast["closed"], CultureInfo.InvariantCulture) < Count, $"without adapting: {string.Join(' ', fast)}");

            var adapted = ProbeHost.RunIn(scanner, TimeSpan.FromMinutes(5), null, "scan", TargetAddress, ports, "--udp", "--timeout-ms", "1000");
            Assert.Equal(Count.ToString(CultureInfo.InvariantCulture), adapted["closed"]);

            // nmap is the reference, and its own answer varies: in one CI run it reported 6 of these 20 closed (ours: 20),
            // which 6 runs before and every attempt to reproduce it (after a drained bucket, under CPU load) did not. So
            // the reference is nmap's better of two runs, the second after the target's ICMP burst has refilled.
            var nmapClosed = 0;
            for (var run = 0; run < 2 && nmapClosed < Count; run++)
            {
                if (run > 0)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(6.5)); // one ICMP error a second per destination, bursts of up to 6
                }

                var nmap = scanner.Run(TimeSpan.FromMinutes(5), "nmap", "-n", "-Pn", "-sU", "-p", ports, "-oX", "-", TargetAddress);
                Assert.True(nmap.ExitCode == 0, nmap.ToString());
                nmapClosed = Math.Max(nmapClosed, NmapClosedCount(nmap.Stdout));
            }

            Assert.Equal(Count, nmapClosed);

            // How long adapting takes against nmap is a speed figure: benchmarks/scan/compare-nmap.sh measures it side by
            // side (the rate-limited rows), not this test.
        }
    }

    // nmap's XML lists ports one by one, or folds many of one state into <extraports state="closed" count="N">.
    private static int NmapClosedCount(string xml)
        => System.Text.RegularExpressions.Regex.Matches(xml, "<state state=\"closed\"").Count
            + System.Text.RegularExpressions.Regex.Matches(xml, "<extraports state=\"closed\" count=\"(\\d+)\"")
                .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
}
