using System.Text;

namespace PortCatalog.Generator.Emitting;

/// <summary>A small writer of indented lines (four spaces a level, <c>\n</c> line ends) for generated code.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public IndentedWriter(int capacity = 4096) => _builder = new StringBuilder(capacity);

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public IndentedWriter Line(string text)
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public IndentedWriter Line() => Line(string.Empty);

    public void OpenBrace()
    {
        Line("{");
        _indent++;
    }

    public void CloseBrace(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
