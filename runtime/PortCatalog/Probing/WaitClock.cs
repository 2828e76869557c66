using System;
using System.Diagnostics;
using System.Threading;

namespace PortCatalog.Probing;

/// <summary>
/// One timer for every pause of every wait in the process. Pauses that end close together end together: when the timer
/// fires it ends the earliest pause and every other whose end is within a quarter of its own length, so twenty waits
/// polling every 25 ms wake the process a few times per 25 ms rather than twenty. A pause never ends later than asked;
/// ending one a little early only makes its next attempt come sooner.
/// </summary>
/// <remarks>
/// Pending pauses sit in a binary min-heap ordered by their end, under one lock; each
/// <see cref="WaitDelay"/> knows its index, so a cancelled pause is removed in O(log n). Pauses are ended outside the
/// lock (their continuations may run inline and schedule the next pause).
/// </remarks>
internal static class WaitClock
{
    private static readonly object s_lock = new();
    private static readonly Timer s_timer = new(static _ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
    private static WaitDelay[] s_heap = new WaitDelay[16];
    private static int s_count;

    /// <summary>
    /// Schedules <paramref name="delay"/> to end at <paramref name="due"/> (Stopwatch ticks), or up to
    /// <paramref name="slack"/> earlier when the timer fires for another pause.
    /// </summary>
    public static void Schedule(WaitDelay delay, long due, long slack)
    {
        lock (s_lock)
        {
            delay.Due = due;
            delay.EarliestEnd = due - slack;
            if (s_count == s_heap.Length)
            {
                Array.Resize(ref s_heap, s_count * 2);
            }

            s_heap[s_count] = delay;
            delay.HeapIndex = s_count;
            SiftUp(s_count++);
            if (delay.HeapIndex == 0)
            {
                Arm();
            }
        }
    }

    /// <summary>Takes <paramref name="delay"/> out of the schedule, if it is still in it.</summary>
    public static void Unschedule(WaitDelay delay)
    {
        lock (s_lock)
        {
            var index = delay.HeapIndex;
            if (index < 0)
            {
                return;
            }

            RemoveAt(index);
            if (index == 0)
            {
                Arm();
            }
        }
    }

    // The timer fires at the first pause's end; it ends that pause and those after it that may end this early.
    private static void Fire()
    {
        while (true)
        {
            WaitDelay due;
            lock (s_lock)
            {
                if (s_count == 0 || s_heap[0].EarliestEnd > Stopwatch.GetTimestamp())
                {
                    Arm();
                    return;
                }

                due = s_heap[0];
                RemoveAt(0);
            }

            due.Complete(canceled: false);
        }
    }

    // Under the lock: sets the timer for the heap's first entry, or stops it.
    private static void Arm()
    {
        if (s_count == 0)
        {
            s_timer.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        var ticks = s_heap[0].Due - Stopwatch.GetTimestamp();
        var milliseconds = ticks <= 0 ? 0 : (long)Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency);
        s_timer.Change(milliseconds, Timeout.Infinite);
    }

    private static void RemoveAt(int index)
    {
        s_heap[index].HeapIndex = -1;
        var last = --s_count;
        if (index != last)
        {
            s_heap[index] = s_heap[last];
            s_heap[index].HeapIndex = index;
            SiftDown(index);
            SiftUp(index);
        }

        s_heap[last] = null!;
    }

    private static void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (s_heap[parent].Due <= s_heap[index].Due)
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private static void SiftDown(int index)
    {
        while (true)
        {
            var smallest = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < s_count && s_heap[left].Due < s_heap[smallest].Due)
            {
                smallest = left;
            }

            if (right < s_count && s_heap[right].Due < s_heap[smallest].Due)
            {
                smallest = right;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private static void Swap(int a, int b)
    {
        (s_heap[a], s_heap[b]) = (s_heap[b], s_heap[a]);
        s_heap[a].HeapIndex = a;
        s_heap[b].HeapIndex = b;
    }
}
