namespace PortCatalog.Generator.Model;

/// <summary>
/// A diagnostic as plain data (id, file, line, message arguments), so it can travel through the incremental
/// pipeline; it becomes a Roslyn <c>Diagnostic</c> only when reported.
/// </summary>
/// <param name="Id">The descriptor id, such as <c>PCG001</c>.</param>
/// <param name="Path">The table's path.</param>
/// <param name="Line">The 1-based line; 0 when the diagnostic is about the whole file.</param>
/// <param name="Arguments">The message format arguments.</param>
internal sealed record DiagnosticInfo(string Id, string Path, int Line, EquatableArray<string> Arguments)
{
    // Arguments quote table cells, which can be huge or hold line breaks; keep messages to one readable line.
    private const int MaxArgumentLength = 200;
    private const int MaxCellLength = 60;

    public static DiagnosticInfo Create(string id, string path, int line, params string[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Shorten(arguments[i]);
        }

        return new(id, path, line, new EquatableArray<string>(arguments));
    }

    /// <summary>A cell's text as a message quotes it: one line, at most 60 characters.</summary>
    public static string Cell(string text) => Shorten(text, MaxCellLength);

    private static string Shorten(string text, int max = MaxArgumentLength)
    {
        var oneLine = Text.Whitespace.Collapse(text);
        return oneLine.Length <= max ? oneLine : oneLine.Substring(0, max) + "...";
    }
}
