using System;
using System.Net.Http;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// Server URL variables are checked where they land: a host label in the host, one segment (not <c>.</c> or <c>..</c>)
/// in the path. A base address with a query keeps it after the request path.
/// </summary>
public sealed class ServerUrlTests
{
    [Theory]
    [InlineData("https://{tenant}.example.com/v1", "acme", "https://acme.example.com/v1")]
    [InlineData("https://{tenant}.example.com/v1", "a-1-b", "https://a-1-b.example.com/v1")]
    [InlineData("https://api.example.com/{version}", "v2", "https://api.example.com/v2")]
    [InlineData("https://api.example.com/{version}", "v 2/x", "https://api.example.com/v%202%2Fx")]
    [InlineData("https://{host}/v1", "api.example.com", "https://api.example.com/v1")]
    [InlineData("https://{host}:8443/v1", "api.example.com", "https://api.example.com:8443/v1")]
    [InlineData("http://localhost:{port}/v1", "8080", "http://localhost:8080/v1")]
    [InlineData("{scheme}://api.example.com", "https", "https://api.example.com")]
    public void A_value_that_fits_its_position_fills_it(string template, string value, string expected)
    {
        var name = template.Substring(template.IndexOf('{') + 1, template.IndexOf('}') - template.IndexOf('{') - 1);

        Assert.Equal(expected, ContractsHttp.ExpandServerUrl(template, (name, value)));
    }

    [Theory]
    [InlineData("https://{tenant}.example.com/v1", "acme.attacker.com")]
    [InlineData("https://{tenant}.example.com/v1", "acme.")]
    [InlineData("https://{tenant}.example.com/v1", "-acme")]
    [InlineData("https://{tenant}.example.com/v1", "acme-")]
    [InlineData("https://{tenant}.example.com/v1", "ac me")]
    [InlineData("https://{tenant}.example.com/v1", "acme/x")]
    [InlineData("https://{tenant}.example.com/v1", "acme@evil")]
    [InlineData("https://{tenant}.example.com/v1", "acme:1")]
    [InlineData("https://{host}/v1", "evil.com/x")]
    [InlineData("https://{host}/v1", "a..b")]
    [InlineData("https://api.example.com/{version}", "..")]
    [InlineData("https://api.example.com/{version}", ".")]
    [InlineData("http://localhost:{port}/v1", "80a")]
    [InlineData("http://localhost:{port}/v1", "70000")]
    [InlineData("{scheme}://api.example.com", "file")]
    public void A_value_that_does_not_fit_its_position_is_refused_naming_the_variable(string template, string value)
    {
        var name = template.Substring(template.IndexOf('{') + 1, template.IndexOf('}') - template.IndexOf('{') - 1);

        var exception = Assert.Throws<ArgumentException>(() => ContractsHttp.ExpandServerUrl(template, (name, value)));

        Assert.Contains("'" + name + "'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_value_of_a_variable_named_like_a_credential_is_not_repeated()
    {
        var exception = Assert.Throws<ArgumentException>(() => ContractsHttp.ExpandServerUrl("https://{token}.example.com/x", ("token", "999.real-bot-token")));

        Assert.Contains("'token'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("real-bot-token", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://h.example.com/v1?api-version=1", "/items/a", "https://h.example.com/v1/items/a?api-version=1")]
    [InlineData("https://h.example.com/v1?api-version=1", "/items/a?q=2", "https://h.example.com/v1/items/a?api-version=1&q=2")]
    [InlineData("https://h.example.com/v1/?api-version=1", "/items/a?q=2", "https://h.example.com/v1/items/a?api-version=1&q=2")]
    [InlineData("https://h.example.com?api-version=1", "/items", "https://h.example.com/items?api-version=1")]
    [InlineData("https://h.example.com/v1?api-version=1", "/", "https://h.example.com/v1/?api-version=1")]
    [InlineData("https://h.example.com/v1", "/items/a?q=2", "https://h.example.com/v1/items/a?q=2")]
    public void A_base_address_query_follows_the_request_path(string baseAddress, string relative, string expected)
    {
        using var http = new HttpClient();
        var resolved = ContractsHttp.ResolveBaseAddress(new Uri(baseAddress), http, "https://unused.example.com");

        using var request = ContractsHttp.CreateRequest(HttpMethod.Get, resolved, relative);

        Assert.Equal(expected, request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public void A_base_address_with_a_fragment_is_refused()
    {
        using var http = new HttpClient();

        var exception = Assert.Throws<ArgumentException>(() => ContractsHttp.ResolveBaseAddress(new Uri("https://h.example.com/v1#top"), http, "https://unused.example.com"));

        Assert.Contains("fragment", exception.Message, StringComparison.Ordinal);
    }
}
