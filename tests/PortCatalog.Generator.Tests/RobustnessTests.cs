using System.Text;
using Microsoft.CodeAnalysis;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>
/// Random and malformed tables through the real driver: the generator never throws (no CS8785), every output
/// parses, and a sample compiles with no error and no warning (so nothing escaped into code or doc comments).
/// </summary>
public sealed class RobustnessTests
{
    private const int TableCount = 1000;
    private const int CompileEvery = 20; // 50 compiled outputs

    private static readonly string[] s_nasty =
    [
        "\"; } class X {", "*/", "/*", "\\u0022", "#error boom", "\n#error boom\n", "</summary>", "<summary>", "]]>", "<!--",
        "&", "&amp;", "&#0;", "\u2028", "\u2029", "\u0085", "\0", "\uD800", "\uDC00", "\uFEFF", "\\", "\"", "\"\"", "{0}", "@\"",
        "'", "`", "|", "\\|", "<br>", "[x](y)", "**", "\t", "\r", "\r\n", "class", "namespace", "ſ", "İ", "ß", "\u202E", "\u200B",
        "\U0001F600", "TCP", "udp", "0", "65535", "65536", "70000", "-1", "1-2", "6000-6063", "99999999999999999999",
    ];

    [Fact]
    public void RandomAndMalformedTablesNeverBreakTheBuild()
    {
        var random = new Random(20261122);
        var compilation = GeneratorHarness.CreateCompilation();
        var compiled = 0;
        for (var i = 0; i < TableCount; i++)
        {
            var (path, text) = RandomTable(random, i);
            var table = new TestTable(path, text, "Fuzz" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var driver = GeneratorHarness.CreateDriver([table]);
            Compilation output;
            if (i % CompileEvery == 0)
            {
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
                var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Assert.True(problems.Count == 0, $"table {i} ({path}): {string.Join("\n", problems.Take(5))}\n--- table ---\n{Shorten(text)}");
                compiled++;
            }
            else
            {
                driver = driver.RunGenerators(compilation);
            }

            var result = driver.GetRunResult();
            Assert.True(result.Results.Single().Exception is null, $"table {i}: {result.Results.Single().Exception}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "CS8784");
            var tree = Assert.Single(result.GeneratedTrees);
            var syntaxErrors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(syntaxErrors.Count == 0, $"table {i}: {string.Join("\n", syntaxErrors.Take(5))}");
            Assert.All(result.Diagnostics, d => Assert.StartsWith("PCG", d.Id));
        }

        Assert.True(compiled >= 50);
    }

    private static string Shorten(string text) => text.Length > 2000 ? text.Substring(0, 2000) + "..." : text;

    private static (string Path, string Text) RandomTable(Random random, int index)
    {
        var csv = random.Next(2) == 0;
        var path = $"/fuzz/table{index}{(csv ? ".csv" : ".md")}";
        var builder = new StringBuilder();
        if (random.Next(5) == 0)
        {
            builder.Append('\uFEFF');
        }

        switch (random.Next(10))
        {
            case 0:
                // Random bytes, decoded as the compiler would (invalid UTF-8 becomes U+FFFD).
                var bytes = new byte[random.Next(0, 4000)];
                random.NextBytes(bytes);
                builder.Append(Encoding.UTF8.GetString(bytes));
                break;
            case 1:
                // Random UTF-16 code units, lone surrogates included.
                for (var i = random.Next(0, 3000); i > 0; i--)
                {
                    builder.Append((char)random.Next(0, 0x10000));
                }

                break;
            default:
                if (csv)
                {
                    AppendCsv(random, builder);
                }
                else
                {
                    AppendMarkdown(random, builder);
                }

                break;
        }

        return (path, builder.ToString());
    }

    private static void AppendCsv(Random random, StringBuilder builder)
    {
        builder.Append(random.Next(8) == 0 ? "Name,Description" : "Service Name,Port Number,Transport Protocol,Description");
        if (random.Next(2) == 0)
        {
            builder.Append(",Identifier");
        }

        for (var row = random.Next(0, 40); row > 0; row--)
        {
            builder.Append(NewLine(random));
            builder.Append(CsvCell(random, Name(random))).Append(',')
                .Append(CsvCell(random, Port(random))).Append(',')
                .Append(CsvCell(random, Transport(random))).Append(',')
                .Append(CsvCell(random, Text(random)));
            if (random.Next(2) == 0)
            {
                builder.Append(',').Append(CsvCell(random, Name(random)));
            }
        }
    }

    private static void AppendMarkdown(Random random, StringBuilder builder)
    {
        builder.Append("# Ports").Append(NewLine(random)).Append(Text(random)).Append(NewLine(random)).Append(NewLine(random));
        var columns = random.Next(1, 5);
        builder.Append('|');
        for (var c = 0; c < columns; c++)
        {
            builder.Append(' ').Append(random.Next(4) == 0 ? "Identifier" : Text(random).Replace("|", "")).Append(" |");
        }

        builder.Append(NewLine(random));
        for (var c = 0; c < columns; c++)
        {
            builder.Append(random.Next(3) switch { 0 => "|:---", 1 => "|---:", _ => "|---" });
        }

        builder.Append(random.Next(2) == 0 ? "|" : string.Empty);
        for (var row = random.Next(0, 40); row > 0; row--)
        {
            builder.Append(NewLine(random)).Append('|');
            var portColumn = random.Next(columns);
            for (var c = 0; c < columns; c++)
            {
                builder.Append(' ').Append(c == portColumn ? Port(random) + (random.Next(4) == 0 ? ", " + Port(random) : "") : random.Next(3) == 0 ? Name(random) : Text(random)).Append(" |");
            }

            if (random.Next(3) == 0)
            {
                builder.Length--; // no trailing pipe
            }
        }

        builder.Append(NewLine(random)).Append("Trailing prose with a [link](http://example.com).");
    }

    private static string CsvCell(Random random, string value) => random.Next(6) switch
    {
        0 => "\"" + value.Replace("\"", "\"\"") + "\"",
        1 => "\"" + value, // broken quote
        2 => value + "\"",
        _ => value,
    };

    private static string NewLine(Random random) => random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };

    private static string Name(Random random) => random.Next(4) switch
    {
        0 => s_nasty[random.Next(s_nasty.Length)],
        1 => "svc-" + random.Next(100),
        2 => s_nasty[random.Next(s_nasty.Length)] + "name" + s_nasty[random.Next(s_nasty.Length)],
        _ => string.Empty,
    };

    private static string Port(Random random) => random.Next(6) switch
    {
        0 => s_nasty[random.Next(s_nasty.Length)],
        1 => random.Next(0, 70000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + random.Next(0, 70000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => random.Next(0, 66000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Transport(Random random) => random.Next(5) switch
    {
        0 => "tcp",
        1 => "udp",
        2 => "TCP/UDP",
        3 => s_nasty[random.Next(s_nasty.Length)],
        _ => string.Empty,
    };

    private static string Text(Random random)
    {
        if (random.Next(50) == 0)
        {
            return new string('x', 50_000) + s_nasty[random.Next(s_nasty.Length)]; // a huge cell
        }

        var builder = new StringBuilder();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            builder.Append(random.Next(2) == 0 ? s_nasty[random.Next(s_nasty.Length)] : "word" + random.Next(10)).Append(' ');
        }

        return builder.ToString();
    }
}
