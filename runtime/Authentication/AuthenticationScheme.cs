using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>One security scheme of a client with the credential configured for it: whether it can be applied, and how.</summary>
internal abstract class AuthenticationScheme
{
    protected AuthenticationScheme(string name)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>The scheme's name in <c>components/securitySchemes</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a credential is configured, so that the scheme can be applied now.</summary>
    public abstract bool IsConfigured { get; }

    /// <summary>Whether the scheme sends a token a provider can refresh: a <c>401</c> then asks for a new one and re-sends once.</summary>
    public virtual bool IsRefreshable => false;

    /// <summary>Adds the credential to <paramref name="request"/>; <paramref name="forceRefresh"/> asks a token provider for a new token.</summary>
    public abstract ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken);

    /// <summary>Adds the secrets this scheme knows (configured and last fetched), so that exceptions never print them.</summary>
    public abstract void AddSecrets(List<string> secrets);

    /// <summary>Refuses a value that would split the header block; the message names the scheme, never the value.</summary>
    protected string Checked(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException("The " + what + " of security scheme '" + Name + "' is empty.");
        }

        if (value!.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            throw new ArgumentException("The " + what + " of security scheme '" + Name + "' contains a line break.");
        }

        return value;
    }

    /// <summary>Sets <c>Authorization: <paramref name="scheme"/> <paramref name="parameter"/></c>, replacing one already set (a re-send).</summary>
    protected static void SetAuthorization(HttpRequestMessage request, string scheme, string parameter)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + parameter);
    }

    protected static void Add(List<string> secrets, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            secrets.Add(value!);
        }
    }
}
