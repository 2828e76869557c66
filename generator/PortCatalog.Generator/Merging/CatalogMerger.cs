using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Model;
using PortCatalog.Generator.Naming;

namespace PortCatalog.Generator.Merging;

/// <summary>
/// Merges the tables that feed one catalog class and gives every entry its final identifier.
/// The merge rule (docs/generator.md): tables are taken in path order; rows describing the same port (or the
/// same range) are merged when they name the same service (same identifier, or names equal ignoring case and
/// punctuation), and a row whose name is less authoritative than the port's first entry from another table
/// (see <see cref="NameSource"/>) merges into that entry instead of adding a second name for the port.
/// Merged rows unite their transports; the first description and explicit identifier win; two different
/// explicit identifiers for one service are reported (PCG006).
/// </summary>
internal static class CatalogMerger
{
    public static ImmutableArray<CatalogSpec> Merge(ImmutableArray<ParsedTable> tables, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<CatalogSpec>();
        var groups = tables
            .GroupBy(t => t.Options)
            .OrderBy(g => g.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ClassName, StringComparer.Ordinal);

        // The compiler compares hint names ignoring case and throws on a duplicate, which would lose every catalog of
        // the project: classes Ports and PORTS, or namespaces Net and net, get Net.Ports.g.cs and Net.PORTS.2.g.cs.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var baseName = group.Key.Namespace.Length == 0 ? group.Key.ClassName : group.Key.Namespace + "." + group.Key.ClassName;
            var hintName = baseName + ".g.cs";
            for (var n = 2; !hintNames.Add(hintName); n++)
            {
                hintName = baseName + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }

            builder.Add(MergeCatalog(group.Key, group.OrderBy(t => t.Path, StringComparer.Ordinal).ToList(), hintName));
        }

        return builder.ToImmutable();
    }

    private static CatalogSpec MergeCatalog(TableOptions options, List<ParsedTable> tables, string hintName)
    {
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var table in tables)
        {
            diagnostics.AddRange(table.Diagnostics);
        }

        var rows = new List<Row>();
        for (var t = 0; t < tables.Count; t++)
        {
            foreach (var entry in tables[t].Entries)
            {
                rows.Add(new Row(entry, t, tables[t].Path));
            }
        }

        // Per port (or range): most authoritative name first, then table order, then line.
        rows.Sort(static (a, b) =>
        {
            var c = a.Entry.Port.CompareTo(b.Entry.Port);
            if (c == 0) c = a.Entry.LastPort.CompareTo(b.Entry.LastPort);
            if (c == 0) c = b.Entry.NameSource.CompareTo(a.Entry.NameSource);
            if (c == 0) c = a.Table.CompareTo(b.Table);
            if (c == 0) c = a.Entry.Line.CompareTo(b.Entry.Line);
            return c;
        });

        var merged = new List<Merged>();
        var portStart = 0;
        foreach (var row in rows)
        {
            if (portStart < merged.Count && (merged[portStart].Port != row.Entry.Port || merged[portStart].LastPort != row.Entry.LastPort))
            {
                portStart = merged.Count;
            }

            var target = FindSameService(merged, portStart, row);
            if (target is null && portStart < merged.Count)
            {
                var primary = merged[portStart];
                if (row.Entry.NameSource < primary.Source && row.Table != primary.Table)
                {
                    target = primary;
                }
            }

            if (target is null)
            {
                merged.Add(new Merged(row));
            }
            else
            {
                target.Absorb(row, diagnostics);
            }
        }

        var entries = AssignIdentifiers(options.ClassName, merged, diagnostics);
        var files = tables.Select(t => Path.GetFileName(t.Path)).ToEquatableArray();
        return new CatalogSpec(options.Namespace, options.ClassName, files, entries, diagnostics.ToEquatableArray(), hintName);
    }

    private static Merged? FindSameService(List<Merged> merged, int portStart, Row row)
    {
        var key = NameKey(row.Entry.ServiceName);
        for (var i = portStart; i < merged.Count; i++)
        {
            var candidate = merged[i];
            if ((row.Entry.Identifier is not null && string.Equals(candidate.Identifier, row.Entry.Identifier, StringComparison.Ordinal))
                || (key.Length > 0 && candidate.NameKeys.Contains(key)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A name compared ignoring case and punctuation: <c>FTP Data</c>, <c>ftp-data</c> and <c>FtpData</c> match.</summary>
    private static string NameKey(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static EquatableArray<CatalogEntry> AssignIdentifiers(string className, List<Merged> merged, List<DiagnosticInfo> diagnostics)
    {
        // Names the class already uses, and names the compiler would reject or warn about (CS0542, CS0108).
        var taken = MemberNames.Reserved(className);
        var wantedNames = new string[merged.Count];
        for (var i = 0; i < merged.Count; i++)
        {
            var entry = merged[i];
            wantedNames[i] = entry.Identifier ?? IdentifierRules.ToPascalCase(entry.ServiceName);
            if (wantedNames[i].Length == 0)
            {
                wantedNames[i] = "Port" + entry.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        QualifySharedNames(merged, wantedNames);
        var names = new string[merged.Count];

        // Explicit identifiers claim their names first, so a derived name never pushes a chosen one aside.
        foreach (var pass in new[] { true, false })
        {
            for (var i = 0; i < merged.Count; i++)
            {
                var entry = merged[i];
                if ((entry.Identifier is not null) != pass)
                {
                    continue;
                }

                var wanted = wantedNames[i];
                var name = wanted;
                for (var n = 1; !IsFree(taken, name, entry.IsRange); n++)
                {
                    var port = entry.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    name = n == 1 ? wanted + "_" + port : wanted + "_" + port + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                taken.Add(name);
                if (entry.IsRange)
                {
                    taken.Add(MemberNames.RangeProperty(name));
                }

                if (!string.Equals(name, wanted, StringComparison.Ordinal))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticIds.IdentifierRenamed,
                        entry.Path,
                        entry.Line,
                        wanted,
                        entry.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        className,
                        name));
                }

                names[i] = name;
            }
        }

        var result = new CatalogEntry[merged.Count];
        for (var i = 0; i < merged.Count; i++)
        {
            result[i] = merged[i].ToEntry(names[i]);
        }

        return new EquatableArray<CatalogEntry>(result);
    }

    /// <summary>
    /// Names taken from documents that several entries (on different ports) would share are told apart by the
    /// qualifier their description gives right after the name: "File Transfer Protocol (FTP) data channel" on port 20
    /// is <c>FtpData</c>, so port 21 keeps <c>Ftp</c>; "SNMP traps" on 162 is <c>SnmpTrap</c>.
    /// </summary>
    private static void QualifySharedNames(List<Merged> merged, string[] wantedNames)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            if (merged[i].Identifier is null && merged[i].Source <= NameSource.MarkdownServiceColumn)
            {
                if (!byName.TryGetValue(wantedNames[i], out var list))
                {
                    byName[wantedNames[i]] = list = new List<int>();
                }

                list.Add(i);
            }
        }

        foreach (var group in byName.Values)
        {
            if (group.Count < 2)
            {
                continue;
            }

            foreach (var i in group)
            {
                var qualifier = merged[i].Qualifier();
                if (qualifier is not null && !wantedNames[i].EndsWith(qualifier, StringComparison.Ordinal))
                {
                    wantedNames[i] = IdentifierRules.Truncate(wantedNames[i] + qualifier, IdentifierRules.MaxIdentifierBytes);
                }
            }
        }
    }

    private static bool IsFree(HashSet<string> taken, string name, bool isRange)
        => !taken.Contains(name) && (!isRange || !taken.Contains(MemberNames.RangeProperty(name)));

    private readonly record struct Row(PortEntry Entry, int Table, string Path);

    /// <summary>An entry being merged: mutable while the rows of its port are folded in.</summary>
    private sealed class Merged
    {
        private readonly List<string> _aliases = new();

        public Merged(Row row)
        {
            Port = row.Entry.Port;
            LastPort = row.Entry.LastPort;
            ServiceName = row.Entry.ServiceName;
            Identifier = row.Entry.Identifier;
            Source = row.Entry.NameSource;
            Transports = row.Entry.Transports;
            Description = row.Entry.Description;
            Table = row.Table;
            Path = row.Path;
            Line = row.Entry.Line;
            IsWeakClaim = row.Entry.IsWeakClaim;
            IdentifierOrigin = Identifier is null ? null : row;
            NameKeys.Add(NameKey(ServiceName));
            AddAliases(row.Entry.OtherNames);
        }

        public int Port { get; }
        public int LastPort { get; }
        public bool IsRange => LastPort != Port;
        public string ServiceName { get; private set; }
        public string? Identifier { get; private set; }
        public NameSource Source { get; }
        public TransportSet Transports { get; private set; }
        public string Description { get; private set; }
        public int Table { get; }
        public string Path { get; }
        public int Line { get; }
        public HashSet<string> NameKeys { get; } = new(StringComparer.Ordinal);
        public bool IsWeakClaim { get; private set; }
        private Row? IdentifierOrigin { get; set; }

        public void Absorb(Row row, List<DiagnosticInfo> diagnostics)
        {
            Transports |= row.Entry.Transports;
            IsWeakClaim |= row.Entry.IsWeakClaim;   // a table that says "weak" is not overruled by one that does not say
            if (Description.Length == 0)
            {
                Description = row.Entry.Description;
            }

            // Every spelling stays findable by TryGetPort (IANA: "sql*net" and "sql-net" rows of one port).
            NameKeys.Add(NameKey(row.Entry.ServiceName));
            var name = row.Entry.ServiceName;

            // Between names taken from documents, an acronym beats a sentence: a docs table's
            // "Windows Server Remote Desktop Services" and another's "(RDP)" make Rdp.
            if (Identifier is null && row.Entry.Identifier is null && Source <= NameSource.MarkdownServiceColumn
                && NameDeriver.IsSentence(ServiceName) && NameDeriver.IsAcronym(name))
            {
                var sentence = ServiceName;
                _aliases.RemoveAll(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                ServiceName = name;
                AddAlias(sentence);
            }
            else
            {
                AddAlias(name);
            }

            AddAliases(row.Entry.OtherNames);

            var identifier = row.Entry.Identifier;
            if (identifier is null)
            {
                return;
            }

            if (Identifier is null)
            {
                Identifier = identifier;
                IdentifierOrigin = row;
            }
            else if (!string.Equals(Identifier, identifier, StringComparison.Ordinal))
            {
                var kept = IdentifierOrigin!.Value;
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticIds.MergeConflict,
                    row.Path,
                    row.Entry.Line,
                    Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"identifier '{identifier}' here differs from '{Identifier}' in {System.IO.Path.GetFileName(kept.Path)} line {kept.Entry.Line}; '{Identifier}' is kept"));
            }
        }

        /// <summary>The qualifier the description gives right after the entry's name (FTP data, SNMP trap), or null.</summary>
        public string? Qualifier() => NameDeriver.Qualifier(ServiceName, Description);

        private void AddAliases(EquatableArray<string> names)
        {
            foreach (var name in names)
            {
                AddAlias(name);
            }
        }

        private void AddAlias(string name)
        {
            if (name.Length > 0 && !string.Equals(name, ServiceName, StringComparison.OrdinalIgnoreCase) && !_aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                _aliases.Add(name);
            }
        }

        public CatalogEntry ToEntry(string identifier)
        {
            // A table that names no transport says the port is used, not how: IANA registers such services for both.
            var transports = Transports == TransportSet.None ? TransportSet.Tcp | TransportSet.Udp : Transports;
            return new CatalogEntry(Port, LastPort, ServiceName, identifier, transports, Description, _aliases.ToEquatableArray()) { IsWeakClaim = IsWeakClaim };
        }
    }
}
