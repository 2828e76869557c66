using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PortCatalog.Testing;

/// <summary>
/// A real <c>redis-server</c> (installed by .ci/run) on a free port of 127.0.0.1 in this machine's own namespace, with
/// no persistence and its files in a temporary folder: a daemon that really answers as Redis, for tests of waiting and
/// health checks that run in this process (whose probes cannot enter the identification tests' namespaces). Bound to
/// loopback only; other processes' listeners do not matter, since the port is one the kernel just handed out.
/// Use with <c>[LinuxProgramFact("redis-server")]</c>. Dispose stops it and deletes the folder.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private RedisServer(int port, string directory)
    {
        Port = port;
        _directory = directory;
        var start = new ProcessStartInfo(TestEnvironment.Locate("redis-server") ?? throw new InvalidOperationException("redis-server is not installed; .ci/run installs it (redis-server)."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--daemonize", "no", "--save", string.Empty, "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The port Redis answers on, at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts Redis on a free port and returns once it answers PING (trying another port if the first was taken meanwhile).</summary>
    public static RedisServer Start()
    {
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var server = new RedisServer(ProbeTargets.FreeTcpPort(IPAddress.Loopback), Directory.CreateTempSubdirectory("portcatalog-redis-").FullName);
            if (server.AnswersPing(out var why))
            {
                return server;
            }

            failures.Add(why);
            server.Dispose();
        }

        throw new InvalidOperationException("redis-server did not come up: " + string.Join(" | ", failures));
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Ready means: our process still runs and the port answers PING with PONG (not some other program that took it).
    private bool AnswersPing(out string why)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_startLimit)
        {
            if (_process.HasExited)
            {
                why = $"redis-server on {Port} exited with {_process.ExitCode}: {Log}";
                return false;
            }

            try
            {
                using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 2000 };
                client.Connect(IPAddress.Loopback, Port);
                client.Send("PING\r\n"u8);
                var buffer = new byte[64];
                var received = client.Receive(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, received).StartsWith("+PONG", StringComparison.Ordinal) && !_process.HasExited)
                {
                    why = string.Empty;
                    return true;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            Thread.Sleep(50);
        }

        why = $"redis-server on {Port} did not answer PING within {s_startLimit}: {Log}";
        return false;
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
