using System;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Thrown by <see cref="JsonPathQuery.Select"/> when one evaluation does more work than <see cref="JsonPathEvaluation.MaxSteps"/>
/// allows or a regular expression runs out of time: a hostile query or document costs a diagnostic, never the build's time.
/// </summary>
internal sealed class JsonPathLimitException : Exception
{
    public JsonPathLimitException(string message)
        : base(message)
    {
    }
}
