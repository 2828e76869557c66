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
    public void ClosedUdpPortsBehindARateLimitedLinkAreAllClosedAtLeastAsNmapFindsThem()
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

            // Every one of these ports is closed (nothing listens in the target namespace), so that is the answer to give;
            // nmap in the same namespace is the bar to meet. nmap's own count varies with the machine's load: 20 of 20 in
            // six CI runs, then 6 and (better of two runs) 13 in two later ones, while ours said 20 each time.
            var nmap = scanner.Run(TimeSpan.FromMinutes(5), "nmap", "-n", "-Pn", "-sU", "-p", ports, "-oX", "-", TargetAddress);
            Assert.True(nmap.ExitCode == 0, nmap.ToString());
            Assert.InRange(NmapClosedCount(nmap.Stdout), 1, Count);

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
