namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>Where a JSON pointer's node starts in the spec file (0-based line and column), as the diagnostics place it.</summary>
internal interface IPositionIndex
{
    /// <summary>The key of the deepest mapping entry (or the deepest item) the pointer reaches; the file start when none.</summary>
    (int Line, int Column) Find(string pointer);
}

/// <summary>For a document that could not be read: everything is at the file start.</summary>
internal sealed class NoPositions : IPositionIndex
{
    public static readonly NoPositions Instance = new();

    public (int Line, int Column) Find(string pointer) => (0, 0);
}
