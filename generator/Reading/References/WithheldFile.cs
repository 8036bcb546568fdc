using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Reading.References;

/// <summary>
/// A file that a reference names and that the host will not read, with the reason: the contracts tool reads no file
/// outside the folders it is allowed, and hands the generator this in its place, so that the reference is CTR009 with
/// that reason (rather than "not among the AdditionalFiles"). A build never has one: MSBuild hands over exactly the
/// files the project lists.
/// </summary>
internal sealed class WithheldFile : AdditionalText
{
    /// <param name="path">The path as references name it (normalized, see <see cref="ReferencePaths.Normalize"/>).</param>
    /// <param name="reason">Why it is not read, phrased to follow the quoted path ("is outside …").</param>
    public WithheldFile(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    public override string Path { get; }

    public string Reason { get; }

    /// <summary>Null, as for a file that cannot be read: there is no text.</summary>
    public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
}
