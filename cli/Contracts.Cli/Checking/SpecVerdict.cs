namespace Contracts.Cli.Checking;

/// <summary>How one spec fared, from best to worst. Only the last two fail a run.</summary>
internal enum SpecVerdict
{
    /// <summary>No generator warning or error; with --compile, no compiler warning or error either.</summary>
    Clean,

    /// <summary>The generator or (with --compile) the compiler reported warnings, but no errors.</summary>
    Warnings,

    /// <summary>The generator was fine, but the generated code has compile errors (--compile only).</summary>
    CompileFailed,

    /// <summary>The generator reported an error, threw, or the spec could not be read.</summary>
    GeneratorError,
}
