using System.Collections.Generic;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// Splits identifiers and strings into lower-case words: <c>redisClusterPort</c> → redis, cluster, port;
/// <c>SMTP_HOST</c> → smtp, host; <c>"redis-node-1.local"</c> → redis, node, 1, local; <c>HTTPServer</c> → http, server.
/// Digits stay with the letters before them (<c>Pop3Client</c> → pop3, client; <c>Socks5</c> → socks5), as service
/// names hold them; <see cref="WithoutDigits"/> gives the bare word for matching.
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

    /// <summary><paramref name="word"/> without trailing digits (<c>socks5</c> → socks), or null when it has none or is all digits.</summary>
    public static string? WithoutDigits(string word)
    {
        var end = word.Length;
        while (end > 0 && char.IsDigit(word[end - 1]))
        {
            end--;
        }

        return end == word.Length || end == 0 ? null : word.Substring(0, end);
    }

    // A word starts at an upper-case letter after a lower-case letter or digit (redisPort, Pop3Client), at the last
    // capital of a run followed by a lower-case letter (HTTPServer → HTTP, Server), and at a letter after digits.
    private static bool IsBoundary(string text, int i)
    {
        var previous = text[i - 1];
        var current = text[i];
        if (char.IsDigit(previous) && !char.IsDigit(current))
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
