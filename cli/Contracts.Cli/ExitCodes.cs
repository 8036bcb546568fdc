namespace Contracts.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A spec has a generator error, or (check --compile) its code does not compile.</summary>
    public const int SpecFailed = 1;

    /// <summary>Bad arguments: unknown command or option, missing value, missing file; or nothing to compile against (check --server without ASP.NET Core).</summary>
    public const int Usage = 2;
}
