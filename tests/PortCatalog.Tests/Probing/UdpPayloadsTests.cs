using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// Decodes each built-in payload the way a server would and checks the fields that decide whether it answers.
/// </summary>
public sealed class UdpPayloadsTests
{
    [Fact]
    public void DnsPayloadIsOneStandardQueryForTheRootNameServers()
    {
        var query = UdpPayloads.ForPort(53).Span;

        Assert.True(query.Length >= 12, "a DNS message starts with a 12-byte header");
        var flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        Assert.Equal(0, flags >> 15);                 // QR: a query, not a response
        Assert.Equal(0, (flags >> 11) & 0xF);         // OPCODE: standard query
        Assert.Equal(0, flags & 0xF);                 // RCODE
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(query[4..]));  // QDCOUNT
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(query[6..]));  // ANCOUNT
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(query[8..]));  // NSCOUNT
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(query[10..])); // ARCOUNT

        var offset = 12;
        var name = new StringBuilder();
        while (query[offset] != 0)
        {
            var length = query[offset];
            Assert.True(length < 64, "labels are at most 63 bytes; no compression in a question");
            name.Append(Encoding.ASCII.GetString(query.Slice(offset + 1, length))).Append('.');
            offset += 1 + length;
        }

        offset++; // the root label
        Assert.Equal("", name.ToString()); // "." : the root
        Assert.Equal(2, BinaryPrimitives.ReadUInt16BigEndian(query[offset..]));     // QTYPE NS
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(query[(offset + 2)..])); // QCLASS IN
        Assert.Equal(offset + 4, query.Length); // nothing after the question
    }

    [Fact]
    public void NtpPayloadIsA48ByteVersion4ClientRequest()
    {
        var request = UdpPayloads.ForPort(123).Span;

        Assert.Equal(48, request.Length);
        Assert.Equal(0, request[0] >> 6);         // LI: no warning
        Assert.Equal(4, (request[0] >> 3) & 0x7); // VN
        Assert.Equal(3, request[0] & 0x7);        // Mode: client
    }

    [Fact]
    public void SnmpPayloadIsAGetRequestForSysDescrWithCommunityPublic()
    {
        var reader = new BerReader(UdpPayloads.ForPort(161).ToArray());

        var message = reader.Read(0x30);
        Assert.True(reader.AtEnd, "nothing may follow the message");

        var version = message.Read(0x02);
        Assert.True(version.Integer is 0 or 1, "SNMPv1 (0) or SNMPv2c (1)");
        Assert.Equal("public", Encoding.ASCII.GetString(message.Read(0x04).Content));

        var pdu = message.Read(0xA0); // GetRequest-PDU
        Assert.True(message.AtEnd);
        _ = pdu.Read(0x02).Integer; // request-id: any value
        Assert.Equal(0, pdu.Read(0x02).Integer); // error-status
        Assert.Equal(0, pdu.Read(0x02).Integer); // error-index

        var bindings = pdu.Read(0x30);
        Assert.True(pdu.AtEnd);
        var binding = bindings.Read(0x30);
        Assert.True(bindings.AtEnd, "exactly one variable");
        Assert.Equal("1.3.6.1.2.1.1.1.0", binding.Read(0x06).ObjectIdentifier); // sysDescr.0
        Assert.Empty(binding.Read(0x05).Content); // NULL value
        Assert.True(binding.AtEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(22)]
    [InlineData(80)]
    [InlineData(162)]
    [InlineData(65535)]
    public void PortsWithoutABuiltInPayloadGetAnEmptyOne(int port)
        => Assert.True(UdpPayloads.ForPort(port).IsEmpty);

    [Fact]
    public void PayloadsAreSharedAndCostNothingPerCall()
    {
        Assert.True(MemoryMarshal.TryGetArray(UdpPayloads.ForPort(53), out var first));
        Assert.True(MemoryMarshal.TryGetArray(UdpPayloads.ForPort(53), out var second));
        Assert.Same(first.Array, second.Array);

        var total = 0;
        var rounds = Allocations.PerRoundOnThisThread(5, () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                total += UdpPayloads.ForPort(53).Length + UdpPayloads.ForPort(123).Length + UdpPayloads.ForPort(161).Length;
            }
        });

        Assert.True(rounds.Min() == 0, $"Bytes allocated per round of 3,000 calls: {string.Join(", ", rounds)}.");
        Assert.True(total > 0);
    }

    /// <summary>A minimal reader of BER definite-length encodings (X.690), enough for an SNMP message.</summary>
    private sealed class BerReader(byte[] bytes)
    {
        private int _offset;

        public bool AtEnd => _offset == bytes.Length;

        public byte[] Content => bytes;

        public long Integer
        {
            get
            {
                Assert.InRange(bytes.Length, 1, 8);
                long value = (sbyte)bytes[0];
                for (var i = 1; i < bytes.Length; i++)
                {
                    value = (value << 8) | bytes[i];
                }

                return value;
            }
        }

        public string ObjectIdentifier
        {
            get
            {
                var arcs = new List<long> { bytes[0] / 40, bytes[0] % 40 };
                long arc = 0;
                for (var i = 1; i < bytes.Length; i++)
                {
                    arc = (arc << 7) | (bytes[i] & 0x7Fu);
                    if ((bytes[i] & 0x80) == 0)
                    {
                        arcs.Add(arc);
                        arc = 0;
                    }
                }

                return string.Join('.', arcs);
            }
        }

        /// <summary>Reads the next element, which must have <paramref name="tag"/>, and returns a reader over its content.</summary>
        public BerReader Read(byte tag)
        {
            Assert.True(_offset + 2 <= bytes.Length, $"an element with tag 0x{tag:X2} should follow at {_offset}");
            Assert.Equal(tag, bytes[_offset]);
            int length = bytes[_offset + 1];
            var header = 2;
            if (length >= 0x80)
            {
                var lengthBytes = length & 0x7F;
                Assert.InRange(lengthBytes, 1, 2);
                length = 0;
                for (var i = 0; i < lengthBytes; i++)
                {
                    length = (length << 8) | bytes[_offset + 2 + i];
                }

                header += lengthBytes;
            }

            Assert.True(_offset + header + length <= bytes.Length, $"element 0x{tag:X2} at {_offset} claims {length} bytes past the end");
            var content = bytes.AsSpan(_offset + header, length).ToArray();
            _offset += header + length;
            return new BerReader(content);
        }
    }
}
