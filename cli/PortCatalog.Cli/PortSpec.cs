using System;
using System.CommandLine.Parsing;
using PortCatalog.Cli.Catalog;

namespace PortCatalog.Cli;

/// <summary>
/// A <c>--ports</c> value: a port list in <see cref="PortSet"/>'s notation (<c>1-1024,8080</c>), <c>well-known</c> (the
/// catalog's ports for the scanned transports) or <c>all</c> (1-65535). Port lists are parsed by <see cref="PortSet"/>
/// alone, so the CLI and the library accept exactly the same notation.
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

        if (string.Equals(text, AllKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return new PortSpec(AllKeyword, PortSet.All);
        }

        return ParseList(result, optionName) is { } list ? new PortSpec(text, list) : WellKnown;
    }

    /// <summary>The command-line parser of a plain port list (<c>--range</c>); adds the library's message as the error.</summary>
    public static PortSet? ParseList(ArgumentResult result, string optionName)
    {
        var text = SingleToken(result);
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
