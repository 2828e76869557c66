namespace PortCatalog.Tests.Catalog;

/// <summary>
/// <see cref="PortCatalogLookup"/> built directly from data, as generated code builds it, against a plain model of
/// what each lookup answers: the port slots (every port, also beyond what a two-byte slot can number) and the name
/// table's reads of four characters at a time (every length, a wrong character at every position).
/// </summary>
public sealed class PortCatalogLookupTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)] // three entries for most ports: 196,608 entries, beyond what a port slot can number
    public void EveryPortAnswersWithItsFirstEntryElseTheNearestStartingRange(int entriesPerPort)
    {
        var entries = new List<(int Port, int Last, Transport Transport)>();
        for (var port = 0; port <= 65535; port++)
        {
            if (port % 7 == 3)
            {
                continue; // no entry of its own: a range may cover it
            }

            for (var n = 0; n < entriesPerPort; n++)
            {
                var last = port % 1000 == 0 ? Math.Min(65535, port + 50 + n) : port; // nested ranges of one start
                entries.Add((port, last, n == 0 ? Transport.Tcp : Transport.Udp));
            }
        }

        var lookup = Build(entries);

        var firstOfPort = new Dictionary<int, int>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            firstOfPort[entries[i].Port] = i;
        }

        var ranges = Enumerable.Range(0, entries.Count).Where(i => entries[i].Last > entries[i].Port).ToList();
        for (var port = -1; port <= 65536; port++)
        {
            // The port's first entry; else, of the ranges covering it, the one starting nearest below (the last listed).
            var expected = firstOfPort.TryGetValue(port, out var own) ? own : ranges.LastOrDefault(r => entries[r].Port < port && entries[r].Last >= port, -1);
            Assert.Equal(expected >= 0, lookup.TryGetInfo(port, out var info));
            Assert.Equal(expected >= 0, lookup.TryGetInfo(port, Transport.None, out var any)); // through IndexOf, not the fast path
            if (expected >= 0)
            {
                Assert.Equal($"e{expected}", info.Identifier);
                Assert.Equal($"e{expected}", any.Identifier);
            }
        }
    }

    [Fact]
    public void NamesOfEveryLengthAreFoundInAnyCaseAndAWrongCharacterAnywhereMisses()
    {
        var names = new List<string>();
        for (var length = 1; length <= 21; length++)
        {
            names.Add(new string(Enumerable.Range(0, length).Select(i => (char)('a' + ((i * 7) + length) % 26)).ToArray()));
        }

        var entries = names.Select((_, i) => (Port: 1000 + i, Last: 1000 + i, Transport: Transport.Tcp)).ToList();
        var lookup = new PortCatalogLookup(
            entries.SelectMany(e => new[] { e.Port, e.Last, (int)e.Transport }).ToArray(),
            names.SelectMany(n => new[] { n + "-svc", n, "described" }).ToArray(),
            [],
            []);

        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            foreach (var spelling in new[] { name, name.ToUpperInvariant(), Alternate(name) })
            {
                Assert.True(lookup.TryGetPort(spelling, out var port), spelling);
                Assert.Equal(1000 + i, port);
            }

            for (var at = 0; at < name.Length; at++)
            {
                foreach (var wrong in new[] { '@', '[', '`', '{', '\u007F', '1' })
                {
                    var misspelled = name.Remove(at, 1).Insert(at, wrong.ToString());
                    Assert.False(lookup.TryGetPort(misspelled, out _), $"'{misspelled}' (from '{name}') was found");
                }
            }

            Assert.False(lookup.TryGetPort(name + "x", out _));
        }
    }

    private static PortCatalogLookup Build(List<(int Port, int Last, Transport Transport)> entries)
        => new(
            entries.SelectMany(e => new[] { e.Port, e.Last, (int)e.Transport }).ToArray(),
            entries.SelectMany((e, i) => new[] { $"s{i}", $"e{i}", string.Empty }).ToArray(),
            [],
            []);

    private static string Alternate(string name)
        => new(name.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c).ToArray());
}
