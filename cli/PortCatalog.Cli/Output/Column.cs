using System;

namespace PortCatalog.Cli.Output;

/// <summary>One column of a command's output.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <param name="Field">The stable machine name: the JSON property and the CSV header. Never rename one; scripts read it.</param>
/// <param name="Header">The table heading people read.</param>
/// <param name="Value">The cell's value: a string, an integer, a double, or null.</param>
internal sealed record Column<TRow>(string Field, string Header, Func<TRow, object?> Value)
{
    /// <summary>Right-align the column in tables (numbers).</summary>
    public bool AlignRight { get; init; }

    /// <summary>Where the column appears: a table can show <c>6000-6063</c> where data has two numbers.</summary>
    public ColumnUse Use { get; init; } = ColumnUse.Everywhere;
}
