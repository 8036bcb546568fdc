using Contracts.TestSupport.Generation;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// For tests that read and write the generated types themselves (round trips, validation of a request read from JSON):
/// by default a converter only reads what the client reads and writes what it writes (docs/generated-code.md).
/// </summary>
internal static class BothJsonDirections
{
    /// <summary>The spec with <c>JsonDirections="Both"</c>: every converter reads and writes.</summary>
    public static SpecFile ReadAndWritten(this SpecFile spec) => spec.WithMetadata("ContractsJsonDirections", "Both");

    /// <summary>The specs with <c>JsonDirections="Both"</c> (files that are not specs ignore it).</summary>
    public static SpecFile[] ReadAndWritten(this SpecFile[] specs) => System.Array.ConvertAll(specs, spec => spec.ReadAndWritten());
}
