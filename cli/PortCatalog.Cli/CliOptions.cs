using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli;

/// <summary>Options several commands share, built the same way everywhere so their spelling, help and errors agree.</summary>
internal static class CliOptions
{
    /// <summary><c>--format table|json|csv</c>, default table.</summary>
    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        // No DefaultValueFactory: help would print the enum's "Table"; an absent option reads as Table (0) anyway.
        Description = "Output format: table (the default, for people), json or csv (for programs; stable field names).",
        HelpName = "table|json|csv",
        CustomParser = static result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, out _))
            {
                return format;
            }

            result.AddError($"--format: '{text}' is not a format; use table, json or csv.");
            return OutputFormat.Table;
        },
    };

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
