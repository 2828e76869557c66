using System.Collections.Generic;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// Splits identifiers and strings into lower-case words: <c>redisClusterPort</c> → redis, cluster, port;
/// <c>SMTP_HOST</c> → smtp, host; <c>"redis-node-1.local"</c> → redis, node, 1, local; <c>HTTPServer</c> → http, server.
/// </summary>
internal static class NameWords
{
    /// <summary>Adds the words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Add(string? text, List<string> words)
    {
        if (text is null)
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isWordChar = char.IsLetterOrDigit(c);
            var startsNewWord = isWordChar && start >= 0 && i > start && IsBoundary(text, i);
            if ((!isWordChar || startsNewWord) && start >= 0)
            {
                words.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (isWordChar && start < 0)
            {
                start = i;
            }
        }
    }

    /// <summary>The words of <paramref name="text"/>.</summary>
    public static List<string> Of(string? text)
    {
        var words = new List<string>();
        Add(text, words);
        return words;
    }

    // A word starts at an upper-case letter after a lower-case letter or digit (redisPort), at the last capital of a
    // run followed by a lower-case letter (HTTPServer → HTTP, Server), and where letters and digits meet (node1 → node, 1).
    private static bool IsBoundary(string text, int i)
    {
        var previous = text[i - 1];
        var current = text[i];
        if (char.IsDigit(previous) != char.IsDigit(current))
        {
            return true;
        }

        if (char.IsUpper(current) && char.IsLower(previous))
        {
            return true;
        }

        return char.IsUpper(current) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }
}
