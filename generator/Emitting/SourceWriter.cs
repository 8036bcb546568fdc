using System;
using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>
/// A StringBuilder with indentation. <see cref="WriteLine(string)"/> re-indents every line of a multi-line block, so
/// emitters can pass raw-string templates that read like the output.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentWidth = 4;

    // Emitting thousands of files, most of the work was growing and copying builders: one builder per thread is reused
    // (taken while a writer is open, so nested writers get their own) and only the finished text is allocated.
    [ThreadStatic]
    private static StringBuilder? t_cached;

    // Set by AppendTo: writers opened meanwhile on this thread write into one file of several types.
    [ThreadStatic]
    private static StringBuilder? t_target;

    private StringBuilder? _builder;

    public SourceWriter()
    {
        if (t_target is { } target)
        {
            _builder = target;
            IsPart = true;
            return;
        }

        _builder = t_cached ?? new StringBuilder(16 * 1024);
        t_cached = null;
    }

    /// <summary>True when this writer appends to a file of several types (<see cref="AppendTo"/>): it writes no header of its own.</summary>
    public bool IsPart { get; }

    public int Indentation { get; set; }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer's text was already taken.");

    public void WriteLine() => Builder.Append('\n');

    public void WriteLine(string text)
    {
        var builder = Builder;
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

    /// <summary>
    /// Until the returned scope is disposed, writers created on this thread append to <paramref name="file"/> and their
    /// <see cref="ToString"/> is empty: the emitters of several types write one file without copying their texts into it.
    /// </summary>
    public static Scope AppendTo(StringBuilder file)
    {
        var scope = new Scope(t_target);
        t_target = file;
        return scope;
    }

    /// <summary>
    /// The text written; the writer hands its builder back for the next one and cannot be written to again. Empty for a
    /// writer that appends to a larger file (<see cref="IsPart"/>).
    /// </summary>
    public override string ToString()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException("Unbalanced blocks in generated source.");
        }

        if (IsPart)
        {
            _builder = null;
            return string.Empty;
        }

        var builder = Builder;
        var text = builder.ToString();
        _builder = null;
        // A very large file's builder is not kept: it would pin its memory for the rest of the compiler's life.
        if (builder.Capacity <= 1024 * 1024)
        {
            builder.Clear();
            t_cached = builder;
        }

        return text;
    }

    /// <summary>Restores the previous target of <see cref="AppendTo"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly StringBuilder? _previous;

        internal Scope(StringBuilder? previous) => _previous = previous;

        public void Dispose() => t_target = _previous;
    }
}
