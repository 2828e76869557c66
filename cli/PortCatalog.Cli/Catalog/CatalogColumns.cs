using System;
using System.Collections.Generic;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Catalog;

/// <summary>The columns of a catalog entry, shared by <c>lookup</c> and <c>list</c> so both print entries alike.</summary>
internal static class CatalogColumns
{
    /// <summary>The entry's columns, reading the entry out of a row with <paramref name="entry"/>.</summary>
    public static IEnumerable<Column<TRow>> For<TRow>(Func<TRow, CatalogEntry> entry) =>
    [
        new("ports", "Port", r => entry(r).PortsText) { Use = ColumnUse.Table, AlignRight = true },
        new("port", "Port", r => entry(r).FirstPort) { Use = ColumnUse.Data },
        new("last_port", "Last port", r => entry(r).LastPort) { Use = ColumnUse.Data },
        new("service", "Service", r => entry(r).Info.ServiceName),
        new("identifier", "Constant", r => entry(r).Info.Identifier),
        new("transports", "Transports", r => TransportText.Format(entry(r).Info.Transports)),
        new("description", "Description", r => entry(r).Info.Description),
    ];
}
