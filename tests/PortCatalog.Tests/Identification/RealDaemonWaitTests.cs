using System.Globalization;
using PortCatalog.Tests.Probing;

namespace PortCatalog.Tests.Identification;

/// <summary>
/// Waiting for an expected service against the real daemons: PostgreSQL on its port is up for "postgresql"; on the
/// "moved" layout's 5432 nginx answers, which is up for "http" and not for "postgresql". The wait runs in ProbeHost inside
/// the layout's namespace (the wait's probes are this process's, so they cannot enter a namespace from here).
/// </summary>
[Collection(RealDaemonCollection.Name)]
public sealed class RealDaemonWaitTests(RealDaemonFixture daemons)
{
    [RealDaemonFact("pg_ctlcluster", "postgresql")]
    public void WaitingForPostgresqlWherePostgresqlAnswersEndsWithItsIdentity()
    {
        var postgres = RealDaemonIdentificationTests.PortsOf(daemons.Usual, "postgres").Single();

        var (fields, run) = Wait(daemons.Usual, postgres.Port, "postgresql", timeoutMs: 20000);

        Assert.True(fields["outcome"] == "open", run.ToString());
        Assert.Equal("postgresql", fields["service"]);
    }

    [RealDaemonFact("/usr/sbin/nginx", "nginx-light")]
    public void WaitingForPostgresqlWhereNginxAnswersTimesOutSayingItAnswersAsHttp()
    {
        var nginx = RealDaemonIdentificationTests.PortsOf(daemons.Moved, "nginx").Single(p => p.Service == "http");
        Assert.Equal(WellKnownPorts.PostgreSql, nginx.Port); // the moved layout puts HTTP on PostgreSQL's port

        var (fields, run) = Wait(daemons.Moved, nginx.Port, "postgresql", timeoutMs: 4000);
        var (httpFields, httpRun) = Wait(daemons.Moved, nginx.Port, "http", timeoutMs: 20000);

        Assert.True(fields["outcome"] == "timeout", run.ToString());
        Assert.Equal("Open", fields["last-state"]);
        Assert.Equal("http", fields["last-service"]);
        Assert.Contains($"127.0.0.1:{nginx.Port} did not answer as postgresql", run.Stderr);
        Assert.Contains("last seen: open but answers as http (nginx", run.Stderr);
        Assert.True(httpFields["outcome"] == "open", httpRun.ToString());
        Assert.Equal("http", httpFields["service"]);
    }

    private static (Dictionary<string, string> Fields, ProcessResult Run) Wait(RealDaemonFixture.Layout layout, int port, string service, int timeoutMs)
        => ProbeHost.RunWithOutput(
            layout.Namespace,
            TimeSpan.FromMinutes(1),
            prlimitNoFile: null,
            "wait", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--service", service, "--attempt-ms", "3000", "--timeout-ms", timeoutMs.ToString(CultureInfo.InvariantCulture));
}
