using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Configuration;

/// <summary>
/// The .editorconfig settings of one file:
/// <list type="bullet">
/// <item><c>port_catalog.ignored_ports = 8080, 9000-9100</c>: ports (or inclusive ranges) never reported;</item>
/// <item><c>port_catalog.port_parameter_names = endpointNumber, listenOn</c>: extra names that mean a port.</item>
/// </list>
/// Items are separated by commas or spaces. <c>;</c> and <c>#</c> start a comment in .editorconfig, so they can
/// never separate items; anything from one of them on is dropped here as well. Items that are not a port number
/// or range (0–65535) are ignored.
/// </summary>
internal sealed class PortAnalyzerOptions
{
    public const string IgnoredPortsKey = "port_catalog.ignored_ports";
    public const string PortNamesKey = "port_catalog.port_parameter_names";

    public static readonly PortAnalyzerOptions Default = new(ImmutableArray<(int, int)>.Empty, ImmutableHashSet<string>.Empty);

    private static readonly char[] s_separators = { ',', ' ', '\t' };

    private readonly ImmutableArray<(int First, int Last)> _ignored;
    private readonly ImmutableHashSet<string> _portNames;

    private PortAnalyzerOptions(ImmutableArray<(int First, int Last)> ignored, ImmutableHashSet<string> portNames)
    {
        _ignored = ignored;
        _portNames = portNames;
    }

    /// <summary>Whether the configuration ignores <paramref name="port"/>.</summary>
    public bool IsIgnored(long port)
    {
        foreach (var (first, last) in _ignored)
        {
            if (port >= first && port <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the configuration lists <paramref name="name"/> (case-insensitive) as meaning a port.</summary>
    public bool IsExtraPortName(string name) => _portNames.Count > 0 && _portNames.Contains(name);

    /// <summary>Reads the settings from one file's options.</summary>
    public static PortAnalyzerOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue(IgnoredPortsKey, out var ignored);
        options.TryGetValue(PortNamesKey, out var names);
        return string.IsNullOrWhiteSpace(ignored) && string.IsNullOrWhiteSpace(names)
            ? Default
            : Parse(ignored ?? string.Empty, names ?? string.Empty);
    }

    /// <summary>Parses the two raw values.</summary>
    public static PortAnalyzerOptions Parse(string ignoredPorts, string portNames)
    {
        var ranges = ImmutableArray.CreateBuilder<(int, int)>();
        foreach (var item in Items(ignoredPorts))
        {
            var dash = item.IndexOf('-', 1);
            var firstText = dash < 0 ? item : item.Substring(0, dash);
            var lastText = dash < 0 ? item : item.Substring(dash + 1);
            if (TryParsePort(firstText, out var first) && TryParsePort(lastText, out var last) && first <= last)
            {
                ranges.Add((first, last));
            }
        }

        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items(portNames))
        {
            names.Add(item.TrimStart('@'));
        }

        return new PortAnalyzerOptions(ranges.ToImmutable(), names.ToImmutable());
    }

    private static IEnumerable<string> Items(string value)
    {
        var comment = value.IndexOfAny(new[] { ';', '#' });
        if (comment >= 0)
        {
            value = value.Substring(0, comment);
        }

        foreach (var item in value.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return item.Trim();
        }
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
