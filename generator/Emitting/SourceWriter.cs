using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Indented writing into a <see cref="StringBuilder"/> the caller owns. <see cref="WriteLine(string)"/> re-indents every
/// line of a multi-line block, so emitters can pass raw-string templates that read like the output. The writer holds no
/// state beyond its builder and its indentation: emitters are handed the writer they write into, several emitters may
/// write one file through one writer, and whoever created the builder decides when it is read and reused
/// (<see cref="SourceBuffer"/>).
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentWidth = 4;

    private readonly StringBuilder _builder;

    public SourceWriter(StringBuilder builder) => _builder = builder;

    public int Indentation { get; set; }

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string text)
    {
        var builder = _builder;
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            while (stop > start && text[stop - 1] == '\r')
            {
                stop--;
            }

            if (stop > start)
            {
                builder.Append(' ', Indentation * IndentWidth);
                builder.Append(text, start, stop - start);
            }

            builder.Append('\n');
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes <paramref name="header"/> then an opening brace, and indents.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        Indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        Indentation--;
        WriteLine("}" + suffix);
    }

    /// <summary>The text written so far into the builder (no side effect: the builder is left as it is).</summary>
    public override string ToString() => _builder.ToString();
}
