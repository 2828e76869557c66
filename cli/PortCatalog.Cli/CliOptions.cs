using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli;

/// <summary>Options several commands share, built the same way everywhere so their spelling, help and errors agree.</summary>
internal static class CliOptions
{
    /// <summary>The formats every command writes.</summary>
    public static readonly OutputFormat[] RowFormats = [OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv];

    /// <summary><c>--format</c> among <paramref name="allowed"/> (default <see cref="RowFormats"/>), default table.</summary>
    public static Option<OutputFormat> Format(params OutputFormat[] allowed)
    {
        if (allowed.Length == 0)
        {
            allowed = RowFormats;
        }

        var names = allowed.Select(FormatName).ToArray();
        var choices = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";

        // No DefaultValueFactory: help would print the enum's "Table"; an absent option reads as Table (0) anyway.
        return new Option<OutputFormat>("--format", "-f")
        {
            Description = $"Output format: table (the default, for people), {string.Join(", ", names.Skip(1))} (for programs; stable field names).",
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var format = allowed.FirstOrDefault(f => string.Equals(FormatName(f), text, StringComparison.OrdinalIgnoreCase), (OutputFormat)(-1));
                if ((int)format >= 0)
                {
                    return format;
                }

                var elsewhere = Enum.GetValues<OutputFormat>().Any(f => string.Equals(FormatName(f), text, StringComparison.OrdinalIgnoreCase));
                result.AddError($"--format: '{text}' is not a format{(elsewhere ? " of this command" : "")}; use {choices}.");
                return OutputFormat.Table;
            },
        };
    }

    /// <summary>A format's name on the command line: <c>table</c>, <c>json</c>, <c>csv</c>, <c>xml</c>, <c>grepable</c>.</summary>
    public static string FormatName(OutputFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>
    /// <c>--transport</c> taking one transport name or several joined by '/' or ',' (<c>tcp/udp</c>), each among
    /// <paramref name="allowed"/>; <see cref="Transport.None"/> when not given.
    /// </summary>
    public static Option<Transport> Transport(string description, Transport allowed) => new("--transport", "-t")
    {
        Description = description,
        HelpName = TransportText.Choices(allowed),
        CustomParser = result => ParseTransports(result, "--transport", allowed),
    };

    /// <summary>
    /// An integer option from <paramref name="minimum"/> to <paramref name="maximum"/>. The value is read by a custom
    /// parser, so any text (<c>abc</c>, <c>1.5</c>, <c>99999999999</c>) becomes one error naming the option, never an exception.
    /// </summary>
    public static Option<int> Integer(string name, string description, string helpName, int defaultValue, int minimum, int maximum) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInteger(result, name, minimum, maximum),
    };

    /// <summary>Reads a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, or adds an error naming <paramref name="name"/>.</summary>
    public static int ParseInteger(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var range = string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum} to {maximum}");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not {range}.");
            return minimum;
        }

        if (value < minimum || value > maximum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: {text} is out of range; use {range}."));
            return minimum;
        }

        return (int)value;
    }

    private static Transport ParseTransports(ArgumentResult result, string name, Transport allowed)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var transports = PortCatalog.Transport.None;
        foreach (var part in text.Split('/', ','))
        {
            if (!TransportText.TryParse(part, allowed, out var transport))
            {
                result.AddError($"{name}: '{text}' is not a transport; use {TransportText.Choices(allowed)}.");
                return PortCatalog.Transport.None;
            }

            transports |= transport;
        }

        return transports;
    }
}
