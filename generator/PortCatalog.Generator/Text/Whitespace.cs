using System.Text;

namespace PortCatalog.Generator.Text;

/// <summary>Whitespace rules shared by the readers and the model (the bottom layer: imports nothing of the generator).</summary>
internal static class Whitespace
{
    /// <summary>Collapses every run of whitespace (including line breaks) to one space and trims.</summary>
    public static string Collapse(string text)
    {
        var needsWork = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' '))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
