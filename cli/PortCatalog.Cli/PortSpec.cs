using System;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using PortCatalog.Cli.Catalog;

namespace PortCatalog.Cli;

/// <summary>
/// A <c>--ports</c> value: a port list in <see cref="PortSet"/>'s notation (<c>1-1024,8080</c>) whose items may also be
/// catalog service names (<c>ssh,postgresql,8000-8100</c>), <c>well-known</c> (the catalog's ports for the scanned
/// transports) or <c>all</c> / <c>-</c> (1-65535, nmap's <c>-p-</c>). Numbers and ranges are parsed by
/// <see cref="PortSet"/> alone, so the CLI and the library accept exactly the same notation; names are looked up with
/// <see cref="WellKnownPorts.TryGetPort(ReadOnlySpan{char}, out int)"/>.
/// </summary>
internal sealed class PortSpec
{
    public const string WellKnownKeyword = "well-known";
    public const string AllKeyword = "all";

    private readonly PortSet? _list;

    private PortSpec(string text, PortSet? list)
    {
        Text = text;
        _list = list;
    }

    public static PortSpec WellKnown { get; } = new(WellKnownKeyword, null);

    public string Text { get; }

    /// <summary>The spec as given (help prints it as the default).</summary>
    public override string ToString() => Text;

    /// <summary>The ports to probe for a scan of <paramref name="transports"/>.</summary>
    public PortSet Resolve(Transport transports) => _list ?? PortCatalogIndex.WellKnownPortsFor(transports);

    /// <summary>The command-line parser of <c>--ports</c>.</summary>
    public static PortSpec Parse(ArgumentResult result, string optionName)
    {
        var text = SingleToken(result);
        if (string.Equals(text, WellKnownKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return WellKnown;
        }

        if (string.Equals(text, AllKeyword, StringComparison.OrdinalIgnoreCase) || text == "-")
        {
            return new PortSpec(AllKeyword, PortSet.All);
        }

        // Replace each service name by its port, then let PortSet read the numbers and ranges.
        var items = text.Split(',');
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            if (!item.Any(char.IsAsciiLetter))
            {
                continue;
            }

            if (!WellKnownPorts.TryGetPort(item, out var port))
            {
                result.AddError($"{optionName}: '{item}' is neither a port, a range (1-1024) nor a service name in the catalog (see 'portcat list --search {item}').");
                return WellKnown;
            }

            items[i] = port.ToString(CultureInfo.InvariantCulture);
        }

        return ParseList(result, optionName, string.Join(',', items)) is { } list ? new PortSpec(text, list) : WellKnown;
    }

    /// <summary>The command-line parser of a plain port list (<c>--range</c>); adds the library's message as the error.</summary>
    public static PortSet? ParseList(ArgumentResult result, string optionName) => ParseList(result, optionName, SingleToken(result));

    private static PortSet? ParseList(ArgumentResult result, string optionName, string text)
    {
        try
        {
            return PortSet.Parse(text);
        }
        catch (FormatException e)
        {
            result.AddError($"{optionName}: {e.Message}");
            return null;
        }
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
}
