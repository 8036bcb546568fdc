using System;
using System.IO;
using System.Linq;
using Contracts.Cli.Generation;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>contracts check --compile --server</c>: the server is generated beside the client and both are compiled against
/// ASP.NET Core and Contracts.Runtime.AspNetCore; an operation the server leaves out (CTR149) is a warning like any
/// other, and the summary keeps its form.
/// </summary>
public sealed class CheckServerTests
{
    private const string Served = """
        openapi: 3.0.3
        info: { title: Served, version: '1' }
        servers: [{ url: "https://served.example.com" }]
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters: [{ name: id, in: path, required: true, schema: { type: integer, format: int64 } }]
              responses:
                '200':
                  description: the pet
                  content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } }
                '404': { description: no such pet }
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string }
        """;

    /// <summary>Its free-form JSON parameter is written by the client but not (yet) bound by the server: CTR149.</summary>
    private const string LeftOut = """
        openapi: 3.0.3
        info: { title: Login, version: '1' }
        servers: [{ url: "https://login.example.com" }]
        paths:
          /login:
            post:
              operationId: login
              parameters: [{ name: filter, in: query, schema: {} }]
              responses:
                '204': { description: logged in }
        """;

    [Fact]
    public void A_served_spec_compiles_clean_and_a_left_out_operation_is_a_warning()
    {
        using var temp = new TempFolder();
        var served = temp.Write("a-served.yaml", Served);
        var leftOut = temp.Write("b-login.yaml", LeftOut);
        temp.Write("c-notes.yaml", "title: not an OpenAPI document\n");

        var run = CliResult.Run("check", "--compile", "--server", temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"{leftOut}(6,5): warning CTR149: Operation 'login' is left out of the generated server: the query parameter 'filter' is free-form JSON",
                $"ok        {served}  (5 files)",
                $"warnings  {leftOut}  (4 files); 1 generator warning (CTR149 x1)",
                "2 specs: 1 compiled clean, 1 with warnings, 0 failed to compile, 0 generator errors",
            ],
            run.StdoutLines);
        Assert.Contains("skipped " + temp.Combine("c-notes.yaml") + ": not an OpenAPI document", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_server_the_same_specs_are_the_client_alone()
    {
        using var temp = new TempFolder();
        var served = temp.Write("a-served.yaml", Served);
        var leftOut = temp.Write("b-login.yaml", LeftOut);

        var run = CliResult.Run("check", "--compile", temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"ok        {served}  (3 files)",
                $"ok        {leftOut}  (2 files)",
                "2 specs: 2 compiled clean, 0 with warnings, 0 failed to compile, 0 generator errors",
            ],
            run.StdoutLines);
    }

    [Fact]
    public void Server_without_compile_reports_the_servers_diagnostics()
    {
        using var temp = new TempFolder();
        var leftOut = temp.Write("login.yaml", LeftOut);

        var run = CliResult.Run("check", "--server", leftOut);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"{leftOut}(6,5): warning CTR149: Operation 'login' is left out of the generated server: the query parameter 'filter' is free-form JSON",
                "1 specs: 0 clean, 1 with warnings, 0 generator errors",
            ],
            run.StdoutLines);
    }

    [Fact]
    public void AspNetCore_is_found_beside_the_framework_of_the_same_version_else_the_newest_of_its_major()
    {
        using var temp = new TempFolder();
        var netCore = temp.Combine("shared/Microsoft.NETCore.App/10.0.5");
        Directory.CreateDirectory(netCore);
        Assert.Null(FrameworkAssemblies.AspNetCoreDirectoryBeside(netCore));

        temp.Write("shared/Microsoft.AspNetCore.App/9.0.9/Microsoft.AspNetCore.Http.Abstractions.dll", string.Empty);
        Assert.Null(FrameworkAssemblies.AspNetCoreDirectoryBeside(netCore));

        temp.Write("shared/Microsoft.AspNetCore.App/10.0.2/Microsoft.AspNetCore.Http.Abstractions.dll", string.Empty);
        temp.Write("shared/Microsoft.AspNetCore.App/10.0.3/Microsoft.AspNetCore.Http.Abstractions.dll", string.Empty);
        Assert.Equal(temp.Combine("shared/Microsoft.AspNetCore.App/10.0.3"), FrameworkAssemblies.AspNetCoreDirectoryBeside(netCore));

        temp.Write("shared/Microsoft.AspNetCore.App/10.0.5/Microsoft.AspNetCore.Http.Abstractions.dll", string.Empty);
        temp.Write("shared/Microsoft.AspNetCore.App/10.0.7/Microsoft.AspNetCore.Http.Abstractions.dll", string.Empty);
        Assert.Equal(temp.Combine("shared/Microsoft.AspNetCore.App/10.0.5"), FrameworkAssemblies.AspNetCoreDirectoryBeside(netCore));
    }

    [Fact]
    public void Help_names_the_option()
    {
        var run = CliResult.Run("check", "--help");

        Assert.Contains("--server                generate the server too", run.Stdout, StringComparison.Ordinal);
    }
}
