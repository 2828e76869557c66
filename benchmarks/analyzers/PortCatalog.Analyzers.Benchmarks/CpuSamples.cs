using System.Text.Json;

namespace PortCatalog.Analyzers.Benchmarks;

/// <summary>
/// Reads a speedscope file written by <c>dotnet-trace convert --format speedscope</c> from a
/// <c>dotnet-sampled-thread-time</c> trace and sums the time of the CPU samples (stacks whose leaf is <c>CPU_TIME</c>,
/// so threads that wait do not count). A share of CPU samples does not change when other load on the machine
/// stretches the whole compile, which wall and CPU times measured from outside do.
/// </summary>
internal static class CpuSamples
{
    /// <summary>All CPU sample time, and the part whose stack holds a frame whose name contains <paramref name="frameMarker"/>.</summary>
    public static (double TotalMs, double MatchingMs) Share(string speedscopePath, string frameMarker)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscopePath));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray()
            .Select(frame => frame.GetProperty("name").GetString() ?? string.Empty)
            .ToArray();
        var cpuFrame = Array.IndexOf(frames, "CPU_TIME");
        var matches = frames.Select(name => name.Contains(frameMarker, StringComparison.Ordinal)).ToArray();

        double total = 0, matching = 0;
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            // Evented profile: "O" opens a frame, "C" closes it; the time between two events belongs to the open stack.
            var stack = new List<int>();
            var matchingDepth = 0;
            double? last = null;
            foreach (var sample in profile.GetProperty("events").EnumerateArray())
            {
                var at = sample.GetProperty("at").GetDouble();
                if (last is { } previous && stack.Count > 0 && stack[^1] == cpuFrame)
                {
                    total += at - previous;
                    matching += matchingDepth > 0 ? at - previous : 0;
                }

                last = at;
                var frame = sample.GetProperty("frame").GetInt32();
                if (sample.GetProperty("type").GetString() == "O")
                {
                    stack.Add(frame);
                    matchingDepth += matches[frame] ? 1 : 0;
                }
                else
                {
                    stack.RemoveAt(stack.Count - 1);
                    matchingDepth -= matches[frame] ? 1 : 0;
                }
            }
        }

        return (total, matching);
    }
}
