using System.Collections.Generic;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Model;
using PortCatalog.Generator.Naming;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Collects one table's entries and diagnostics. The readers find rows and cells; the checks every format
/// shares (identifier validity, diagnostics with the table's path) live here.
/// </summary>
internal sealed class TableBuilder
{
    private readonly List<PortEntry> _entries = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public TableBuilder(string path) => Path = path;

    public string Path { get; }

    public int EntryCount => _entries.Count;

    public void Report(string id, int line, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(id, Path, line, arguments));

    public void Add(int port, int lastPort, string serviceName, string? identifier, NameSource source, TransportSet transports, string description, int line, EquatableArray<string> otherNames, bool isWeakClaim = false)
    {
        if (identifier is not null && !IdentifierRules.IsValidIdentifier(identifier))
        {
            var replacement = IdentifierRules.ToPascalCase(identifier);
            Report(DiagnosticIds.InvalidIdentifier, line, identifier, replacement.Length == 0 ? IdentifierRules.ToPascalCase(serviceName) : replacement);
            identifier = replacement.Length == 0 ? null : replacement;
        }

        _entries.Add(new PortEntry(port, lastPort, serviceName, identifier, source, transports, description, line, otherNames) { IsWeakClaim = isWeakClaim });
    }

    public ParsedTable Build(TableOptions options)
        => new(Path, options, new EquatableArray<PortEntry>(_entries.ToArray()), new EquatableArray<DiagnosticInfo>(_diagnostics.ToArray()));
}
