using System;
using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>
/// A StringBuilder with indentation. <see cref="WriteLine(string)"/> re-indents every line of a multi-line block, so
/// emitters can pass raw-string templates that read like the output.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            line = line.TrimEnd('\r');
            if (line.Length > 0)
            {
                for (var i = 0; i < Indentation; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
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

    public override string ToString()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException("Unbalanced blocks in generated source.");
        }

        return _builder.ToString();
    }
}
