using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PortCatalog.Cli.Scanning;

/// <summary>The words a scan's results are told in, the same in every format: states and reasons in nmap's vocabulary.</summary>
internal static class ScanText
{
    /// <summary>A state as nmap writes it: <c>open</c>, <c>closed</c>, <c>filtered</c>, <c>open|filtered</c>.</summary>
    public static string State(PortState state) => state switch
    {
        PortState.Open => "open",
        PortState.Closed => "closed",
        PortState.Filtered => "filtered",
        PortState.OpenOrFiltered => "open|filtered",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Why a port is in its state, in nmap's words (<c>syn-ack</c>, <c>conn-refused</c>, <c>no-response</c>,
    /// <c>port-unreach</c>, ...): the probe's own reason, the one place every format (XML's <c>&lt;state reason=...&gt;</c>,
    /// <c>--reason</c>) reads it.
    /// </summary>
    public static string Reason(PortResult result) => result.Reason.ToNmapName();

    /// <summary>
    /// What <c>--identify</c> found, for people: the service, flagged where it differs from the catalog's entry for the
    /// port (<c>http (catalog: postgresql)</c>); <c>unknown</c> when nothing was recognised; empty for ports not identified.
    /// </summary>
    public static string? Identified(ServiceIdentity? identity) => identity switch
    {
        null => null,
        { Service: null } => "unknown",
        { MatchesCatalog: false, CatalogService: { } catalog } => $"{identity.Service} (catalog: {catalog})",
        _ => identity.Service,
    };

    /// <summary>Product and version as the service told them, with <c>TLS</c> where TLS wrapped it: <c>nginx 1.22.1 (TLS)</c>.</summary>
    public static string? ProductText(ServiceIdentity? identity)
    {
        if (identity is null)
        {
            return null;
        }

        var product = identity.ProductVersion;
        return identity.Tls ? (product is null ? "(TLS)" : product + " (TLS)") : product;
    }

    /// <summary><c>1 port</c>, <c>2 ports</c>, with thousands separators.</summary>
    public static string Count(long count, string noun, string? plural = null)
        => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : plural ?? noun + "s")}");

    /// <summary>What was scanned, for progress and messages: <c>127.0.0.1, ::1</c>, <c>127.0.0.0/8</c>, <c>a, b and 58 more</c>.</summary>
    public static string Targets(IReadOnlyList<TargetSpec> targets) => targets.Count <= 3
        ? string.Join(", ", targets.Select(t => t.Text))
        : string.Create(CultureInfo.InvariantCulture, $"{targets[0].Text}, {targets[1].Text} and {targets.Count - 2} more");
}
