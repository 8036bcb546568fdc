namespace Contracts.Cli.Generation;

/// <summary>
/// One spec to run the generator on. <paramref name="IsNamed"/>: the user named the file itself, so it is marked as a
/// contract (<c>OpenApiContract=true</c>) and read even if it does not look like OpenAPI; files found in a folder are
/// left unmarked, so the generator's own sniffing decides, as in a build. <paramref name="SearchedFolder"/>: the folder
/// named on the command line it was found in (null for a file named itself), from which its <c>$ref</c>s may read
/// (<see cref="ReferenceScope"/>).
/// </summary>
internal sealed record SpecFile(string Path, bool IsNamed, string? SearchedFolder = null);
