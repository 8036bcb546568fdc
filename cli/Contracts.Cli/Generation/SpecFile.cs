namespace Contracts.Cli.Generation;

/// <summary>
/// One spec to run the generator on. <paramref name="IsNamed"/>: the user named the file itself, so it is marked as a
/// contract (<c>OpenApiContract=true</c>) and read even if it does not look like OpenAPI; files found in a folder are
/// left unmarked, so the generator's own sniffing decides, as in a build.
/// </summary>
internal sealed record SpecFile(string Path, bool IsNamed);
