using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PortCatalog.Probing;

namespace PortCatalog;

/// <summary>
/// An immutable set of port numbers kept as sorted, merged ranges, such as <c>1-1024,8080</c>. It parses and prints
/// that notation and indexes its ports in ascending order without expanding them.
/// </summary>
public sealed class PortSet : IReadOnlyCollection<int>
{
    // Ranges are inclusive, ascending, disjoint and not adjacent; _offsets[i] is the number of ports before range i.
    private readonly int[] _firsts;
    private readonly int[] _lasts;
    private readonly int[] _offsets;

    private PortSet(List<(int First, int Last)> ranges)
    {
        ranges.Sort(static (a, b) => a.First.CompareTo(b.First));
        var merged = new List<(int First, int Last)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.First <= merged[merged.Count - 1].Last + 1)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.First, Math.Max(last.Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }

        _firsts = new int[merged.Count];
        _lasts = new int[merged.Count];
        _offsets = new int[merged.Count];
        var count = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            _firsts[i] = merged[i].First;
            _lasts[i] = merged[i].Last;
            _offsets[i] = count;
            count += merged[i].Last - merged[i].First + 1;
        }

        Count = count;
    }

    /// <summary>Every port a service can use, 1 to 65535 (port 0 is reserved and means "any" to most APIs).</summary>
    public static PortSet All { get; } = Range(1, Guard.MaxPort);

    /// <summary>The number of ports in the set.</summary>
    public int Count { get; }

    /// <summary>The set of ports from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    /// <param name="first">The first port, 0 to 65535.</param>
    /// <param name="last">The last port, from <paramref name="first"/> to 65535.</param>
    /// <returns>The range as a set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A port is outside 0–65535, or <paramref name="last"/> is below <paramref name="first"/>.</exception>
    public static PortSet Range(int first, int last)
    {
        Guard.Port(first, nameof(first));
        Guard.Port(last, nameof(last));
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"The last port must not be below the first ({first}).");
        }

        return new PortSet(new List<(int, int)> { (first, last) });
    }

    /// <summary>The set of the given ports; duplicates are ignored.</summary>
    /// <param name="ports">Port numbers, each 0 to 65535.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ports"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A port is outside 0–65535.</exception>
    public static PortSet Of(IEnumerable<int> ports)
    {
        Guard.NotNull(ports, nameof(ports));
        var ranges = new List<(int, int)>();
        foreach (var port in ports)
        {
            Guard.Port(port, nameof(ports));
            ranges.Add((port, port));
        }

        return new PortSet(ranges);
    }

    /// <summary>Parses a comma-separated list of ports and inclusive ranges, such as <c>22,80,1-1024,8000-8100</c>.</summary>
    /// <param name="text">The list; whitespace around items is ignored.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">An item is not a port or range of ports; the message names the item and its position.</exception>
    public static PortSet Parse(string text)
    {
        Guard.NotNull(text, nameof(text));
        return TryParse(text, out var set, out var error) ? set! : throw new FormatException(error);
    }

    /// <summary>Parses a list of ports as <see cref="Parse(string)"/> does, without throwing.</summary>
    /// <param name="text">The list.</param>
    /// <param name="set">The set when the text is valid, else null.</param>
    /// <returns>True when <paramref name="text"/> is a valid list.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PortSet? set)
        => TryParse(text, out set, out _);

    private static bool TryParse(string? text, out PortSet? set, out string error)
    {
        set = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = "The port list is empty.";
            return false;
        }

        var ranges = new List<(int, int)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf(',', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var item = text.Substring(start, end - start).Trim();
            var dash = item.IndexOf('-', 1 < item.Length ? 1 : 0);
            int first, last = -1;
            var valid = dash < 0
                ? TryParsePort(item, out first)
                : TryParsePort(item.Substring(0, dash), out first) && TryParsePort(item.Substring(dash + 1), out last) && first <= last;
            if (dash < 0)
            {
                last = first;
            }

            if (!valid)
            {
                error = $"Invalid port list \"{text}\": item \"{item}\" at position {start + 1} is not a port (0-{Guard.MaxPort}) or an ascending range such as 1-1024.";
                return false;
            }

            ranges.Add((first, last));
            start = end + 1;
        }

        set = new PortSet(ranges);
        error = string.Empty;
        return true;
    }

    private static bool TryParsePort(string text, out int port)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= Guard.MaxPort;

    /// <summary>True when <paramref name="port"/> is in the set.</summary>
    /// <param name="port">A port number.</param>
    /// <returns>Whether the set contains it.</returns>
    public bool Contains(int port)
    {
        var index = FindRange(port);
        return index >= 0 && port <= _lasts[index];
    }

    /// <summary>The port at <paramref name="index"/> in ascending order; O(log ranges), no allocation.</summary>
    internal int GetAt(int index)
    {
        int low = 0, high = _offsets.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (_offsets[mid] <= index)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _firsts[low] + (index - _offsets[low]);
    }

    /// <summary>Enumerates the ports in ascending order.</summary>
    /// <returns>An enumerator over the ports.</returns>
    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 0; i < _firsts.Length; i++)
        {
            for (var port = _firsts[i]; port <= _lasts[i]; port++)
            {
                yield return port;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The set in the notation <see cref="Parse(string)"/> reads, with ranges merged: <c>1-1024,8080</c>.</summary>
    /// <returns>The canonical text of the set.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _firsts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(_firsts[i].ToString(CultureInfo.InvariantCulture));
            if (_lasts[i] != _firsts[i])
            {
                builder.Append('-').Append(_lasts[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    // The last range that starts at or below port, or -1.
    private int FindRange(int port)
    {
        int low = 0, high = _firsts.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >> 1;
            if (_firsts[mid] <= port)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }
}
