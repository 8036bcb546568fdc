using System;
using System.Net;
using System.Net.Http;
using Contracts.Runtime.Paging;
using Xunit;

namespace Contracts.Runtime.Tests.Paging;

/// <summary>The next page's link put on the request the generated method built: resolved, and kept on the client's origin.</summary>
public sealed class PageLinkTests
{
    private static readonly Uri Built = new("https://api.example.com/v1/repos?per_page=2");

    [Theory]
    [InlineData("https://api.example.com/v1/repos?per_page=2&page=2", "https://api.example.com/v1/repos?per_page=2&page=2")]
    [InlineData("https://API.example.com:443/v1/repos?page=2", "https://api.example.com/v1/repos?page=2")]
    [InlineData("/v1/repos?page=3", "https://api.example.com/v1/repos?page=3")]
    [InlineData("repos?page=4", "https://api.example.com/v1/repos?page=4")]
    [InlineData("?page=5", "https://api.example.com/v1/repos?page=5")]
    public void A_link_on_the_clients_origin_replaces_the_address(string link, string sent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Built);

        new PageLink(link, HttpStatusCode.OK).ApplyTo(request, "ListRepos");

        Assert.Equal(sent, request.RequestUri!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example.com/v1/repos?page=2")]
    [InlineData("//evil.example.com/v1/repos?page=2")]
    [InlineData("http://api.example.com/v1/repos?page=2")]
    [InlineData("https://api.example.com:8443/v1/repos?page=2")]
    [InlineData("https://api.example.com.evil.example/v1/repos")]
    [InlineData("https://user:s3cr3t@evil.example.com/v1/repos")]
    public void A_link_to_another_origin_is_refused_and_the_request_left_alone(string link)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Built);

        var exception = Assert.Throws<ApiException>(() => new PageLink(link, HttpStatusCode.OK).ApplyTo(request, "ListRepos"));

        Assert.Equal(Built, request.RequestUri);
        Assert.Equal("ListRepos", exception.OperationName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("another origin than the client's https://api.example.com:443", exception.Message);

        // Only origins are printed: never a path, a query or user information, which may hold a secret.
        Assert.DoesNotContain("/v1/repos", exception.Message);
        Assert.DoesNotContain("s3cr3t", exception.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://api.example.com/v1/repos")]
    [InlineData("javascript:alert(1)")]
    public void A_link_that_is_not_http_is_refused(string link)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Built);

        var exception = Assert.Throws<ApiException>(() => new PageLink(link, HttpStatusCode.PartialContent).ApplyTo(request, "ListRepos"));

        Assert.Equal(Built, request.RequestUri);
        Assert.Equal(HttpStatusCode.PartialContent, exception.StatusCode);
        Assert.DoesNotContain(link, exception.Message);
    }

    [Theory]
    [InlineData("/v1/repos?page=2", "https://api.example.com/v1/repos?page=2")]
    [InlineData("https://api.example.com/v1/repos?page=2", "https://api.example.com/v1/repos?page=2")]
    [InlineData("//other.example.com/x", "https://other.example.com/x")]
    public void A_link_is_resolved_against_the_address_of_the_page_that_gave_it(string link, string resolved)
    {
        Assert.Equal(resolved, PageLinks.Resolve(link, Built));
    }

    [Fact]
    public void Without_that_address_a_link_is_kept_as_written()
    {
        Assert.Equal("/v1/repos?page=2", PageLinks.Resolve("/v1/repos?page=2", null));
    }
}
