using System;

namespace Contracts.Generator.Reading;

/// <summary>
/// The bounds that keep the generator's time and memory linear in the size of any document, hostile or not; the
/// docs/reliability.md lists them. The YAML ones are handed to the reader, which enforces them.
/// </summary>
internal static class Limits
{
    /// <summary>
    /// Schemas nested through <c>$ref</c> chains of arrays, maps, unions and allOf. Records break the chain (they are
    /// built one after another), so only alias-like chains count; real documents stay under 10.
    /// </summary>
    public const int MaxSchemaDepth = 64;

    /// <summary>
    /// Record members, enum values, union cases and operations of one document together (Stripe's description makes
    /// 7,654 record members). It bounds the generated code, which allOf flattening could otherwise make quadratic in
    /// the document.
    /// </summary>
    public const int MaxModelSize = 1_000_000;

    /// <summary>
    /// Records, enums and unions of one document, about three times Stripe's 3,094. Each becomes two files, and the
    /// compiler's own bookkeeping of generated files grows with their square, so this bounds the build as much as the output.
    /// </summary>
    public const int MaxGeneratedTypes = 10_000;

    /// <summary>YAML (and JSON) nesting the reader accepts; the deepest description in the corpus nests 25 levels.</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>YAML nodes in one document, about 40 times GitHub's or Stripe's description (127,000 each, keys included).</summary>
    public const int MaxYamlNodes = 5_000_000;

    /// <summary>Nodes that YAML aliases may expand to: enough for anchors reused by hand, far too few for an alias bomb.</summary>
    public const int MaxAliasExpansionNodes = 5_000;

    /// <summary>The size of a document, in bytes (128 MiB; GitHub's and Stripe's are under 3 MB).</summary>
    public const int MaxInputBytes = 128 * 1024 * 1024;

    /// <summary>The longest YAML scalar; longer descriptions, summaries and titles are shortened to it first (CTR106).</summary>
    public const int MaxScalarLength = 65_536;

    /// <summary>
    /// Not ours but the YAML parser's (YAML 1.2's rule): a mapping key written without <c>?</c> (an implicit key) must
    /// reach its <c>:</c> within this many characters of where it starts, on the same line. JSON has no such rule, and
    /// JSON keys past it are made explicit before reading (<see cref="ExplicitJsonKeys"/>); a YAML key past it is CTR001.
    /// </summary>
    public const int MaxImplicitKeySpan = 1024;
}

/// <summary>Thrown inside the parser when a document crosses a limit; becomes CTR010 at <see cref="Pointer"/>.</summary>
internal sealed class LimitExceededException : Exception
{
    public LimitExceededException(string pointer, string message)
        : base(message)
    {
        Pointer = pointer;
    }

    public string Pointer { get; }
}
