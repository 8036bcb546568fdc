using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>Any other <c>http</c> scheme: <c>Authorization: &lt;scheme word&gt; &lt;value&gt;</c>.</summary>
internal sealed class AuthorizationScheme : AuthenticationScheme
{
    private readonly string _authScheme;
    private readonly AuthorizationCredential? _credential;

    public AuthorizationScheme(string name, string authScheme, AuthorizationCredential? credential)
        : base(name)
    {
        _authScheme = authScheme ?? throw new ArgumentNullException(nameof(authScheme));
        _credential = credential;
    }

    public override bool IsConfigured => _credential?.IsConfigured == true;

    public override ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!IsToken(_authScheme))
        {
            // Checked when used, not when the client is built: a client whose other schemes work stays usable.
            throw new InvalidOperationException("The HTTP authentication scheme word of security scheme '" + Name + "' is not a token (RFC 9110 section 11.1), so it cannot be sent.");
        }

        SetAuthorization(request, _authScheme, Checked(_credential!.Value, "value"));
        return default;
    }

    public override void AddSecrets(List<string> secrets) => Add(secrets, _credential?.Value);

    private static bool IsToken(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text!)
        {
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".IndexOf(c) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
