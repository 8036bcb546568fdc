using System;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>Thrown inside <see cref="JsonPathParser"/> only; <see cref="JsonPathQuery.TryParse"/> turns it into its error and offset.</summary>
internal sealed class JsonPathSyntaxException : Exception
{
    public JsonPathSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>The position in the query's text (UTF-16 units from its start) where the problem is.</summary>
    public int Offset { get; }
}
