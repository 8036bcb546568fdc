using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// Server variables of a generated client are checked when it is constructed: against the document's <c>enum</c> when
/// it declares one, else against the grammar of where the variable stands (a host label, one path segment).
/// </summary>
public sealed class ServerVariableTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Tenants, version: "1" }
        servers:
          - url: https://{tenant}.example.com/{version}/{stage}
            variables:
              tenant: { default: acme }
              version: { default: v1 }
              stage: { default: live, enum: [live, sandbox] }
        paths:
          /ping:
            get:
              operationId: Ping
              responses:
                "204": { description: Pong. }
        """;

    [Theory]
    [InlineData("Tenant", "acme.attacker.example", "'tenant'")]
    [InlineData("Tenant", "-acme", "'tenant'")]
    [InlineData("Version", "..", "'version'")]
    [InlineData("Stage", "staging", "'stage'")]
    public void A_value_that_does_not_fit_is_refused_when_the_client_is_constructed(string property, string value, string named)
    {
        using var output = Load();
        var options = output.Create("Contracts.Tests.Tenants.TenantsClientOptions", [], (property, value));

        var thrown = Record.Exception(() => output.Create("Contracts.Tests.Tenants.TenantsClient", [new HttpClient(), options]));

        var exception = Assert.IsType<ArgumentException>(Unwrap(thrown));
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_lists_the_declared_values()
    {
        using var output = Load();
        var options = output.Create("Contracts.Tests.Tenants.TenantsClientOptions", [], ("Stage", "staging"));

        var thrown = Record.Exception(() => output.Create("Contracts.Tests.Tenants.TenantsClient", [new HttpClient(), options]));

        Assert.Contains("live, sandbox", Unwrap(thrown)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_fit_build_the_server_url()
    {
        using var output = Load();
        var handler = new RecordingHandler(HttpStatusCode.NoContent, string.Empty);
        var options = output.Create("Contracts.Tests.Tenants.TenantsClientOptions", [], ("Tenant", "globex-2"), ("Version", "v 2"), ("Stage", "sandbox"));
        var client = output.Create("Contracts.Tests.Tenants.TenantsClient", [new HttpClient(handler), options]);

        await LoadedOutput.InvokeAsync(client, "PingAsync", CancellationToken.None);

        Assert.Equal("https://globex-2.example.com/v%202/sandbox/ping", Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public void With_a_base_address_the_variables_are_not_used_and_not_checked()
    {
        using var output = Load();
        var options = output.Create(
            "Contracts.Tests.Tenants.TenantsClientOptions", [], ("Stage", "staging"), ("BaseAddress", new Uri("https://127.0.0.1:9/")));

        Assert.NotNull(output.Create("Contracts.Tests.Tenants.TenantsClient", [new HttpClient(), options]));
    }

    [Fact]
    public void A_variable_named_like_a_member_of_the_options_gets_a_name_of_its_own()
    {
        const string Clashing = """
            openapi: 3.0.3
            info: { title: Clash, version: "1" }
            servers:
              - url: https://{maxResponseContentBufferSize}.example.com/{expandServerUrl}
                variables:
                  maxResponseContentBufferSize: { default: a }
                  expandServerUrl: { default: b }
            paths:
              /ping:
                get:
                  operationId: Ping
                  responses:
                    "204": { description: Pong. }
            """;

        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("clash.yaml", Clashing, "Contracts.Tests.Clash", "ClashClient")));

        Assert.NotNull(output.Type("Contracts.Tests.Clash.ClashClientOptions").GetProperty("MaxResponseContentBufferSize2"));
        Assert.NotNull(output.Type("Contracts.Tests.Clash.ClashClientOptions").GetProperty("ExpandServerUrl2"));
    }

    private static LoadedOutput Load() =>
        LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("tenants.yaml", Spec, "Contracts.Tests.Tenants", "TenantsClient")));

    private static Exception? Unwrap(Exception? exception) => exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
