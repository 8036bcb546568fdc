using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Pipeline;

/// <summary>One output file: its text, or the CTR006 <see cref="Failure"/> that replaced it when its emitter threw.</summary>
internal readonly struct EmittedFile
{
    public EmittedFile(string hintName, string? text, Diagnostic? failure)
    {
        HintName = hintName;
        Text = text;
        Failure = failure;
    }

    public string HintName { get; }

    /// <summary>Null when the emitter failed.</summary>
    public string? Text { get; }

    public Diagnostic? Failure { get; }
}
