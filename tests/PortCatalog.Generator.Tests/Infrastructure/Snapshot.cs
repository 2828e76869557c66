using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PortCatalog.Generator.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots without Verify: the generated text is compared with <c>Snapshots/&lt;name&gt;.verified.cs</c>
/// beside the test. On a mismatch the test writes <c>&lt;name&gt;.received.cs</c>, fails and prints a unified diff;
/// with <c>PORTCATALOG_ACCEPT=1</c> the received text becomes the verified file.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "PORTCATALOG_ACCEPT";

    // Found from the repository root, not [CallerFilePath]: a CI build (ContinuousIntegrationBuild) maps source paths
    // to "/_/", where no snapshot lives.
    private static string SnapshotDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "PortCatalog.Generator.Tests", "Snapshots");

    public static void Verify(string actual, string name)
    {
        var directory = SnapshotDirectory;
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verifiedPath}. Read {receivedPath}; if it is right, rerun with {AcceptVariable}=1."
            : $"{name} differs from its snapshot ({receivedPath} written; {AcceptVariable}=1 accepts):\n{UnifiedDiff(expected, actual)}");
    }

    /// <summary>A unified diff (three lines of context) of two texts.</summary>
    public static string UnifiedDiff(string expected, string actual)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual).Lines;
        var output = new StringBuilder();
        const int context = 3;
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                continue;
            }

            var from = Math.Max(lastPrinted + 1, i - context);
            if (from > lastPrinted + 1)
            {
                output.Append("@@ line ").Append(from + 1).Append(" @@\n");
            }

            var to = i;
            while (to + 1 < lines.Count && (lines[to + 1].Type != ChangeType.Unchanged || Enumerable.Range(to + 1, Math.Min(context, lines.Count - to - 1)).Any(k => lines[k].Type != ChangeType.Unchanged)))
            {
                to++;
            }

            to = Math.Min(lines.Count - 1, to + context);
            for (var k = from; k <= to; k++)
            {
                var prefix = lines[k].Type switch { ChangeType.Inserted => "+", ChangeType.Deleted => "-", _ => " " };
                output.Append(prefix).Append(lines[k].Text).Append('\n');
            }

            lastPrinted = to;
            i = to;
        }

        return output.ToString();
    }
}
