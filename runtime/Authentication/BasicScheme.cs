using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>An <c>http</c> <c>basic</c> scheme: <c>Authorization: Basic base64(utf8(user:password))</c> (RFC 7617).</summary>
internal sealed class BasicScheme : AuthenticationScheme
{
    private readonly BasicCredential? _credential;

    public BasicScheme(string name, BasicCredential? credential)
        : base(name)
    {
        _credential = credential;
    }

    public override bool IsConfigured => _credential?.IsConfigured == true;

    public override ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken)
    {
        SetAuthorization(request, "Basic", Encode());
        return default;
    }

    public override void AddSecrets(List<string> secrets)
    {
        if (_credential is { IsConfigured: true } credential)
        {
            Add(secrets, credential.Password);
            Add(secrets, credential.UserName + ":" + credential.Password);
            if (credential.UserName!.IndexOf(':') < 0)
            {
                Add(secrets, Encode());
            }
        }
    }

    private string Encode()
    {
        var userName = _credential!.UserName;
        if (userName!.IndexOf(':') >= 0)
        {
            // RFC 7617: the first colon ends the user name, so the server would read another user and password.
            throw new ArgumentException("The user name of security scheme '" + Name + "' contains a colon, which Basic authentication cannot send.");
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + _credential.Password));
    }
}
