using System;
using System.Text;
using System.Threading;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The builder the output step renders files into, kept between files. Emitting thousands of files, most of the work
/// was growing and copying builders: one builder is reused and only each finished text is allocated. Whoever runs the
/// output step owns one (the generator instance, one run of the contracts tool); it is safe to share between threads,
/// where a render that finds the builder taken simply uses a new one.
/// </summary>
internal sealed class SourceBuffer
{
    // A very large file's builder is not kept: it would pin its memory for the rest of the compiler's life.
    private const int MaxKeptCapacity = 1024 * 1024;

    private StringBuilder? _builder;

    /// <summary>Runs <paramref name="write"/> on a writer over an empty builder and returns the text it wrote.</summary>
    /// <exception cref="InvalidOperationException">The emitter left a block open or closed one too many.</exception>
    public string Render(Action<SourceWriter> write)
    {
        var builder = Interlocked.Exchange(ref _builder, null) ?? new StringBuilder(16 * 1024);
        try
        {
            var writer = new SourceWriter(builder);
            write(writer);
            if (writer.Indentation != 0)
            {
                throw new InvalidOperationException("Unbalanced blocks in generated source.");
            }

            return builder.ToString();
        }
        finally
        {
            if (builder.Capacity <= MaxKeptCapacity)
            {
                builder.Clear();
                Volatile.Write(ref _builder, builder);
            }
        }
    }
}
