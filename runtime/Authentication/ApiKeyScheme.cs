using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>An <c>apiKey</c> scheme: the key in a header, a query parameter or a cookie.</summary>
internal sealed class ApiKeyScheme : AuthenticationScheme
{
    private readonly ApiKeyLocation _location;
    private readonly string _parameterName;
    private readonly ApiKeyCredential? _credential;

    // The key a provider gave last: exceptions of any call of the client scrub it.
    private string? _provided;

    public ApiKeyScheme(string name, ApiKeyLocation location, string parameterName, ApiKeyCredential? credential)
        : base(name)
    {
        _location = location;
        _parameterName = string.IsNullOrEmpty(parameterName) ? throw new ArgumentException("An apiKey scheme needs a parameter name.", nameof(parameterName)) : parameterName;
        _credential = credential;
    }

    public override bool IsConfigured => _credential?.IsConfigured == true;

    public override async ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken)
    {
        var credential = _credential!;
        string key;
        if (credential.KeyProvider is { } provider)
        {
            key = Checked(await provider(cancellationToken).ConfigureAwait(false), "key");
            _provided = key;
        }
        else
        {
            key = Checked(credential.Key, "key");
        }

        // A header or parameter name need not say it carries a key (X-Tenant, code): the request remembers it, so that
        // its exceptions print it as *** and a redirect to another origin leaves it behind.
        ContractsHttp.MarkCredential(request, key);

        switch (_location)
        {
            case ApiKeyLocation.Header:
                request.Headers.TryAddWithoutValidation(_parameterName, key);
                break;
            case ApiKeyLocation.Query:
                AppendQuery(request, Uri.EscapeDataString(_parameterName) + "=" + Uri.EscapeDataString(key));
                break;
            default:
                AddCookie(request, Uri.EscapeDataString(_parameterName) + "=" + Uri.EscapeDataString(key));
                break;
        }
    }

    public override void AddSecrets(List<string> secrets)
    {
        Add(secrets, _credential?.Key);
        Add(secrets, _provided);
        if (_location != ApiKeyLocation.Header)
        {
            // As the URI or cookie carried it.
            Add(secrets, _credential?.Key is { Length: > 0 } key ? Uri.EscapeDataString(key) : null);
        }
    }

    private static void AppendQuery(HttpRequestMessage request, string pair)
    {
        var uri = request.RequestUri!;
        var text = uri.OriginalString;
        var fragment = text.IndexOf('#');
        var beforeFragment = fragment < 0 ? text : text.Substring(0, fragment);
        var separator = beforeFragment.IndexOf('?') < 0 ? "?" : beforeFragment.EndsWith("?", StringComparison.Ordinal) || beforeFragment.EndsWith("&", StringComparison.Ordinal) ? string.Empty : "&";
        request.RequestUri = new Uri(beforeFragment + separator + pair, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    /// <summary>One <c>Cookie</c> header (RFC 6265 section 5.4): the key joins the cookie parameters already there.</summary>
    private static void AddCookie(HttpRequestMessage request, string pair)
    {
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            pair = string.Join("; ", existing) + "; " + pair;
            request.Headers.Remove("Cookie");
        }

        request.Headers.TryAddWithoutValidation("Cookie", pair);
    }
}
