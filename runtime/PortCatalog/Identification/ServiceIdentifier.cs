using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Identification;

/// <summary>
/// Identifies what answers on a port by running the probes of <see cref="ServiceProbeTable"/> in order, each on a
/// connection of its own, until a response pattern recognises an answer or the time is up.
/// </summary>
/// <remarks>
/// <para>Order (TCP): listen for a greeting; then the probes that draw the protocol the catalog registers for the port,
/// then the rest in table order. After the greeting the other probes run at the same time, each on its own connection,
/// and their answers are taken in that order: the first recognised wins. A TLS handshake that succeeds decides: what
/// answers inside TLS (to the request the expected protocol calls for, else http-get) is the answer.</para>
/// <para>Time: <c>timeout</c> bounds the whole identification. The greeting gets a quarter of it; each probe after it
/// half (they run side by side; a TLS handshake and the answer inside it a quarter each); so a service that never
/// answers costs three quarters. An answer is complete once the peer pauses for a twentieth (at most 50 ms).</para>
/// </remarks>
internal sealed class ServiceIdentifier
{
    /// <summary>How <see cref="ServiceIdentity.Detail"/> starts for a service nothing recognised; what each probe saw follows.</summary>
    internal const string NotRecognised = "not recognised: ";

    private static readonly TimeSpan s_maxQuietGap = TimeSpan.FromMilliseconds(50);

    private readonly Func<AddressFamily, Socket> _createTcpSocket;
    private readonly Func<AddressFamily, Socket> _createUdpSocket;

    /// <param name="createTcpSocket">Makes each TCP socket (tests make them inside a network namespace of their own).</param>
    /// <param name="createUdpSocket">Makes each UDP socket.</param>
    public ServiceIdentifier(Func<AddressFamily, Socket> createTcpSocket, Func<AddressFamily, Socket> createUdpSocket)
    {
        _createTcpSocket = createTcpSocket;
        _createUdpSocket = createUdpSocket;
    }

    /// <summary>The identifier <see cref="PortProbe"/> and the scanner use: plain sockets of this process.</summary>
    public static ServiceIdentifier Default { get; } = new(
        static family => new Socket(family, SocketType.Stream, ProtocolType.Tcp),
        static family => new Socket(family, SocketType.Dgram, ProtocolType.Udp));

    public async Task<ServiceIdentity> IdentifyTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var budget = new Budget(timeout);
        var catalogService = CatalogLookup.TryGetInfo(port, Transport.Tcp, out var info) ? info.ServiceName : null;
        var expected = catalogService is null ? null : CatalogProtocols.ProtocolOf(catalogService);
        var endPoint = new IPEndPoint(address, port);
        var plan = PlanFor(ServiceProbeTable.TcpProbes, expected);
        var notes = new List<string>();
        var firstAnswer = string.Empty;

        ServiceIdentity Found(ServiceIdentity found)
            => found with { Port = port, Transport = Transport.Tcp, CatalogService = catalogService, MatchesCatalog = CatalogProtocols.Matches(found.Service, catalogService) };

        // First listen: a greeting service must not be spoken to before it has greeted.
        var greeting = await AttemptAsync(plan[0], endPoint, expected, budget, cancellationToken).ConfigureAwait(false);
        if (greeting.Identity is { } greeted)
        {
            return Found(await RefineAsync(greeted, endPoint, expected, budget, cancellationToken).ConfigureAwait(false));
        }

        notes.Add($"{greeting.ProbeName}: {greeting.Note}");
        firstAnswer = greeting.Answer;
        if (greeting.NoConnection)
        {
            return Unknown(port, Transport.Tcp, catalogService, firstAnswer, notes, tls: false);
        }

        // Then every other probe at once, each on its own connection; the answers are taken in plan order, so the first
        // probe in the plan that is recognised wins, and a successful TLS handshake decides (what is inside is the answer).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attempts = new List<Task<Outcome>>(plan.Count - 1);
        for (var i = 1; i < plan.Count; i++)
        {
            attempts.Add(AttemptAsync(plan[i], endPoint, expected, budget, stop.Token, spokeFirst: greeting.Answer.Length > 0));
        }

        try
        {
            foreach (var attempt in attempts)
            {
                var outcome = await attempt.ConfigureAwait(false);
                if (outcome.Identity is { } found)
                {
                    stop.Cancel();
                    return Found(await RefineAsync(found, endPoint, expected, budget, cancellationToken).ConfigureAwait(false));
                }

                notes.Add($"{outcome.ProbeName}: {outcome.Note}");
                if (firstAnswer.Length == 0)
                {
                    firstAnswer = outcome.Answer;
                }

                if (outcome.TlsWithoutMatch)
                {
                    return Unknown(port, Transport.Tcp, catalogService, firstAnswer, notes, tls: true);
                }
            }
        }
        finally
        {
            // Every socket is closed before the identification returns, also when it is cancelled.
            stop.Cancel();
            foreach (var attempt in attempts)
            {
                try
                {
                    await attempt.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled by the stop above, or failing after the answer was decided: either way its socket is closed.
                }
            }
        }

        return Unknown(port, Transport.Tcp, catalogService, firstAnswer, notes, tls: false);
    }

    /// <summary>
    /// Runs one probe on a connection of its own. When the service spoke first (<paramref name="spokeFirst"/>) its
    /// later answers start with that too, and the patterns made for answers to one request
    /// (<see cref="ResponsePattern.OnlyAfter"/>) do not apply.
    /// </summary>
    private async Task<Outcome> AttemptAsync(ServiceProbe probe, IPEndPoint endPoint, string? expected, Budget budget, CancellationToken cancellationToken, bool spokeFirst = false)
    {
        if (budget.Remaining <= TimeSpan.Zero)
        {
            return new Outcome(null, probe.Name, "not tried: out of time", string.Empty, TlsWithoutMatch: false);
        }

        var (connection, failure, _) = await ProbeConnection.OpenAsync(_createTcpSocket, endPoint, budget.Remaining, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return new Outcome(null, probe.Name, failure, string.Empty, TlsWithoutMatch: false, NoConnection: true);
        }

        using (connection)
        {
            return await RunAsync(connection, probe, endPoint.Address, expected, budget, spokeFirst, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ServiceIdentity> IdentifyUdpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var budget = new Budget(timeout);
        var catalogService = CatalogLookup.TryGetInfo(port, Transport.Udp, out var info) ? info.ServiceName : null;
        var expected = catalogService is null ? null : CatalogProtocols.ProtocolOf(catalogService);
        var endPoint = new IPEndPoint(address, port);
        var notes = new List<string>();
        var firstAnswer = string.Empty;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ProbeConnection.BufferSize);
        try
        {
            foreach (var probe in PlanFor(ServiceProbeTable.UdpProbes, expected))
            {
                var wait = budget.Part(ServiceProbeTable.UdpProbes.Count);
                if (wait <= TimeSpan.Zero)
                {
                    notes.Add($"out of time after {ProbeConnection.Milliseconds(timeout)}");
                    break;
                }

                using var socket = _createUdpSocket(endPoint.AddressFamily);
                int received;
                try
                {
                    socket.Connect(endPoint);
                    socket.Send(probe.Request);
                    var receive = socket.ReceiveAsync(new ArraySegment<byte>(buffer, 0, ProbeConnection.BufferSize), SocketFlags.None);
                    if (!await ProbeConnection.CompletesWithinAsync(receive, wait, cancellationToken).ConfigureAwait(false))
                    {
                        ProbeConnection.Abandon(receive);
                        socket.Dispose();
                        notes.Add($"{probe.Name}: no answer within {ProbeConnection.Milliseconds(wait)}");
                        continue;
                    }

                    received = await receive.ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    notes.Add($"{probe.Name}: port unreachable (closed)");
                    break;
                }
                catch (SocketException ex)
                {
                    notes.Add($"{probe.Name}: {ex.SocketErrorCode}");
                    continue;
                }

                var answer = ResponseText.Latin1(buffer.AsSpan(0, received));
                if (Recognise(answer, probe.Name, expected) is { } identity)
                {
                    return identity with
                    {
                        Port = port,
                        Transport = Transport.Udp,
                        Method = IdentificationMethod.Probe,
                        Probe = probe.Name,
                        Detail = $"recognised from its answer to {probe.Name}",
                        CatalogService = catalogService,
                        MatchesCatalog = CatalogProtocols.Matches(identity.Service, catalogService),
                    };
                }

                notes.Add($"{probe.Name}: {received} bytes not recognised");
                if (firstAnswer.Length == 0)
                {
                    firstAnswer = answer;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Unknown(port, Transport.Udp, catalogService, firstAnswer, notes, tls: false);
    }

    /// <summary>
    /// A service recognised without its version by another probe's answer (Redis refusing http-get's GET) gets its own
    /// probe too, while time is left, for the product and version that probe draws.
    /// </summary>
    private async Task<ServiceIdentity> RefineAsync(ServiceIdentity found, IPEndPoint endPoint, string? expected, Budget budget, CancellationToken cancellationToken)
    {
        if (found.Version is not null || found.Tls || budget.Remaining <= TimeSpan.Zero)
        {
            return found;
        }

        foreach (var probe in ServiceProbeTable.TcpProbes)
        {
            if (probe.Kind != ProbeKind.Send || probe.Name == found.Probe || Array.IndexOf(probe.Draws, found.Service) < 0)
            {
                continue;
            }

            var outcome = await AttemptAsync(probe, endPoint, expected, budget, cancellationToken).ConfigureAwait(false);
            return outcome.Identity is { } refined && refined.Service == found.Service && refined.Version is not null ? refined : found;
        }

        return found;
    }

    /// <summary>The probes in the order to try them: the listen probe, those that draw <paramref name="expected"/>, then the rest in table order.</summary>
    internal static List<ServiceProbe> PlanFor(IReadOnlyList<ServiceProbe> probes, string? expected)
    {
        var plan = new List<ServiceProbe>(probes.Count);
        foreach (var probe in probes)
        {
            if (probe.Kind == ProbeKind.Listen)
            {
                plan.Add(probe);
            }
        }

        if (expected is not null)
        {
            foreach (var probe in probes)
            {
                if (probe.Kind != ProbeKind.Listen && Array.IndexOf(probe.Draws, expected) >= 0)
                {
                    plan.Add(probe);
                }
            }
        }

        foreach (var probe in probes)
        {
            if (!plan.Contains(probe))
            {
                plan.Add(probe);
            }
        }

        return plan;
    }

    /// <summary>The first pattern that recognises <paramref name="answer"/> to <paramref name="probeName"/>, as an identity without port or catalog details.</summary>
    internal static ServiceIdentity? Recognise(string answer, string probeName, string? expected)
    {
        if (answer.Length == 0)
        {
            return null;
        }

        foreach (var pattern in ServiceProbeTable.Patterns)
        {
            if (pattern.OnlyAfter is not null && pattern.OnlyAfter != probeName)
            {
                continue;
            }

            Match match;
            try
            {
                match = pattern.Regex.Match(answer);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (!match.Success)
            {
                continue;
            }

            var service = pattern.SameAnswer is { } others && expected is not null && Array.IndexOf(others, expected) >= 0
                ? expected
                : pattern.Service;
            return new ServiceIdentity
            {
                Service = service,
                Product = Group(match, "product") ?? pattern.Product,
                Version = Group(match, "version"),
                Excerpt = ResponseText.Excerpt(answer),
            };
        }

        return null;
    }

    private async Task<Outcome> RunAsync(ProbeConnection connection, ServiceProbe probe, IPAddress address, string? expected, Budget budget, bool spokeFirst, CancellationToken cancellationToken)
    {
        // The greeting gets a quarter of the time; the probes after it run side by side, so each may take half (a TLS
        // handshake, two round trips and the server's key operation, and then the answer inside, a quarter each).
        var wait = probe.Kind == ProbeKind.Send ? budget.Part(2) : budget.Part(4);
        var quietGap = budget.QuietGap;
        var probeName = probe.Name;
        var plainExpected = expected;
        switch (probe.Kind)
        {
            case ProbeKind.Listen:
                break;
            case ProbeKind.Tls:
                if (await connection.StartTlsAsync(address.ToString(), wait, cancellationToken).ConfigureAwait(false) is { } noTls)
                {
                    return new Outcome(null, probe.Name, noTls, string.Empty, TlsWithoutMatch: false);
                }

                // Inside TLS: ask what the expected protocol calls for (ldap-rootdse on ldaps), else http-get; a greeting
                // service greets before it answers, so its greeting still starts the answer.
                plainExpected = expected is null ? null : PlainOf(expected);
                var inner = InnerProbe(plainExpected);
                probeName = inner.Name;
                await connection.SendAsync(inner.RequestBytes, wait, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await connection.SendAsync(probe.RequestBytes, wait, cancellationToken).ConfigureAwait(false);
                break;
        }

        await connection.ReceiveAsync(wait, quietGap, cancellationToken).ConfigureAwait(false);
        var answer = connection.Answer;
        var name = connection.Tls ? $"{ServiceProbeTable.TlsProbe}+{probeName}" : probeName;
        if (Recognise(answer, spokeFirst ? ServiceProbeTable.GreetingProbe : probeName, plainExpected) is { } identity)
        {
            await connection.CloseAsync(ServiceProbeTable.Goodbye(identity.Service!), quietGap, cancellationToken).ConfigureAwait(false);
            var greeting = probe.Kind == ProbeKind.Listen;
            return new Outcome(
                identity with
                {
                    Service = connection.Tls ? ServiceProbeTable.TlsName(identity.Service!) : identity.Service,
                    Tls = connection.Tls,
                    Method = greeting ? IdentificationMethod.Greeting : IdentificationMethod.Probe,
                    Probe = name,
                    Detail = greeting ? "recognised from its greeting"
                        : connection.Tls ? $"TLS handshake, then recognised from its answer to {probeName} inside TLS"
                        : $"recognised from its answer to {probeName}",
                },
                name,
                string.Empty,
                answer,
                TlsWithoutMatch: false);
        }

        await connection.CloseAsync(ReadOnlyMemory<byte>.Empty, quietGap, cancellationToken).ConfigureAwait(false);
        var note = connection.Count > 0 ? $"{connection.Count} bytes not recognised{(connection.ClosedByPeer ? ", then closed" : string.Empty)}"
            : connection.ClosedByPeer ? (probe.Kind == ProbeKind.Listen ? "closed at once without a word" : "closed without answering")
            : $"silent for {ProbeConnection.Milliseconds(wait)}";
        if (connection.Tls)
        {
            note = "TLS handshake succeeded; inside, " + note;
        }

        return new Outcome(null, name, note, answer, TlsWithoutMatch: connection.Tls);
    }

    private static ServiceProbe InnerProbe(string? plainExpected)
    {
        if (plainExpected is not null)
        {
            foreach (var probe in ServiceProbeTable.TcpProbes)
            {
                if (probe.Kind == ProbeKind.Send && Array.IndexOf(probe.Draws, plainExpected) >= 0)
                {
                    return probe;
                }
            }
        }

        return ServiceProbeTable.Find("http-get")!;
    }

    /// <summary>The protocol inside a TLS service name (<c>https</c> → <c>http</c>); the name itself when it is none.</summary>
    private static string PlainOf(string service)
    {
        foreach (var plain in new[] { "http", "imap", "pop3", "smtp", "ldap", "ftp", "mqtt" })
        {
            if (ServiceProbeTable.TlsName(plain) == service)
            {
                return plain;
            }
        }

        return service;
    }

    private static ServiceIdentity Unknown(int port, Transport transport, string? catalogService, string firstAnswer, List<string> notes, bool tls)
        => new()
        {
            Port = port,
            Transport = transport,
            Tls = tls,
            Excerpt = ResponseText.Excerpt(firstAnswer),
            Method = IdentificationMethod.None,
            CatalogService = catalogService,
            Detail = NotRecognised + string.Join("; ", notes),
        };

    private static string? Group(Match match, string name)
    {
        var group = match.Groups[name];
        return group.Success && group.Length > 0 ? group.Value : null;
    }

    private readonly record struct Outcome(ServiceIdentity? Identity, string ProbeName, string Note, string Answer, bool TlsWithoutMatch, bool NoConnection = false);

    /// <summary>The time an identification has: its parts for each wait, and what is left.</summary>
    private sealed class Budget(TimeSpan timeout)
    {
        private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

        public TimeSpan Remaining => TimeSpan.FromTicks(Math.Max(0, _deadline - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

        public TimeSpan QuietGap => Min(TimeSpan.FromTicks(timeout.Ticks / 20), s_maxQuietGap);

        /// <summary>A <paramref name="divisor"/>th of the timeout, or what is left if less.</summary>
        public TimeSpan Part(int divisor) => Min(TimeSpan.FromTicks(timeout.Ticks / divisor), Remaining);

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
