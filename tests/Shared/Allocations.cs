namespace PortCatalog.Testing;

/// <summary>Allocation checks that a busy test process cannot fail by chance.</summary>
internal static class Allocations
{
    /// <summary>
    /// Runs <paramref name="round"/> <paramref name="rounds"/> times and returns the bytes this thread allocated in each.
    /// Code that allocates does so in every round, while the runtime may allocate once on the thread as it compiles or
    /// tiers up a method mid-round (CI saw one such round of 1,320 B under load): assert on the least round.
    /// </summary>
    public static long[] PerRoundOnThisThread(int rounds, Action round)
    {
        var bytes = new long[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            bytes[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return bytes;
    }
}
