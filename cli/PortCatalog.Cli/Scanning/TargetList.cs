using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// The targets of a scan: those on the command line, then those of <c>-iL FILE</c> (<c>-</c> for stdin). A list file
/// holds targets separated by spaces, tabs or line breaks; <c>#</c> starts a comment. A bad target names the file and line.
/// </summary>
internal static class TargetList
{
    public static IReadOnlyList<TargetSpec> Read(IEnumerable<string> arguments, string? inputList, Func<TextReader> stdin)
    {
        var targets = arguments.Select(a => TargetSpec.Parse(a, "scan: ")).ToList();
        if (inputList is not null)
        {
            targets.AddRange(ReadList(inputList, stdin));
        }

        if (targets.Count == 0)
        {
            throw new UsageException("scan: no targets; name hosts on the command line or in a list file (-iL FILE).");
        }

        return targets;
    }

    private static List<TargetSpec> ReadList(string path, Func<TextReader> stdin)
    {
        var name = path == "-" ? "stdin" : path;
        var targets = new List<TargetSpec>();
        TextReader reader;
        try
        {
            reader = path == "-" ? stdin() : new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--input-list: cannot read '{path}': {e.Message}", e);
        }

        using (reader)
        {
            var number = 0;
            string? line;
            while ((line = ReadLine(reader, path)) is not null)
            {
                number++;
                var hash = line.IndexOf('#');
                var content = hash >= 0 ? line[..hash] : line;
                foreach (var word in content.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
                {
                    targets.Add(TargetSpec.Parse(word, string.Create(CultureInfo.InvariantCulture, $"--input-list {name}:{number}: ")));
                }
            }
        }

        if (targets.Count == 0)
        {
            throw new UsageException($"--input-list: {name} holds no targets.");
        }

        return targets;
    }

    private static string? ReadLine(TextReader reader, string path)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (IOException e)
        {
            throw new UsageException($"--input-list: cannot read '{path}': {e.Message}", e);
        }
    }
}
