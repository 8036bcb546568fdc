using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>An API key under a name that does not say it is one still stays behind when a redirect leaves the origin.</summary>
public sealed class CrossOriginRedirectTests
{
    [Fact]
    public async Task Api_keys_under_plain_names_do_not_follow_a_redirect_to_another_origin()
    {
        var sent = new List<HttpRequestMessage>();
        using var http = new HttpClient(new SafeRedirectHandler(new Recorder(sent)));
        var authentication = new ClientAuthentication(http)
            .ApiKey("tenant", ApiKeyLocation.Header, "X-Tenant", new ApiKeyCredential("tenant-key-123456"))
            .ApiKey("code", ApiKeyLocation.Query, "code", new ApiKeyCredential("query-key-654321"));
        SecurityRequirement[] security = [new(new SchemeUse("tenant"), new SchemeUse("code"))];
        using var request = ContractsHttp.CreateRequest(HttpMethod.Get, new Uri("https://api.example.com/"), "/a", security);
        request.Headers.TryAddWithoutValidation("X-Request-Id", "visible-1");

        await ContractsHttp.SendAsync(http, request, "getA", errors: null, new RequestOptions().WithAuthentication(authentication), requestOptions: null, default);

        Assert.Equal("https://api.example.com/a?code=query-key-654321", sent[0].RequestUri!.AbsoluteUri);
        Assert.Equal("tenant-key-123456", sent[0].Headers.GetValues("X-Tenant").Single());
        var followed = sent[1];
        Assert.Equal("https://cdn.example.net/file", followed.RequestUri!.AbsoluteUri);
        Assert.Equal(["x-request-id"], followed.Headers.Select(header => header.Key.ToLowerInvariant()));
    }

    private sealed class Recorder(List<HttpRequestMessage> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request);
            var response = request.RequestUri!.Host == "api.example.com"
                ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { { "Location", "https://cdn.example.net/file?code=query-key-654321" } } }
                : new HttpResponseMessage(HttpStatusCode.OK);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
