namespace Contracts.Cli;

/// <summary>The help texts (printed by <c>--help</c>, and after a usage error).</summary>
internal static class Usage
{
    private const string SpecOptions = """
          --namespace <ns>        ContractsNamespace: the namespace of the generated types
                                  (default: <root namespace>.<FileName>)
          --client-name <name>    ContractsClientName: the client class (default: <FileName>Client)
          --visibility <v>        ContractsVisibility: public (default) or internal
          --json-directions <d>   ContractsJsonDirections: Used (default: each converter reads and writes only
                                  where the client does) or Both (every type read and written)
          --root-namespace <ns>   the RootNamespace a build would pass (default: Contracts.Generated)
          --allow-refs <folder>   also read files that $refs name from <folder> and below (repeatable); by
                                  default only the spec's folder and below are read (for a spec found in a
                                  folder given to check: that folder), symbolic links resolved; a $ref outside
                                  is not read and is reported (CTR009)
          --include-tag <tag>     generate only operations with one of these tags (repeatable, commas
                                  allowed; any case); likewise --include-path <glob> (over the path as
                                  written: * within a segment, ** across segments), --include-operation
                                  <operationId or method name>, --include-method <GET|POST|...>.
                                  Kinds intersect, entries of a kind unite.
          --exclude-tag, --exclude-path, --exclude-operation, --exclude-method
                                  leave out the operations any entry matches (an exclude wins); types
                                  no kept operation reaches are not generated (docs/selection.md)
          --overlay <file>        apply this Overlay 1.0 document (YAML or JSON) to the spec before it is read,
                                  as the Overlays metadata does (repeatable, commas allowed; applied in the
                                  order given; relative to the current folder)

        """;

    public const string Main = """
        contracts: generate and check OpenAPI contracts with the Contracts source generator.

        Usage:
          contracts generate <spec> -o <dir> [options]
          contracts check <spec-or-folder>... [--compile] [--server] [options]
          contracts new library <name> [--spec <path>] [options]
          contracts <command> --help

        Commands:
          generate   write the files the Contracts analyzer generates for <spec> into <dir>
          check      report each spec's diagnostics; with --compile, also compile the generated code;
                     with --server, generate (and compile) the ASP.NET Core server too
          new        write a contract class library's project (what dotnet new contracts-lib creates)

        Exit codes: 0 success, 1 a spec has errors, 2 bad arguments.

        """;

    public const string Generate = """
        Usage: contracts generate <spec> -o <dir> [options]

        Runs the Contracts generator on <spec> exactly as a build would and writes every generated file as
        <dir>/<hint name> (UTF-8, no BOM). Prints the spec's diagnostics as file(line,col): severity id: message.
        Files in <dir> that an earlier run wrote for the same client and that are no longer generated are deleted
        (only *.g.cs files that start with the generator's header); nothing else in <dir> is touched.

        Options:
          -o, --output <dir>      the folder to write into (created when missing)

        """ + SpecOptions + """
          -h, --help              show this help

        Exit codes: 0 written, 1 the generator reported an error, 2 bad arguments.

        """;

    public const string Check = """
        Usage: contracts check <spec-or-folder>... [--compile] [--server] [options]

        Runs the Contracts generator on each spec and prints its diagnostics as
        file(line,col): severity id: message. A folder is searched recursively for *.yaml, *.yml and *.json;
        as in a build, a file found there is a spec only when it starts like an OpenAPI document (others are
        skipped), while a file named on the command line is always read as a spec.

        With --compile the generated code of each spec is also compiled (C# latest, nullable enabled) against
        the framework and Contracts.Runtime, and one row per spec is printed, then the summary:
          <n> specs: <c> compiled clean, <w> with warnings, <f> failed to compile, <x> generator errors
        A spec has a generator error when the generator reported an error or threw; it is "with warnings" when
        the generator reported a warning or the compiler did; "failed to compile" when the compiler reported an
        error. Progress lines ([i/n] path) go to stderr when there are many specs.

        With --server each spec's ASP.NET Core server is generated beside its client (as Generate="Client;Server"
        does in a build) and, with --compile, both are compiled together against the ASP.NET Core shared
        framework installed beside .NET (shared/Microsoft.AspNetCore.App) and Contracts.Runtime.AspNetCore.
        Operations the server leaves out (CTR149) are warnings like any other; the summary keeps its form.

        Options:
          --compile               also compile the generated code
          --server                generate the server too (needs the ASP.NET Core runtime; exit code 2 without)

        """ + SpecOptions + """
          -h, --help              show this help

        Exit codes: 0 no spec failed, 1 a spec has a generator error (or, with --compile, does not compile),
        2 bad arguments (or, with --server, no ASP.NET Core to compile against).

        """;

    public const string New = """
        Usage: contracts new library <name> [--spec <path>] [options]

        Writes <name>/<name>.csproj: a class library holding one OpenAPI contract (the Contracts.Generator and
        Contracts.Runtime packages and an <OpenApiContract> item), the project `dotnet new contracts-lib` creates.
        Apps reference it (dotnet add reference), so the generated code is compiled when the description changes,
        not on every build of an app (docs/contract-library.md). Nothing is written when the file exists.

        Options:
          --spec <path>           the description, relative to the project's folder or absolute; referenced where
                                  it is, not copied (default: openapi.yaml)
          --namespace <ns>        the namespace of the generated code (default: <name>)
          --client-name <name>    the client class (default: <FileName>Client)
          -f, --framework <tfm>   net10.0 (default), net9.0 or net8.0
          -o, --output <dir>      the project's folder (default: <name>)
          --package-version <v>   the version of the two packages (default: this tool's version)
          -h, --help              show this help

        Exit codes: 0 written, 1 the project file exists or cannot be written, 2 bad arguments.

        """;
}
