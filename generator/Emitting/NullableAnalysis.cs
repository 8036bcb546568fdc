namespace Contracts.Generator.Emitting;

/// <summary>
/// Turns the compiler's nullable analysis off around a method whose body grows with a schema (a record's members, a
/// union's cases) once it is large. The analysis copies its state of every local at every branch, so its time and
/// memory grow with the square of such a body: a record of 20,000 members took 54 s and 9.7 GB to compile, one of
/// 40,000 more than 8 GB. Below the size the directives are not written, so the same code, checked by the analysis in
/// every test of a normal document, is what large documents get. Generated files turn nullable warnings off for a build
/// (<see cref="FileHeader.NullableState"/>); these directives keep large bodies out of the analysis where the tests turn them
/// back on.
/// </summary>
internal static class NullableAnalysis
{
    /// <summary>Members or cases above which a body is compiled without nullable warnings (and so without the analysis).</summary>
    public const int MaxAnalyzedBody = 256;

    /// <summary>Writes <c>#nullable disable warnings</c> before a body of <paramref name="size"/> items, when it is large.</summary>
    public static void Suspend(SourceWriter writer, int size)
    {
        if (size > MaxAnalyzedBody)
        {
            writer.WriteLine("// Without nullable analysis, whose time grows with the square of a body this large.");
            writer.WriteLine("#nullable disable warnings");
        }
    }

    /// <summary>Writes the file's own warning state (<see cref="FileHeader.NullableWarningsOff"/>) after such a body.</summary>
    public static void Resume(SourceWriter writer, int size)
    {
        if (size > MaxAnalyzedBody)
        {
            writer.WriteLine(FileHeader.NullableWarningsOff);
        }
    }
}
