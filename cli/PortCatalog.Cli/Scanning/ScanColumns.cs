using System.Collections.Generic;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// The columns of <c>scan</c>'s table, JSON and CSV: the default ones, plus <c>reason</c> with <c>--reason</c> and the
/// <c>identified.*</c> fields with <c>--identify</c>. XML and grepable lines follow nmap's fixed shapes in their own
/// writers (XML always carries every port's reason, and the identified service where there is one).
/// </summary>
internal static class ScanColumns
{
    /// <summary>The columns a scan asked for by <paramref name="request"/> prints.</summary>
    public static Column<Found>[] For(ScanRequest request)
    {
        var columns = new List<Column<Found>>(Base);
        if (request.ShowReason)
        {
            columns.Add(Reason);
        }

        columns.Add(Service);
        if (request.Options.IdentifyServices)
        {
            columns.AddRange(Identified);
        }

        columns.Add(Description);
        return columns.ToArray();
    }

    private static readonly Column<Found>[] Base =
    [
        new("host", "Host", static f => f.Target.Name),
        new("address", "Address", static f => f.Target.Address.ToString()),
        new("port", "Port", static f => f.Result.Port) { AlignRight = true },
        new("transport", "Transport", static f => TransportText.Format(f.Result.Transport)),
        new("state", "State", static f => ScanText.State(f.Result.State)),
    ];

    private static readonly Column<Found> Reason = new("reason", "Reason", static f => ScanText.Reason(f.Result));

    private static readonly Column<Found> Service = new("service", "Service", static f => f.Service?.ServiceName);

    private static readonly Column<Found> Description = new("description", "Description", static f => f.Service?.Description);

    // People read two columns (what answers, flagged against the catalog; product and version); programs get each field.
    private static readonly Column<Found>[] Identified =
    [
        new("identified", "Identified", static f => ScanText.Identified(f.Result.Identity)) { Use = ColumnUse.Table },
        new("product", "Product", static f => ScanText.ProductText(f.Result.Identity)) { Use = ColumnUse.Table },
        new("identified.service", "Identified", static f => f.Result.Identity?.Service) { Use = ColumnUse.Data },
        new("identified.product", "Product", static f => f.Result.Identity?.Product) { Use = ColumnUse.Data },
        new("identified.version", "Version", static f => f.Result.Identity?.Version) { Use = ColumnUse.Data },
        new("identified.tls", "TLS", static f => f.Result.Identity?.Tls) { Use = ColumnUse.Data },
        new("identified.matchesCatalog", "Matches catalog", static f => f.Result.Identity?.MatchesCatalog) { Use = ColumnUse.Data },
        new("identified.method", "Method", static f => f.Result.Identity is { } identity ? Method(identity) : null) { Use = ColumnUse.Data },
        new("identified.excerpt", "Excerpt", static f => f.Result.Identity?.Excerpt) { Use = ColumnUse.Data },
    ];

    private static string Method(ServiceIdentity identity) => identity.Method switch
    {
        IdentificationMethod.Greeting => "greeting",
        IdentificationMethod.Probe => identity.Probe is { } probe ? "probe:" + probe : "probe",
        _ => "none",
    };
}
