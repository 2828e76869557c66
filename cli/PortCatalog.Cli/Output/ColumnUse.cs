using System;

namespace PortCatalog.Cli.Output;

/// <summary>Which outputs show a column.</summary>
[Flags]
internal enum ColumnUse
{
    /// <summary>Tables for people.</summary>
    Table = 1,

    /// <summary>JSON and CSV for programs.</summary>
    Data = 2,

    /// <summary>Every format.</summary>
    Everywhere = Table | Data,
}
