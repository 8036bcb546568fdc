using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit;

namespace Contracts.Generator.Tests.Server;

/// <summary>
/// Paths that ASP.NET Core's route template parser refuses, from real descriptions (a query string in the path, as in
/// <c>/sms/history/export?filename={filename}</c>; an empty segment; two parameters in one segment; a parameter named
/// twice; a stray brace): the operation is left out of the server with CTR149 and the exact reason, and every template
/// the server maps is one <see cref="RoutePatternFactory.Parse(string)"/> takes, so mapping never throws at start-up.
/// </summary>
public sealed class RouteTemplateTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Routes, version: "1" }
        servers: [{ url: "https://example.com" }]
        paths:
          /export?filename={filename}:
            get:
              operationId: exportWithQuery
              parameters: [{ name: filename, in: path, required: true, schema: { type: string } }]
              responses: { "204": { description: done } }
          /a//b:
            get:
              operationId: emptySegment
              responses: { "204": { description: done } }
          /pair/{left}{right}:
            get:
              operationId: twoParameters
              parameters:
                - { name: left, in: path, required: true, schema: { type: string } }
                - { name: right, in: path, required: true, schema: { type: string } }
              responses: { "204": { description: done } }
          /twice/{id}/again/{id}:
            get:
              operationId: sameParameterTwice
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses: { "204": { description: done } }
          /files/{name}.{ext}:
            get:
              operationId: fileWithExtension
              parameters:
                - { name: name, in: path, required: true, schema: { type: string } }
                - { name: ext, in: path, required: true, schema: { type: string } }
              responses: { "204": { description: done } }
          /users/{user-id}/items/*:
            get:
              operationId: dashedNameAndStar
              parameters: [{ name: user-id, in: path, required: true, schema: { type: string } }]
              responses: { "204": { description: done } }
          /search/{country}/:
            get:
              operationId: trailingSlash
              parameters: [{ name: country, in: path, required: true, schema: { type: string } }]
              responses: { "204": { description: done } }
        """;

    [Fact]
    public void Paths_the_route_parser_refuses_are_CTR149_with_the_reason()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.Inline("routes.yaml", Spec, "Contracts.Tests.Routes", "RoutesClient").WithMetadata("ContractsGenerate", "Server"));

        run.AssertGeneratorDidNotThrow();
        // In the order the generator reports operations (by method name).
        var left = run.GeneratorDiagnostics.Where(d => d.Id == "CTR149").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
            [
                "Operation 'emptySegment' is left out of the generated server: its path '/a//b' has an empty segment ('//'), which an ASP.NET Core route template cannot hold",
                "Operation 'exportWithQuery' is left out of the generated server: its path '/export?filename={filename}' has a query string ('?filename={filename}'), which an ASP.NET Core route template cannot hold",
                "Operation 'sameParameterTwice' is left out of the generated server: its path '/twice/{id}/again/{id}' has the parameter '{id}' twice, which an ASP.NET Core route template cannot hold",
                "Operation 'twoParameters' is left out of the generated server: its path '/pair/{left}{right}' has two parameters in one segment without a literal between ('{left}{…'), which an ASP.NET Core route template cannot hold",
            ],
            left);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Every_mapped_route_template_parses()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.Inline("routes.yaml", Spec, "Contracts.Tests.Routes", "RoutesClient").WithMetadata("ContractsGenerate", "Server"));

        var server = run.Sources.Single(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).Value;
        var templates = Regex.Matches(server, @"MapMethods\(group, ""((?:[^""\\]|\\.)*)""").Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();
        Assert.Equal(["/users/{p0}/items/*", "/files/{name}.{ext}", "/search/{country}/"], templates);
        foreach (var template in templates)
        {
            Assert.NotNull(RoutePatternFactory.Parse(template));
        }
    }
}
