using System.Collections.Generic;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>Finds explicit ports in the URLs of a string: <c>scheme://[user@]host:port</c>, hosts may be <c>[v6]</c> or <c>*</c>.</summary>
internal static class UrlPortParser
{
    /// <summary>A port found in a URL: its scheme, value, and where its digits are in the text.</summary>
    internal readonly record struct UrlPort(string Scheme, int Port, int Start, int Length);

    /// <summary>Every explicit port of every URL in <paramref name="text"/>; ports above 65535 are not URLs and are skipped.</summary>
    public static IEnumerable<UrlPort> FindPorts(string text)
    {
        var search = 0;
        while (true)
        {
            var separator = text.IndexOf("://", search, System.StringComparison.Ordinal);
            if (separator < 0)
            {
                yield break;
            }

            search = separator + 3;
            var schemeStart = separator;
            while (schemeStart > 0 && IsSchemeChar(text[schemeStart - 1]))
            {
                schemeStart--;
            }

            if (schemeStart == separator || !char.IsLetter(text[schemeStart]))
            {
                continue;
            }

            // The authority ends at the first '/', '?', '#' or a character no URL authority holds.
            var end = search;
            while (end < text.Length && text[end] is not ('/' or '?' or '#' or '"' or ';' or ',' or '\\' or '{' or '}') && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var hostStart = text.LastIndexOf('@', end - 1, end - search) + 1;
            if (hostStart <= 0)
            {
                hostStart = search;
            }

            var colon = text.LastIndexOf(':', end - 1, end - hostStart);
            var closingBracket = text.LastIndexOf(']', end - 1, end - hostStart);
            if (colon <= hostStart || colon < closingBracket || colon + 1 == end || end - colon - 1 > 5)
            {
                continue;   // no port, "[::1]" without a port, or more digits than a port has
            }

            var port = 0;
            var valid = true;
            for (var i = colon + 1; i < end; i++)
            {
                if (text[i] is < '0' or > '9')
                {
                    valid = false;
                    break;
                }

                port = (port * 10) + (text[i] - '0');
            }

            if (valid && port <= 65535)
            {
                yield return new UrlPort(text.Substring(schemeStart, separator - schemeStart), port, colon + 1, end - colon - 1);
            }

            search = end;
        }
    }

    private static bool IsSchemeChar(char c) => char.IsLetterOrDigit(c) || c is '+' or '-' or '.';
}
